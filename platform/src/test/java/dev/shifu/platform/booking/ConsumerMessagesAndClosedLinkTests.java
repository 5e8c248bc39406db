package dev.shifu.platform.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.TestPhones;
import dev.shifu.workflows.ServiceOrderProcess.Elements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One English order walked through the whole consumer flow in the test city 992200 (V305), and one Chinese order
 * cancelled: every message the consumer got is recorded in both languages, filled in (dates, windows, the ETA, the
 * masked link), and went out in the order's language; the tracking view shows the installer's rating, its count and
 * the crew, and follows a consumer's rating; once the order is closed or cancelled, the link shows the outcome and
 * refuses every write (book, move, cancel, a fresh code, a call-back, a rating) with a 409 problem and changes
 * nothing.
 */
class ConsumerMessagesAndClosedLinkTests extends WindowFixture {

	private static final String CITY = "992200";

	private static final String DISTRICT = "992201";

	private static final double LAT = 31.40;

	private static final double LNG = 121.40;

	private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

	private long dealer;

	private Api provider;

	private Api service;

	private void network() {
		setUpBrand();
		dealer = dealer(DISTRICT);
		// A crew of two, so the tracking view's crew size is the installer's, not the order's one.
		List<Map<String, String>> shifts = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			shifts.add(Map.of("day", day.name(), "start", "08:00", "end", "20:00"));
		}
		Api.Reply installer = admin.post("/api/v1/providers/" + dealer + "/installers", Map.of("name", "王建国", "phone",
				TestPhones.next("134"), "skills", List.of("DOOR"), "homeBase", Map.of("lat", LAT + 0.01, "lng", LNG + 0.01),
				"shifts", shifts, "crewSize", 2));
		assertThat(installer.status()).as(installer.body()).isEqualTo(201);
		String name = unique("msg-dealer");
		accounts.createUser(name, PASSWORD, name, Set.of(Role.PROVIDER_ADMIN), dealer, null);
		provider = Api.user(http, name, PASSWORD);
		service = asNewUser(Role.CUSTOMER_SERVICE, null);
	}

	@Test
	void anEnglishOrdersEveryMessageIsFilledInBothLanguagesAndItsClosedLinkShowsTheOutcomeAndRefusesEveryWrite() {
		network();
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		LocalDate tomorrow = today.plusDays(1);
		LocalDate second = today.plusDays(2);
		LocalDate third = today.plusDays(3);
		long order = order("en");
		String number = number(order);
		String token = awaitingBooking(order);
		message(order, "BOOKING_LINK");

		// Booked three days ahead: the confirmation names the day and the window.
		offered(token, third, "MORNING");
		assertThat(post(token, "/appointment", Map.of("date", third.toString(), "window", "MORNING")).status())
			.isEqualTo(200);
		assertThat(message(order, "BOOKING_CONFIRMED").get("textEn").asText()).contains(third + " 09:00-12:00");

		// Accepted (the process takes a move to another day only once a provider has the job).
		driver.drainUntil(order, () -> openOffer(order) != -1, "an offer");
		assertThat(provider.post("/api/v1/offers/" + openOffer(order) + "/accept", null).status()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("SCHEDULED"), "scheduled");

		// A move of a window more than approval-before (40 h) ahead is at once, confirmed as a booking of the new one.
		offered(token, tomorrow, "MORNING");
		Api.Reply moved = post(token, "/appointment/reschedule",
				Map.of("date", tomorrow.toString(), "window", "MORNING", "reason", "CHANGED_MIND"));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		eventually(() -> texts(order, "BOOKING_CONFIRMED").stream().anyMatch(t -> t.contains(tomorrow + " 09:00-12:00"))
				? true : null, "the move confirmed");
		// The move goes back through the schedule step (asynchronous) to the wait for the day, which takes moves.
		driver.drainUntil(order, () -> driver.isWaitingAt(order, Elements.INSTALLATION_DAY_GATEWAY), "waiting for the day");

		// A late move (tomorrow morning is closer than that): the dispatcher approves, the consumer hears of it.
		offered(token, second, "AFTERNOON");
		Api.Reply late = post(token, "/appointment/reschedule",
				Map.of("date", second.toString(), "window", "AFTERNOON", "reason", "NOT_HOME"));
		assertThat(late.status()).as(late.body()).isEqualTo(202);
		Api.Reply approved = dispatcher.post("/api/v1/reschedule-requests/" + request(order) + "/approve", Map.of());
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(message(order, "RESCHEDULE_APPROVED").get("textEn").asText()).contains(second + " 13:00-17:00");

		// The plan gives an ETA and names the installer: rating 5.0 of no ratings yet, a crew of two.
		driver.drainUntil(order, () -> driver.isWaitingAt(order, Elements.INSTALLATION_DAY_GATEWAY), "waiting for the day");
		assertThat(status(order)).isEqualTo("SCHEDULED");
		JsonNode planned = eventually(() -> {
			JsonNode tracking = tracking(token).get("tracking");
			return tracking.hasNonNull("installer") && tracking.hasNonNull("eta") ? tracking : null;
		}, "the installer and an ETA from the plan");
		JsonNode unrated = planned.get("installer");
		// The ETA is within the booked afternoon, though the crew could be at the door in the morning.
		LocalDateTime etaMiddle = LocalDateTime.parse(planned.at("/eta/from").asText()).plusMinutes(30);
		assertThat(etaMiddle.toLocalDate()).isEqualTo(second);
		assertThat(etaMiddle.toLocalTime()).as(planned.get("eta").toString()).isBetween(LocalTime.of(13, 0), LocalTime.of(17, 0));
		assertThat(unrated.get("firstName").asText()).isEqualTo("王");
		assertThat(unrated.get("crewSize").asInt()).isEqualTo(2);
		assertThat(unrated.get("ratingCount").asInt()).isZero();
		assertThat(unrated.get("rating").asDouble()).isEqualTo(5.0);

		driver.fireTimer(order, Elements.INSTALLATION_DAY_TIMER);
		assertThat(event(order, Map.of("type", "EN_ROUTE")).status()).isEqualTo(200);
		String enRoute = message(order, "INSTALLER_EN_ROUTE").get("textEn").asText();
		java.util.regex.Matcher eta = Pattern.compile("arriving about (\\d{2}:\\d{2})-(\\d{2}:\\d{2})\\. Track: ").matcher(enRoute);
		assertThat(eta.find()).as(enRoute).isTrue();
		assertThat(LocalTime.parse(eta.group(1)).plusMinutes(30)).as(enRoute).isBetween(LocalTime.of(13, 0), LocalTime.of(17, 0));
		for (String step : List.of("ARRIVED", "STARTED")) {
			assertThat(event(order, Map.of("type", step)).status()).isEqualTo(200);
		}
		String code = anonymous().get("/api/v1/consumer/" + token).json().get("verificationCode").asText();
		assertThat(event(order, Map.of("type", "COMPLETED", "verificationCode", code)).status()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("COMPLETED"), "completed");
		message(order, "SERVICE_COMPLETED");
		message(order, "RATING_REQUEST");

		// Rated four stars: the tracking view follows the installer's rating and count.
		assertThat(post(token, "/rating", Map.of("stars", 4, "tags", List.of("PUNCTUAL"))).status()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("RATED"), "rated");
		JsonNode rated = eventually(() -> {
			JsonNode installer = tracking(token).get("tracking").path("installer");
			return installer.path("ratingCount").asInt() == 1 ? installer : null;
		}, "the rating counted on the tracking view");
		assertThat(rated.get("rating").asDouble()).isEqualTo(4.0);
		assertThat(rated.get("crewSize").asInt()).isEqualTo(2);

		// The return visit closes the order.
		driver.fireTimer(order, Elements.RETURN_VISIT_DUE_TIMER);
		String task = driver.openTask(order, Elements.RETURN_VISIT_TASK);
		Api.Reply visited = service.post("/api/v1/tasks/" + task + "/complete",
				Map.of("type", "RETURN_VISIT", "outcome", "SATISFIED"));
		assertThat(visited.status()).as(visited.body()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("CLOSED"), "closed");

		assertReadOnly(order, token, "CLOSED", second);
		assertWhollyIn(order, number, "en");
	}

	@Test
	void aChineseOrdersMessagesGoOutInChineseAndItsCancelledLinkRefusesEveryWrite() {
		network();
		LocalDate third = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(3);
		long order = order("zh-CN");
		String number = number(order);
		String token = awaitingBooking(order);
		offered(token, third, "MORNING");
		assertThat(post(token, "/appointment", Map.of("date", third.toString(), "window", "MORNING")).status())
			.isEqualTo(200);
		assertThat(message(order, "BOOKING_CONFIRMED").get("textZh").asText()).contains(third + " 09:00-12:00");

		// Moved to the afternoon and back to the morning (far enough ahead: at once): each move is confirmed, the
		// move back too, though its text is the first booking's.
		int confirmations = 1;
		for (String window : List.of("AFTERNOON", "MORNING")) {
			offered(token, third, window);
			Api.Reply moved = post(token, "/appointment/reschedule",
					Map.of("date", third.toString(), "window", window, "reason", "CHANGED_MIND"));
			assertThat(moved.status()).as(moved.body()).isEqualTo(200);
			// The message reads the booked window after the move's commit: one move at a time.
			int expected = ++confirmations;
			eventually(() -> texts(order, "BOOKING_CONFIRMED", "SMS").size() == expected ? true : null,
					"a confirmation of the move to the " + window);
		}
		assertThat(texts(order, "BOOKING_CONFIRMED", "SMS")).satisfiesExactly(
				first -> assertThat(first).contains(third + " 09:00-12:00"),
				afternoon -> assertThat(afternoon).contains(third + " 13:00-17:00"),
				back -> assertThat(back).contains(third + " 09:00-12:00"));

		Api.Reply cancelled = post(token, "/cancel", Map.of("reason", "不需要了"));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("CANCELLED"), "cancelled");
		assertThat(message(order, "ORDER_CANCELLED").get("textZh").asText()).contains("应消费者要求")
			.doesNotContain("不需要了");

		assertReadOnly(order, token, "CANCELLED", third);
		assertWhollyIn(order, number, "zh-CN");
	}

	/** Reads show the outcome; every write through the link is a 409 link-read-only problem and changes nothing. */
	private void assertReadOnly(long order, String token, String outcome, LocalDate booked) {
		driver.drain(order);
		int messages = admin.get("/api/v1/notifications?orderId=" + order).json().size();
		JsonNode view = anonymous().get("/api/v1/consumer/" + token).json();
		assertThat(view.get("status").asText()).isEqualTo(outcome);
		assertThat(view.has("verificationCode")).isFalse();
		assertThat(tracking(token).get("readOnly").asBoolean()).isTrue();
		Api.Reply appointmentBefore = anonymous().get("/api/v1/consumer/" + token + "/appointment");
		LocalDate later = booked.plusDays(1);
		Map<String, Object> writes = new java.util.LinkedHashMap<>();
		writes.put("/appointment", Map.of("date", later.toString(), "window", "MORNING"));
		writes.put("/appointment/reschedule", Map.of("date", later.toString(), "window", "MORNING", "reason", "NOT_HOME"));
		writes.put("/cancel", Map.of("reason", "again"));
		writes.put("/verification-code", null);
		writes.put("/callback-request", null);
		writes.put("/rating", Map.of("stars", 5));
		writes.put("/booking", Map.of("date", later.toString()));
		for (var write : writes.entrySet()) {
			Api.Reply refused = post(token, write.getKey(), write.getValue());
			assertThat(refused.status()).as(write.getKey() + ": " + refused.body()).isEqualTo(409);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("type").asText()).endsWith("/link-read-only");
			assertThat(refused.json().get("field").asText()).isEqualTo("token");
		}
		driver.drain(order);
		assertThat(status(order)).isEqualTo(outcome);
		Api.Reply appointment = anonymous().get("/api/v1/consumer/" + token + "/appointment");
		assertThat(appointment.status()).isEqualTo(appointmentBefore.status());
		assertThat(appointment.body()).as("the appointment as it was").isEqualTo(appointmentBefore.body());
		if (appointment.status() == 200) {
			assertThat(appointment.json().get("date").asText()).as("the booked window stands").isEqualTo(booked.toString());
			assertThat(appointment.json().hasNonNull("pendingReschedule")).isFalse();
		}
		assertThat(admin.get("/api/v1/orders/" + order).body()).as("no call-back warning")
			.doesNotContain("call-back about the visit");
		assertThat(admin.get("/api/v1/notifications?orderId=" + order).json().size()).as("no message").isEqualTo(messages);
	}

	/** Every message to the consumer: recorded filled in both languages, sent in the order's. */
	private void assertWhollyIn(long order, String number, String locale) {
		JsonNode all = admin.get("/api/v1/notifications?orderId=" + order).json();
		assertThat(all.size()).isPositive();
		for (JsonNode n : all) {
			String what = n.get("template").asText() + "/" + n.get("channel").asText();
			String zh = n.get("textZh").asText();
			String en = n.get("textEn").asText();
			for (String text : List.of(zh, en)) {
				assertThat(text).as(what + ": " + text).contains(number).doesNotContain("{").doesNotContain("}")
					.doesNotContain("${").doesNotContain("template.");
			}
			assertThat(zh).as(what).startsWith("【师傅】").containsPattern(CJK);
			assertThat(en).as(what).startsWith("[Shifu]").doesNotContainPattern(CJK);
			assertThat(n.get("locale").asText()).as(what).isEqualTo(locale);
			assertThat(n.get("text").asText()).as(what + " went out in " + locale).isEqualTo(locale.equals("en") ? en : zh);
		}
	}

	private long order(String locale) {
		Map<String, Object> consumer = new HashMap<>(Map.of("name", "李娜", "phone", TestPhones.next("138"), "address",
				"测试消息区 1 号", "regionCode", DISTRICT, "location", Map.of("lat", LAT, "lng", LNG)));
		consumer.put("locale", locale);
		Api.Reply reply = asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("MSG"), "consumer",
				consumer, "items", List.of(Map.of("sku", "DR-1", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED")));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asLong();
	}

	private String number(long order) {
		return asBrand(brand).get("/api/v1/orders/" + order).json().get("externalOrderId").asText();
	}

	/** Waits until the page offers the window (a new installer's days show once they reached the plan). */
	private void offered(String token, LocalDate day, String window) {
		eventually(() -> offers(anonymous().get("/api/v1/consumer/" + token + "/windows").json().get("windows"), day, window)
				? true : null, window + " of " + day + " offered");
	}

	private Api.Reply post(String token, String path, Object body) {
		return anonymous().post("/api/v1/consumer/" + token + path, body);
	}

	private long request(long order) {
		return eventually(() -> {
			for (JsonNode r : dispatcher.get("/api/v1/reschedule-requests?region=" + CITY).json()) {
				if (r.get("orderId").asLong() == order && r.get("status").asText().equals("PENDING")) {
					return r.get("id").asLong();
				}
			}
			return null;
		}, "the reschedule request on the dispatcher's list");
	}

	/** The order's SMS of that template, once the outbox has it (the last one when there are several). */
	private JsonNode message(long order, String template) {
		return eventually(() -> {
			JsonNode found = null;
			for (JsonNode n : admin.get("/api/v1/notifications?orderId=" + order).json()) {
				if (n.get("template").asText().equals(template) && n.get("channel").asText().equals("SMS")) {
					found = n;
				}
			}
			return found;
		}, template + " of order " + order);
	}

	private List<String> texts(long order, String template) {
		return texts(order, template, null);
	}

	/** The English texts of the order's messages of the template, oldest first; of one channel unless null. */
	private List<String> texts(long order, String template, String channel) {
		List<String> texts = new ArrayList<>();
		for (JsonNode n : admin.get("/api/v1/notifications?orderId=" + order).json()) {
			if (n.get("template").asText().equals(template) && (channel == null || n.get("channel").asText().equals(channel))) {
				texts.add(n.get("textEn").asText());
			}
		}
		return texts;
	}

	private JsonNode tracking(String token) {
		Api.Reply reply = anonymous().get("/api/v1/consumer/" + token + "/tracking");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private Api.Reply event(long order, Map<String, Object> event) {
		Api.Reply reply = provider.post("/api/v1/providers/" + dealer + "/jobs/" + order + "/events", event);
		driver.drain(order);
		return reply;
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

	/** Polls at most about once a second: the link allows 100 requests a minute in tests. */
	private static <T> T eventually(Supplier<T> probe, String what) {
		for (int i = 0; i < 120; i++) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			sleep(1000);
		}
		throw new AssertionError("never: " + what);
	}

}
