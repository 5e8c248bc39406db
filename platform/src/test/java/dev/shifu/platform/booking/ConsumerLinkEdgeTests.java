package dev.shifu.platform.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.shifu.planner.domain.Location;
import dev.shifu.planner.travel.HaversineTravelTime;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer's link in the test city 997200, over real HTTP with the live solver and the real process: the ETA
 * from the plan and then from the installer's position, a tampered link, a second rating, and the completion code
 * (shown only while a visit is due, a new one for a rework and only from its day, never to staff).
 */
class ConsumerLinkEdgeTests extends WindowFixture {

	private static final String CITY = "997200";

	private static final String DISTRICT = "997201";

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final double LAT = 31.60;

	private static final double LNG = 121.60;

	@Autowired
	private JdbcTemplate jdbc;

	private long dealer;

	private Api provider;

	/** The brand, its dealer in the district and one installer working every day 08:00-20:00. */
	private void network() {
		setUpBrand();
		dealer = dealer(DISTRICT);
		installer(dealer, EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", LAT + 0.01, LNG + 0.01);
		String name = unique("edge-dealer");
		accounts.createUser(name, PASSWORD, name, Set.of(Role.PROVIDER_ADMIN), dealer, null);
		provider = Api.user(http, name, PASSWORD);
	}

	private static LocalDate today() {
		return LocalDate.now(SHANGHAI);
	}

	/** A GOLD order at the district's centre with a morning window booked in two days, accepted by the dealer. */
	private long scheduled(String phone, LocalDate day) {
		long order = order(DISTRICT, "GOLD", LAT, LNG, phone);
		String token = awaitingBooking(order);
		// As a consumer does: book a window the page offers (a plan day shows once the new installer reached the plan).
		for (int i = 0; i < 120 && !offers(anonymous().get("/api/v1/consumer/" + token + "/windows").json().get("windows"),
				day, "MORNING"); i++) {
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		Api.Reply booked = anonymous().post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", day.toString(), "window", "MORNING"));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		driver.drainUntil(order, () -> openOffer(order) != -1, "an offer");
		Api.Reply accepted = provider.post("/api/v1/offers/" + openOffer(order) + "/accept", null);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("SCHEDULED"), "scheduled");
		return order;
	}

	@Test
	void theEtaComesFromThePlanUntilTheInstallerOnTheWayReportsAPositionThenFromThePositionAndTheTravelModel() {
		network();
		LocalDate day = today().plusDays(2);
		long order = scheduled(TestPhonesOfEdge.next(), day);
		String token = token(order);

		// Before the installer sets off: the plan's start (the arrival, or the window's start when the crew is early),
		// give or take half an hour, as the schedule API has it.
		JsonNode planEta = eventually(() -> {
			JsonNode eta = tracking(token).path("eta");
			JsonNode visit = visit(order, day);
			if (eta.isMissingNode() || eta.isNull() || visit == null) {
				return null;
			}
			LocalDateTime start = LocalDateTime.parse(visit.get("start").asText());
			return LocalDateTime.parse(eta.get("from").asText()).equals(start.minusMinutes(30).truncatedTo(ChronoUnit.MINUTES))
					? eta : null;
		}, "an ETA from the plan's start");
		assertThat(planEta.get("source").asText()).isEqualTo("PLAN");
		assertThat(minutes(planEta)).isEqualTo(60);
		assertThat(LocalDateTime.parse(planEta.get("from").asText()).toLocalDate()).isEqualTo(day);

		driver.fireTimer(order, "InstallationDayTimer");
		assertThat(event(order, Map.of("type", "EN_ROUTE")).status()).isEqualTo(200);
		assertThat(tracking(token).get("eta").get("source").asText()).as("on the way, no position yet: still the plan")
			.isEqualTo("PLAN");

		// 20 km north: the position and the planner's travel-time model give a narrower window, later than now.
		Location consumer = new Location("consumer", LAT, LNG);
		Location far = new Location("installer", LAT + 0.18, LNG);
		Instant before = Instant.now();
		position(order, far);
		Instant after = Instant.now();
		JsonNode farEta = tracking(token).get("eta");
		assertThat(farEta.get("source").asText()).isEqualTo("POSITION");
		assertThat(minutes(farEta)).as("narrower than the plan's hour").isEqualTo(20);
		long travel = HaversineTravelTime.cityDefault().seconds(far, consumer);
		assertThat(travel).as("a real drive").isGreaterThan(600);
		LocalDateTime farFrom = LocalDateTime.parse(farEta.get("from").asText());
		assertThat(farFrom).isBetween(local(before.plusSeconds(travel).minus(Duration.ofMinutes(11))),
				local(after.plusSeconds(travel).minus(Duration.ofMinutes(10))));

		// Closer now: the window moves earlier by the drive no longer ahead.
		Location near = new Location("installer", LAT + 0.02, LNG);
		position(order, near);
		JsonNode nearEta = tracking(token).get("eta");
		assertThat(nearEta.get("source").asText()).isEqualTo("POSITION");
		assertThat(minutes(nearEta)).isEqualTo(20);
		long saved = travel - HaversineTravelTime.cityDefault().seconds(near, consumer);
		assertThat(LocalDateTime.parse(nearEta.get("from").asText()))
			.isBefore(farFrom)
			.isAfterOrEqualTo(farFrom.minusSeconds(saved + 60));
	}

	@Test
	void aLinkWithOneCharacterChangedOpensNothingAndChangesNothing() {
		network();
		long order = order(DISTRICT, "GOLD", LAT, LNG, TestPhonesOfEdge.next());
		String token = awaitingBooking(order);
		int at = token.length() / 2;
		char swapped = token.charAt(at) == 'a' ? 'b' : 'a';
		String tampered = token.substring(0, at) + swapped + token.substring(at + 1);
		String day = today().plusDays(2).toString();

		List<Api.Reply> replies = new ArrayList<>();
		replies.add(anonymous().get("/api/v1/consumer/" + tampered));
		replies.add(anonymous().get("/api/v1/consumer/" + tampered + "/windows"));
		replies.add(anonymous().get("/api/v1/consumer/" + tampered + "/tracking"));
		replies.add(anonymous().post("/api/v1/consumer/" + tampered + "/appointment", Map.of("date", day, "window", "MORNING")));
		replies.add(anonymous().post("/api/v1/consumer/" + tampered + "/cancel", Map.of("reason", "not mine")));
		replies.add(anonymous().post("/api/v1/consumer/" + tampered + "/rating", Map.of("stars", 1)));

		for (Api.Reply reply : replies) {
			assertThat(reply.status()).as(reply.body()).isEqualTo(404);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.body()).doesNotContain("李娜").doesNotContain(DISTRICT);
		}
		driver.drain(order);
		assertThat(status(order)).isEqualTo("AWAITING_BOOKING");
		assertThat(anonymous().get("/api/v1/consumer/" + token + "/appointment").status()).as("nothing booked")
			.isEqualTo(404);
		assertThat(anonymous().get("/api/v1/consumer/" + token).status()).as("the real link still opens").isEqualTo(200);
	}

	@Test
	void aSecondRatingIsA409AndTheFirstStands() {
		network();
		long order = scheduled(TestPhonesOfEdge.next(), today().plusDays(2));
		String token = token(order);
		serve(order);
		String rating = "/api/v1/consumer/" + token + "/rating";

		Api.Reply first = anonymous().post(rating, Map.of("stars", 4, "tags", List.of("PUNCTUAL"), "comment", "准时"));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("RATED"), "rated");
		JsonNode rated = eventually(() -> {
			JsonNode installer = tracking(token).path("installer");
			return installer.path("ratingCount").asInt() == 1 ? installer : null;
		}, "the installer's rating counted");

		Api.Reply second = anonymous().post(rating, Map.of("stars", 1, "tags", List.of("LATE"), "comment", "迟到"));

		assertThat(second.status()).isEqualTo(409);
		assertThat(second.contentType()).startsWith("application/problem+json");
		driver.drain(order);
		assertThat(status(order)).isEqualTo("RATED");
		JsonNode installer = tracking(token).get("installer");
		assertThat(installer.get("ratingCount").asInt()).isEqualTo(1);
		assertThat(installer.get("rating").asDouble()).isEqualTo(rated.get("rating").asDouble());
		assertThat(admin.get("/api/v1/complaints?orderId=" + order).json().size()).as("the one star opened nothing")
			.isZero();
	}

	@Test
	void theCodeShowsOnlyWhileAVisitIsDueNeverToStaffAndAReworkTheConsumerBooksGetsANewOneFromItsDay() {
		network();
		LocalDate day = today().plusDays(2);
		long order = scheduled(TestPhonesOfEdge.next(), day);
		String token = token(order);
		assertThat(consumerView(token).has("verificationCode")).as("scheduled, not the day yet").isFalse();

		driver.fireTimer(order, "InstallationDayTimer");
		String code = consumerView(token).get("verificationCode").asText();
		assertThat(code).hasSize(6);
		assertStaffNeverSee(order, code, day);
		for (String step : List.of("EN_ROUTE", "ARRIVED", "STARTED")) {
			assertThat(event(order, Map.of("type", step)).status()).isEqualTo(200);
		}
		assertThat(consumerView(token).get("verificationCode").asText()).isEqualTo(code);
		assertThat(event(order, Map.of("type", "COMPLETED", "verificationCode", code)).status()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("COMPLETED"), "completed");
		assertThat(consumerView(token).has("verificationCode")).as("none after completion").isFalse();

		// A low rating: a rework, which the consumer books through the same link, in three days (the first visit's
		// window is over and gives way to it).
		assertThat(anonymous().post("/api/v1/consumer/" + token + "/rating", Map.of("stars", 1)).status()).isEqualTo(200);
		driver.drainUntil(order, () -> driver.isWaitingAt(order, "AwaitReworkBookingTask"), "a rework to book");
		assertThat(trackingView(token).get("visitToBook").asBoolean()).as("the page offers the rework's windows").isTrue();
		LocalDate reworkDay = today().plusDays(3);
		Api.Reply rebooked = anonymous().post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", reworkDay.toString(), "window", "MORNING"));
		assertThat(rebooked.status()).as(rebooked.body()).isEqualTo(200);
		assertThat(anonymous().get("/api/v1/consumer/" + token + "/appointment").json().get("date").asText())
			.isEqualTo(reworkDay.toString());
		driver.drain(order);
		assertThat(trackingView(token).get("visitToBook").asBoolean()).as("booked: a move now, not a booking").isFalse();
		driver.drainUntil(order, () -> status(order).equals("REWORK_SCHEDULED"), "the rework booked");

		// Before the rework's day: the page shows the rework, no code; the first visit's code completes nothing.
		JsonNode before = consumerView(token);
		assertThat(before.get("status").asText()).isEqualTo("REWORK_SCHEDULED");
		assertThat(before.get("bookedDate").asText()).isEqualTo(reworkDay.toString());
		assertThat(before.has("verificationCode")).as("not before the rework's day").isFalse();
		assertThat(anonymous().post("/api/v1/consumer/" + token + "/verification-code", null).status())
			.as("no fresh code before the day either").isEqualTo(409);
		Api.Reply oldCode = event(order, Map.of("type", "COMPLETED", "verificationCode", code));
		assertThat(oldCode.status()).as(oldCode.body()).isBetween(400, 499);
		assertThat(oldCode.contentType()).startsWith("application/problem+json");
		assertThat(status(order)).isEqualTo("REWORK_SCHEDULED");

		// On the rework's day (the booking moved to today): a new code, which completes the rework.
		jdbc.update("update booking set booked_date = ? where order_id = ?", today(), order);
		String reworkCode = consumerView(token).get("verificationCode").asText();
		assertThat(reworkCode).hasSize(6).isNotEqualTo(code);
		assertStaffNeverSee(order, reworkCode, reworkDay);
		Api.Reply done = event(order, Map.of("type", "COMPLETED", "verificationCode", reworkCode));
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		driver.drainUntil(order, () -> !status(order).equals("REWORK_SCHEDULED"), "the rework done");
		assertThat(consumerView(token).has("verificationCode")).isFalse();
	}

	/** Order views, tasks, the board, the schedule and the process's variables (Cockpit's view) never hold the code. */
	private void assertStaffNeverSee(long order, String code, LocalDate day) {
		String quoted = "\"" + code + "\"";
		Api service = asNewUser(Role.CUSTOMER_SERVICE, null);
		List<Api.Reply> views = List.of(admin.get("/api/v1/orders/" + order), asBrand(brand).get("/api/v1/orders/" + order),
				service.get("/api/v1/orders/" + order), dispatcher.get("/api/v1/orders/" + order),
				admin.get("/api/v1/tasks"), dispatcher.get("/api/v1/tasks"), service.get("/api/v1/tasks"),
				dispatcher.get("/api/v1/dispatch/board?region=" + CITY + "&date=" + day),
				dispatcher.get("/api/v1/schedules?region=" + CITY + "&date=" + day),
				admin.get("/api/v1/offers?orderId=" + order), admin.get("/api/v1/notifications?orderId=" + order));
		for (Api.Reply view : views) {
			assertThat(view.status()).as(view.body()).isEqualTo(200);
			assertThat(view.body()).doesNotContain(quoted).doesNotContain("verificationCode\":\"");
		}
		String instance = driver.instanceOf(order);
		assertThat(runtime.getVariables(instance).values()).noneMatch(v -> String.valueOf(v).contains(code));
		for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(instance).list()) {
			assertThat(String.valueOf(v.getValue())).as(v.getName()).doesNotContain(code);
		}
	}

	private String token(long order) {
		String link = asBrand(brand).get("/api/v1/orders/" + order).json().get("consumerLink").asText();
		return link.substring(link.indexOf("/c/") + 3);
	}

	private void serve(long order) {
		driver.fireTimer(order, "InstallationDayTimer");
		for (String step : List.of("EN_ROUTE", "ARRIVED", "STARTED")) {
			assertThat(event(order, Map.of("type", step)).status()).isEqualTo(200);
		}
		String code = consumerView(token(order)).get("verificationCode").asText();
		assertThat(event(order, Map.of("type", "COMPLETED", "verificationCode", code)).status()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("COMPLETED"), "completed");
	}

	private Api.Reply event(long order, Map<String, Object> event) {
		Api.Reply reply = provider.post("/api/v1/providers/" + dealer + "/jobs/" + order + "/events", event);
		driver.drain(order);
		return reply;
	}

	private void position(long order, Location at) {
		Api.Reply reply = provider.post("/api/v1/providers/" + dealer + "/jobs/" + order + "/position",
				Map.of("position", Map.of("lat", at.latitude(), "lng", at.longitude())));
		assertThat(reply.status()).as(reply.body()).isEqualTo(204);
	}

	private JsonNode trackingView(String token) {
		Api.Reply reply = anonymous().get("/api/v1/consumer/" + token + "/tracking");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private JsonNode consumerView(String token) {
		Api.Reply reply = anonymous().get("/api/v1/consumer/" + token);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private JsonNode tracking(String token) {
		Api.Reply reply = anonymous().get("/api/v1/consumer/" + token + "/tracking");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().get("tracking");
	}

	private JsonNode visit(long order, LocalDate day) {
		JsonNode plan = dispatcher.get("/api/v1/schedules?region=" + CITY + "&date=" + day).json();
		for (JsonNode visit : plan.findValues("visits").stream().flatMap(v -> toList(v).stream()).toList()) {
			if (visit.path("orderId").asLong() == order) {
				return visit;
			}
		}
		return null;
	}

	private static List<JsonNode> toList(JsonNode array) {
		List<JsonNode> list = new ArrayList<>();
		array.forEach(list::add);
		return list;
	}

	private static long minutes(JsonNode eta) {
		return Duration.between(LocalDateTime.parse(eta.get("from").asText()), LocalDateTime.parse(eta.get("to").asText()))
			.toMinutes();
	}

	private static LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, SHANGHAI).truncatedTo(ChronoUnit.MINUTES);
	}

	private String status(long order) {
		return admin.get("/api/v1/orders/" + order).json().get("status").asText();
	}

	private long openOffer(long order) {
		for (JsonNode offer : admin.get("/api/v1/offers?orderId=" + order).json()) {
			if (offer.get("status").asText().equals("OFFERED")) {
				return offer.get("id").asLong();
			}
		}
		return -1;
	}

	private static <T> T eventually(Supplier<T> probe, String what) {
		for (int i = 0; i < 600; i++) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			sleep(100);
		}
		throw new AssertionError("never: " + what);
	}

	/** Consumer phones of this class: a member is its phone, so each order is a member of its own. */
	private static final class TestPhonesOfEdge {

		static String next() {
			return dev.shifu.platform.support.TestPhones.next("159");
		}

	}

}
