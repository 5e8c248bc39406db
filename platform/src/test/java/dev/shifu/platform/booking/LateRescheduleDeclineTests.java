package dev.shifu.platform.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer's reschedule closer than approval-before (40 h in the test profile) to the booked window goes to the
 * dispatcher (改约审批), who declines it: the booked window stands in the plan and on the consumer's API, the consumer
 * sees the decline, and the decline message is recorded in the order's language, Chinese and English. In a city of
 * its own (993400, V287).
 */
class LateRescheduleDeclineTests extends WindowFixture {

	static final String CITY = "993400";

	static final String DISTRICT = "993401";

	@Autowired
	StaffRegions staffRegions;

	@Test
	void aDeclinedLateRescheduleKeepsTheBookedWindowAndTellsTheConsumerInTheirLanguage() {
		setUpBrand();
		String name = unique("dispatcher");
		accounts.createUser(name, PASSWORD, name, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(name, Set.of(CITY));
		Api cityDispatcher = Api.user(http, name, PASSWORD);
		long dealer = dealer(DISTRICT);
		installer(dealer, EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", 31.80, 121.80);
		LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);

		for (String locale : List.of("zh-CN", "en")) {
			long order = order(locale);
			String token = awaitingBooking(order);
			Api consumer = anonymous();
			Api.Reply booked = consumer.post("/api/v1/consumer/" + token + "/appointment",
					Map.of("date", tomorrow.toString(), "window", "AFTERNOON"));
			assertThat(booked.status()).as(booked.body()).isEqualTo(200);
			assertPlannedInTheAfternoon(order, tomorrow);

			// Tomorrow's window is less than approval-before ahead: the move waits for the dispatcher.
			Api.Reply late = consumer.post("/api/v1/consumer/" + token + "/appointment/reschedule",
					Map.of("date", tomorrow.toString(), "window", "MORNING", "reason", "NOT_HOME"));
			assertThat(late.status()).as(late.body()).isEqualTo(202);
			assertThat(late.json().get("window").asText()).isEqualTo("AFTERNOON");
			assertThat(late.json().at("/pendingReschedule/window").asText()).isEqualTo("MORNING");
			// While the dispatcher decides, the booked window stands for the consumer and in the plan.
			JsonNode waiting = consumer.get("/api/v1/consumer/" + token + "/appointment").json();
			assertThat(waiting.get("window").asText()).isEqualTo("AFTERNOON");
			assertThat(waiting.at("/pendingReschedule/window").asText()).isEqualTo("MORNING");
			assertPlannedInTheAfternoon(order, tomorrow);
			long request = requestOf(cityDispatcher, order);

			Api.Reply declined = cityDispatcher.post("/api/v1/reschedule-requests/" + request + "/decline",
					Map.of("note", "No installer free in the morning"));

			assertThat(declined.status()).as(declined.body()).isEqualTo(200);
			assertThat(declined.json().get("status").asText()).isEqualTo("DECLINED");
			// The consumer's API: the booked window stands, the decline is shown, nothing waits any more.
			JsonNode appointment = consumer.get("/api/v1/consumer/" + token + "/appointment").json();
			assertThat(appointment.get("date").asText()).isEqualTo(tomorrow.toString());
			assertThat(appointment.get("window").asText()).isEqualTo("AFTERNOON");
			assertThat(appointment.get("start").asText()).startsWith("13:00");
			assertThat(appointment.hasNonNull("pendingReschedule")).isFalse();
			assertThat(appointment.at("/lastDecision/outcome").asText()).isEqualTo("DECLINED");
			assertThat(appointment.at("/lastDecision/window").asText()).isEqualTo("MORNING");
			assertThat(consumer.get("/api/v1/consumer/" + token).json().get("bookedDate").asText())
				.isEqualTo(tomorrow.toString());
			// Declined once: it cannot be approved after all, and the list of waiting requests no longer has it.
			assertThat(cityDispatcher.post("/api/v1/reschedule-requests/" + request + "/approve", Map.of()).status())
				.isEqualTo(409);
			assertThat(cityDispatcher.get("/api/v1/reschedule-requests?region=" + CITY).body())
				.doesNotContain("\"orderId\":" + order + ",");
			// The plan keeps the job in the booked afternoon window.
			assertPlannedInTheAfternoon(order, tomorrow);

			// The decline message, in the order's language, names the window that stands.
			JsonNode message = declineMessage(order);
			assertThat(message.get("locale").asText()).isEqualTo(locale);
			String text = message.get("text").asText();
			assertThat(text).contains(tomorrow.toString()).contains("13:00-17:00");
			if (locale.equals("en")) {
				assertThat(text).contains("could not be approved").doesNotContainPattern("\\p{IsHan}");
			}
			else {
				assertThat(text).contains("改约未通过");
			}
			assertThat(templates(order)).doesNotContain("RESCHEDULE_APPROVED");
		}
	}

	/** The call-back a consumer asks for is an item of the city's dispatchers, once, until one marks it done. */
	@Test
	void aConsumersCallBackRequestIsOneItemForTheCitysDispatchersUntilMarkedDone() {
		setUpBrand();
		String name = unique("dispatcher");
		accounts.createUser(name, PASSWORD, name, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(name, Set.of(CITY));
		Api cityDispatcher = Api.user(http, name, PASSWORD);
		String otherName = unique("dispatcher");
		accounts.createUser(otherName, PASSWORD, otherName, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(otherName, Set.of("330100"));
		Api otherDispatcher = Api.user(http, otherName, PASSWORD);
		long order = order("zh-CN");
		String token = awaitingBooking(order);

		Api.Reply asked = anonymous().post("/api/v1/consumer/" + token + "/callback-request", Map.of());
		Api.Reply again = anonymous().post("/api/v1/consumer/" + token + "/callback-request", Map.of());

		assertThat(asked.status()).as(asked.body()).isEqualTo(200);
		assertThat(asked.json().get("requested").asBoolean()).isTrue();
		assertThat(again.status()).isEqualTo(200);
		List<JsonNode> items = callbacksOf(cityDispatcher, order);
		assertThat(items).as("asking twice is one item").hasSize(1);
		JsonNode item = items.get(0);
		assertThat(item.get("status").asText()).isEqualTo("OPEN");
		assertThat(item.get("regionCode").asText()).isEqualTo(DISTRICT);
		assertThat(item.toString()).as("staff never see the link").doesNotContain(token);
		assertThat(callbacksOf(otherDispatcher, order)).as("another city's dispatcher").isEmpty();
		long id = item.get("id").asLong();
		assertThat(otherDispatcher.post("/api/v1/callback-requests/" + id + "/done", Map.of()).status()).isEqualTo(404);
		assertThat(asBrand(brand).get("/api/v1/callback-requests").status()).isEqualTo(403);
		assertThat(callbacksOf(cityDispatcher, order)).as("still open").hasSize(1);

		Api.Reply done = cityDispatcher.post("/api/v1/callback-requests/" + id + "/done", Map.of("note", "phoned, Tuesday"));

		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().get("status").asText()).isEqualTo("DONE");
		assertThat(done.json().get("doneBy").asText()).isEqualTo(name);
		assertThat(callbacksOf(cityDispatcher, order)).as("done: off the list").isEmpty();
		Api.Reply twice = cityDispatcher.post("/api/v1/callback-requests/" + id + "/done", Map.of());
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.contentType()).startsWith("application/problem+json");
		assertThat(anonymous().post("/api/v1/consumer/" + token + "/callback-request", Map.of()).status()).isEqualTo(200);
		assertThat(callbacksOf(cityDispatcher, order)).as("a new request after the call is a new item").hasSize(1);
	}

	private static List<JsonNode> callbacksOf(Api dispatcher, long order) {
		Api.Reply reply = dispatcher.get("/api/v1/callback-requests?region=" + CITY);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		List<JsonNode> items = new java.util.ArrayList<>();
		for (JsonNode r : reply.json()) {
			if (r.get("orderId").asLong() == order) {
				items.add(r);
			}
		}
		return items;
	}

	private long order(String locale) {
		Map<String, Object> consumer = new HashMap<>(Map.of("name", "李娜", "phone", TestPhones.next("138"), "address",
				"测试改约区 1 号", "regionCode", DISTRICT, "location", Map.of("lat", 31.801, "lng", 121.801)));
		consumer.put("locale", locale);
		Api.Reply reply = asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("LATE"), "consumer",
				consumer, "items", List.of(Map.of("sku", "DR-1", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED")));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asLong();
	}

	private static long requestOf(Api dispatcher, long order) {
		for (JsonNode r : dispatcher.get("/api/v1/reschedule-requests?region=" + CITY).json()) {
			if (r.get("orderId").asLong() == order) {
				assertThat(r.get("status").asText()).isEqualTo("PENDING");
				assertThat(r.get("fromWindow").asText()).isEqualTo("AFTERNOON");
				assertThat(r.get("toWindow").asText()).isEqualTo("MORNING");
				assertThat(r.get("reason").asText()).isEqualTo("NOT_HOME");
				return r.get("id").asLong();
			}
		}
		throw new AssertionError("no reschedule request of order " + order + " on the dispatcher's list");
	}

	private void assertPlannedInTheAfternoon(long order, LocalDate day) {
		// The plan may show the job pencilled in on that day (unbooked, from 08:00) until the booking reaches it.
		JsonNode visit = null;
		for (int i = 0; i < 600 && !inTheAfternoon(visit); i++) {
			visit = visit(admin.get("/api/v1/schedules?region=" + CITY + "&date=" + day).json(), "O" + order);
			if (!inTheAfternoon(visit)) {
				sleep(200);
			}
		}
		assertThat(visit).as("O" + order + " planned on " + day).isNotNull();
		LocalTime start = LocalDateTime.parse(visit.get("start").asText()).toLocalTime();
		assertThat(start).as("O" + order + " in the booked afternoon").isBetween(LocalTime.of(13, 0), LocalTime.of(17, 0));
	}

	private static boolean inTheAfternoon(JsonNode visit) {
		if (visit == null) {
			return false;
		}
		LocalTime start = LocalDateTime.parse(visit.get("start").asText()).toLocalTime();
		return !start.isBefore(LocalTime.of(13, 0)) && !start.isAfter(LocalTime.of(17, 0));
	}

	private static JsonNode visit(JsonNode plan, String job) {
		for (JsonNode installer : plan.path("installers")) {
			for (JsonNode v : installer.path("visits")) {
				if (v.get("jobId").asText().equals(job)) {
					return v;
				}
			}
		}
		return null;
	}

	/** The SMS of the decline, once the outbox has it (the message follows the decision after its commit). */
	private JsonNode declineMessage(long order) {
		for (int i = 0; i < 300; i++) {
			for (JsonNode n : admin.get("/api/v1/notifications?orderId=" + order).json()) {
				if (n.get("template").asText().equals("RESCHEDULE_DECLINED") && n.get("channel").asText().equals("SMS")) {
					return n;
				}
			}
			sleep(200);
		}
		throw new AssertionError("no RESCHEDULE_DECLINED message of order " + order);
	}

	private List<String> templates(long order) {
		List<String> templates = new java.util.ArrayList<>();
		admin.get("/api/v1/notifications?orderId=" + order).json().forEach(n -> templates.add(n.get("template").asText()));
		return templates;
	}

}
