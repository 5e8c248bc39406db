package dev.shifu.platform.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.shifu.platform.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Windows come from the live plan's capacity for the brand's own installers, by member tier; a booked window is the
 * job's window in the plan; a late reschedule waits for a dispatcher; bad windows change nothing.
 */
class WindowBookingTests extends WindowFixture {

	private static final String DISTRICT = "330782";

	@Test
	void windowsFollowCapacityAndTierAndABookingLandsInItsWindow() {
		setUpBrand();
		long dealer = dealer(DISTRICT);
		installer(dealer, EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", 29.306, 120.075);
		long normal = order(DISTRICT, "NORMAL", 29.307, 120.076, "13811112222");
		long gold = order(DISTRICT, "GOLD", 29.305, 120.074, "13833334444");
		String normalToken = awaitingBooking(normal);
		String goldToken = awaitingBooking(gold);
		Api consumer = anonymous();

		JsonNode normalWindows = consumer.get("/api/v1/consumer/" + normalToken + "/windows").json();
		JsonNode goldWindows = consumer.get("/api/v1/consumer/" + goldToken + "/windows").json();

		// NORMAL: from the day after tomorrow, no evening window; GOLD: from tomorrow.
		assertThat(normalWindows.get("windows").size()).isPositive();
		assertThat(offers(normalWindows.get("windows"), TODAY.plusDays(1), "MORNING")).isFalse();
		assertThat(offers(normalWindows.get("windows"), TODAY.plusDays(3), "MORNING")).isTrue();
		assertThat(codes(normalWindows.get("windows"))).doesNotContain("EVENING");
		assertThat(offers(goldWindows.get("windows"), TODAY.plusDays(1), "AFTERNOON")).isTrue();
		assertThat(normalWindows.get("zoneId").asText()).isEqualTo("Asia/Shanghai");

		// Bad windows: never offered, in the past, a window the tier does not have; nothing is booked.
		Api.Reply never = consumer.post("/api/v1/consumer/" + normalToken + "/appointment",
				Map.of("date", TODAY.plusDays(3).toString(), "window", "NIGHT"));
		Api.Reply past = consumer.post("/api/v1/consumer/" + normalToken + "/appointment",
				Map.of("date", TODAY.minusDays(1).toString(), "window", "MORNING"));
		Api.Reply evening = consumer.post("/api/v1/consumer/" + normalToken + "/appointment",
				Map.of("date", TODAY.plusDays(3).toString(), "window", "EVENING"));
		assertThat(never.status()).isEqualTo(400);
		assertThat(never.json().get("field").asText()).isEqualTo("window");
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.json().get("field").asText()).isEqualTo("date");
		assertThat(evening.status()).isEqualTo(400);
		assertThat(consumer.get("/api/v1/consumer/" + normalToken + "/appointment").status()).isEqualTo(404);

		LocalDate day = TODAY.plusDays(3);
		Api.Reply booked = consumer.post("/api/v1/consumer/" + normalToken + "/appointment",
				Map.of("date", day.toString(), "window", "MORNING"));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		assertThat(booked.json().get("window").asText()).isEqualTo("MORNING");

		// The same window again is a no-op; another window is a double booking.
		assertThat(consumer.post("/api/v1/consumer/" + normalToken + "/appointment",
				Map.of("date", day.toString(), "window", "MORNING")).status()).isEqualTo(200);
		Api.Reply twice = consumer.post("/api/v1/consumer/" + normalToken + "/appointment",
				Map.of("date", day.toString(), "window", "AFTERNOON"));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("type").asText()).endsWith("already-booked");

		// The plan shows the job on the booked day, starting inside the booked window.
		JsonNode visit = null;
		for (int i = 0; i < 300 && visit == null; i++) {
			visit = visit(dispatcher.get("/api/v1/schedules?region=330700&date=" + day).json(), "O" + normal);
			if (visit == null) {
				sleep(200);
			}
		}
		assertThat(visit).as("planned on the booked day").isNotNull();
		LocalTime start = java.time.LocalDateTime.parse(visit.get("start").asText()).toLocalTime();
		assertThat(start).isBetween(LocalTime.of(9, 0), LocalTime.of(12, 0));

		// A late reschedule (the booked window is tomorrow) waits for the dispatcher; the old window stands.
		LocalDate tomorrow = TODAY.plusDays(1);
		assertThat(consumer.post("/api/v1/consumer/" + goldToken + "/appointment",
				Map.of("date", tomorrow.toString(), "window", "AFTERNOON")).status()).isEqualTo(200);
		Api.Reply otherWithoutNote = consumer.post("/api/v1/consumer/" + goldToken + "/appointment/reschedule",
				Map.of("date", tomorrow.toString(), "window", "MORNING", "reason", "OTHER"));
		assertThat(otherWithoutNote.status()).isEqualTo(400);
		assertThat(otherWithoutNote.json().get("field").asText()).isEqualTo("note");
		Api.Reply late = consumer.post("/api/v1/consumer/" + goldToken + "/appointment/reschedule",
				Map.of("date", tomorrow.toString(), "window", "MORNING", "reason", "NOT_HOME"));
		assertThat(late.status()).as(late.body()).isEqualTo(202);
		assertThat(late.json().get("window").asText()).isEqualTo("AFTERNOON");
		assertThat(late.json().get("pendingReschedule").get("window").asText()).isEqualTo("MORNING");
		JsonNode pending = dispatcher.get("/api/v1/reschedule-requests").json();
		long requestId = -1;
		for (JsonNode r : pending) {
			if (r.get("orderId").asLong() == gold) {
				requestId = r.get("id").asLong();
			}
		}
		assertThat(requestId).isPositive();
		assertThat(anonymous().post("/api/v1/reschedule-requests/" + requestId + "/approve", Map.of()).status())
			.isIn(401, 403);
		Api.Reply approved = dispatcher.post("/api/v1/reschedule-requests/" + requestId + "/approve",
				Map.of("note", "OK"));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		JsonNode after = consumer.get("/api/v1/consumer/" + goldToken + "/appointment").json();
		assertThat(after.get("window").asText()).isEqualTo("MORNING");
		assertThat(after.get("lastDecision").get("outcome").asText()).isEqualTo("APPROVED");
		assertThat(after.hasNonNull("pendingReschedule")).isFalse();
		assertThat(dispatcher.post("/api/v1/reschedule-requests/" + requestId + "/decline", Map.of()).status())
			.isEqualTo(409);

		// Not late: OTHER still needs its note, and nothing moves without it.
		Api.Reply noNote = consumer.post("/api/v1/consumer/" + normalToken + "/appointment/reschedule",
				Map.of("date", day.toString(), "window", "AFTERNOON", "reason", "OTHER", "note", "  "));
		assertThat(noNote.status()).as(noNote.body()).isEqualTo(400);
		assertThat(noNote.contentType()).startsWith("application/problem+json");
		assertThat(noNote.json().get("field").asText()).isEqualTo("note");
		JsonNode unmoved = consumer.get("/api/v1/consumer/" + normalToken + "/appointment").json();
		assertThat(unmoved.get("window").asText()).isEqualTo("MORNING");
		assertThat(unmoved.get("reschedulesLeft").asInt()).isEqualTo(2);
		assertThat(dispatcher.get("/api/v1/orders/" + normal + "/reschedules").json()).as("no move recorded").isEmpty();

		// Moved at once, each with its reason recorded for staff, at most twice, then a call-back is offered.
		String note = "装修未完成 <b>wall</b>";
		for (String window : new String[] { "AFTERNOON", "MORNING" }) {
			Map<String, String> move = window.equals("AFTERNOON")
					? Map.of("date", day.toString(), "window", window, "reason", "CHANGED_MIND")
					: Map.of("date", day.toString(), "window", window, "reason", "OTHER", "note", note);
			Api.Reply moved = consumer.post("/api/v1/consumer/" + normalToken + "/appointment/reschedule", move);
			assertThat(moved.status()).as(moved.body()).isEqualTo(200);
			assertThat(moved.json().get("window").asText()).isEqualTo(window);
			assertThat(moved.json().hasNonNull("lastDecision")).as("a move made at once is no dispatcher's decision")
				.isFalse();
		}
		Api.Reply history = dispatcher.get("/api/v1/orders/" + normal + "/reschedules");
		assertThat(history.status()).as(history.body()).isEqualTo(200);
		JsonNode moves = history.json();
		assertThat(moves).hasSize(2);
		assertThat(moves.get(0).get("status").asText()).isEqualTo("MOVED");
		assertThat(moves.get(0).get("reason").asText()).isEqualTo("OTHER");
		assertThat(moves.get(0).get("note").asText()).isEqualTo(note);
		assertThat(moves.get(0).get("fromWindow").asText()).isEqualTo("AFTERNOON");
		assertThat(moves.get(0).get("toWindow").asText()).isEqualTo("MORNING");
		assertThat(moves.get(1).get("reason").asText()).isEqualTo("CHANGED_MIND");
		assertThat(moves.get(1).get("fromWindow").asText()).isEqualTo("MORNING");
		assertThat(moves.get(1).get("toWindow").asText()).isEqualTo("AFTERNOON");
		assertThat(moves.get(1).hasNonNull("note")).isFalse();
		assertThat(history.body()).as("the consumer's note is inert in the staff JSON").doesNotContain("<b>");
		assertThat(asBrand(newBrand()).get("/api/v1/orders/" + normal + "/reschedules").status()).isIn(403, 404);
		assertThat(dispatcher.get("/api/v1/reschedule-requests").body()).as("moves made at once wait for nobody")
			.doesNotContain("\"orderId\":" + normal + ",");
		Api.Reply third = consumer.post("/api/v1/consumer/" + normalToken + "/appointment/reschedule",
				Map.of("date", day.toString(), "window", "AFTERNOON", "reason", "CHANGED_MIND"));
		assertThat(third.status()).isEqualTo(409);
		assertThat(third.json().get("type").asText()).endsWith("reschedule-limit");
		assertThat(consumer.get("/api/v1/consumer/" + normalToken + "/appointment").json().get("callbackOffered")
			.asBoolean()).isTrue();
	}

	@Test
	void aPlatinumMembersOfflineOrderGetsTheEveningAndAPremiumInstaller() {
		setUpBrand();
		long dealer = dealer("330703");
		installer(dealer, EnumSet.allOf(DayOfWeek.class), "08:00", "21:30", 29.08, 119.65);
		// The member's online order is PLATINUM; the offline one (same phone) came in as NORMAL.
		order("330703", "PLATINUM", 29.081, 119.651, "13955556666");
		long offline = order("330703", "NORMAL", 29.082, 119.652, "13955556666");
		String token = awaitingBooking(offline);

		// Tomorrow is a day of the live plan: its capacity shows once the new installer reached the running solver.
		JsonNode windows = anonymous().get("/api/v1/consumer/" + token + "/windows").json();
		for (int i = 0; i < 120 && !offers(windows.get("windows"), TODAY.plusDays(1), "EVENING"); i++) {
			pause(500);
			windows = anonymous().get("/api/v1/consumer/" + token + "/windows").json();
		}

		assertThat(windows.get("memberTier").asText()).isEqualTo("PLATINUM");
		assertThat(offers(windows.get("windows"), TODAY.plusDays(1), "EVENING")).isTrue();
		// The default catalogue's times, in the region's zone: morning 09-12, afternoon 13-17, evening 18-21.
		Map<String, String> times = new java.util.HashMap<>();
		for (JsonNode w : windows.get("windows")) {
			times.put(w.get("window").asText(), w.get("start").asText() + "-" + w.get("end").asText());
		}
		assertThat(times).as(windows.toString()).containsEntry("EVENING", "18:00:00-21:00:00");
		assertThat(times.getOrDefault("MORNING", "")).isEqualTo("09:00:00-12:00:00");
		assertThat(times.getOrDefault("AFTERNOON", "")).isEqualTo("13:00:00-17:00:00");
		// A new installer is rated 5.0 until rated otherwise: premium.
		boolean premium = false;
		for (JsonNode w : windows.get("windows")) {
			premium |= w.get("premiumInstaller").asBoolean();
		}
		assertThat(premium).isTrue();
	}

	/**
	 * A brand with no tier configuration gets the rights: GOLD and PLATINUM from tomorrow, SILVER and NORMAL
	 * from the day after, and the evening for PLATINUM only. In the test city 999100 (V314), planned by no other test.
	 */
	@Test
	void withoutBrandConfigurationGoldAndPlatinumBookFromTomorrowOthersFromTheDayAfterAndOnlyPlatinumInTheEvening() {
		setUpBrand();
		long dealer = dealer("999101");
		installer(dealer, EnumSet.allOf(DayOfWeek.class), "08:00", "21:30", 41.91, 101.91);
		Map<String, String> tokens = new java.util.LinkedHashMap<>();
		double lat = 41.911;
		for (String tier : new String[] { "PLATINUM", "GOLD", "SILVER", "NORMAL" }) {
			tokens.put(tier, awaitingBooking(order("999101", tier, lat, 101.911, dev.shifu.platform.support.TestPhones.next("159"))));
			lat += 0.001;
		}
		LocalDate tomorrow = TODAY.plusDays(1);
		// Tomorrow is a day of the live plan: its capacity shows once the new installer reached the running solver.
		JsonNode platinum = anonymous().get("/api/v1/consumer/" + tokens.get("PLATINUM") + "/windows").json();
		for (int i = 0; i < 120 && !offers(platinum.get("windows"), tomorrow, "EVENING"); i++) {
			pause(500);
			platinum = anonymous().get("/api/v1/consumer/" + tokens.get("PLATINUM") + "/windows").json();
		}

		for (Map.Entry<String, String> tier : tokens.entrySet()) {
			JsonNode windows = tier.getKey().equals("PLATINUM") ? platinum
					: anonymous().get("/api/v1/consumer/" + tier.getValue() + "/windows").json();
			JsonNode offered = windows.get("windows");
			boolean early = tier.getKey().equals("PLATINUM") || tier.getKey().equals("GOLD");
			LocalDate first = early ? tomorrow : TODAY.plusDays(2);
			assertThat(windows.get("memberTier").asText()).isEqualTo(tier.getKey());
			for (JsonNode w : offered) {
				assertThat(LocalDate.parse(w.get("date").asText())).as(tier.getKey() + ": " + offered)
					.isAfterOrEqualTo(first);
			}
			assertThat(offers(offered, first, "MORNING")).as(tier.getKey() + " from " + first + ": " + offered).isTrue();
			if (tier.getKey().equals("PLATINUM")) {
				assertThat(offers(offered, first, "EVENING")).as("PLATINUM's evening: " + offered).isTrue();
			}
			else {
				assertThat(codes(offered)).as(tier.getKey() + ": no evening").doesNotContain("EVENING");
			}
		}
		Api.Reply silverTomorrow = anonymous().post("/api/v1/consumer/" + tokens.get("SILVER") + "/appointment",
				Map.of("date", tomorrow.toString(), "window", "MORNING"));
		assertThat(silverTomorrow.status()).as(silverTomorrow.body()).isEqualTo(400);
		assertThat(silverTomorrow.json().get("field").asText()).isEqualTo("date");
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void noWindowComesFromAProviderRatedBelowTheDispatchPolicysMinimum() {
		setUpBrand();
		long dealer = dealer("330702");
		long installer = installer(dealer, EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", 29.087, 119.571);
		// A hundred one-star ratings: the provider's rating falls to about 1.4, below the policy's 3.5 for the region.
		jdbc.update("update installer set rating = 1.0, rating_count = 100 where id = ?", installer);
		long order = order("330702", "NORMAL", 29.088, 119.572, "13822223333");
		String token = awaitingBooking(order);

		JsonNode windows = anonymous().get("/api/v1/consumer/" + token + "/windows").json();

		assertThat(windows.get("windows").size()).as(windows.toString()).isZero();
		assertThat(windows.get("reason").asText()).isEqualTo("NO_CAPACITY");
	}

	@Test
	void shippedGoodsOpenNoWindowBeforeTheirExpectedArrivalPlusTheMargin() {
		setUpBrand();
		long dealer = dealer("330703");
		installer(dealer, EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", 29.10, 119.69);
		LocalDate arrives = TODAY.plusDays(4);
		long order = asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("WIN"), "consumer",
				Map.of("name", "李娜", "phone", "13844445555", "address", "浙江省金华市某路 1 号", "regionCode", "330703",
						"location", Map.of("lat", 29.101, "lng", 119.691)),
				"items", java.util.List.of(Map.of("sku", "DR-1", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD",
				"goods", Map.of("status", "SHIPPED", "expectedArrival", arrives.toString()))).json().get("id").asLong();
		String token = awaitingBooking(order);

		JsonNode windows = anonymous().get("/api/v1/consumer/" + token + "/windows").json();

		// GOLD would start tomorrow; the goods arrive in four days, and the default margin is one day more.
		assertThat(windows.get("windows").size()).as(windows.toString()).isPositive();
		for (JsonNode w : windows.get("windows")) {
			assertThat(LocalDate.parse(w.get("date").asText())).isAfterOrEqualTo(arrives.plusDays(1));
		}
		assertThat(offers(windows.get("windows"), arrives.plusDays(1), "MORNING")).isTrue();
		Api.Reply early = anonymous().post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", arrives.toString(), "window", "MORNING"));
		assertThat(early.status()).isEqualTo(400);
		assertThat(early.json().get("field").asText()).isEqualTo("window");
	}

	@Test
	void aBrandThatTakesNoCancellationsThroughTheLinkRefusesIt() {
		setUpBrand();
		brand = accounts.createBrand("nocancel", "No cancellations by link");
		long order = order(DISTRICT, "NORMAL", 29.307, 120.076, "13877778888");
		String token = awaitingBooking(order);

		Api.Reply cancel = anonymous().post("/api/v1/consumer/" + token + "/cancel", Map.of("reason", "changed my mind"));

		assertThat(cancel.status()).isEqualTo(409);
		assertThat(cancel.json().get("type").asText()).endsWith("cancel-not-allowed");
		assertThat(asBrand(brand).get("/api/v1/orders/" + order).json().get("status").asText())
			.isEqualTo("AWAITING_BOOKING");
	}

	private static JsonNode visit(JsonNode plan, String job) {
		for (JsonNode installer : plan.get("installers")) {
			for (JsonNode v : installer.get("visits")) {
				if (v.get("jobId").asText().equals(job)) {
					return v;
				}
			}
		}
		return null;
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
