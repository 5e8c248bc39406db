package dev.shifu.platform.schedule;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live schedule through the real API: orders and bookings reach the region's solver as problem changes and show
 * up in the plan without a restart; dispatchers pin, move and re-optimize, and watch the score stream.
 */
class ScheduleApiTests extends PlatformIntegrationTest {

	private static LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	private static LocalDate TOMORROW = TODAY.plusDays(1);

	/** Distinct phones for every installer this class creates. */
	private static final java.util.concurrent.atomic.AtomicInteger PHONES = new java.util.concurrent.atomic.AtomicInteger(
			(int) (System.currentTimeMillis() / 1000 % 1000) * 10000);

	@LocalServerPort
	private int port;

	private Api dispatcher;

	private String dispatcherName;

	private IssuedBrand brand;

	private long providerId;

	@BeforeEach
	void network() {
		TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		TOMORROW = TODAY.plusDays(1);
		Api admin = asNewUser(Role.ADMIN, null);
		dispatcherName = unique("dispatcher");
		accounts.createUser(dispatcherName, PASSWORD, dispatcherName, java.util.Set.of(Role.DISPATCHER), null, null);
		inEveryCity(dispatcherName);
		dispatcher = Api.user(http, dispatcherName, PASSWORD);
		brand = newBrand();
		providerId = admin.post("/api/v1/providers", Map.of("name", "Planner test dealer", "type", "DEALER",
				"brandId", brand.brandId(), "coverage", Map.of("regionCodes", List.of("330106")),
				"dailyCapacity", Map.of("INSTALLATION", 20))).json().get("id").asLong();
		List<Map<String, String>> everyDay = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			everyDay.add(Map.of("day", day.name(), "start", "08:00", "end", "18:00"));
		}
		for (int i = 0; i < 2; i++) {
			admin.post("/api/v1/providers/" + providerId + "/installers", Map.of("name", "师傅" + i,
					"phone", "135" + String.format("%08d", PHONES.incrementAndGet()), "skills", List.of("DOOR"),
					"homeBase", Map.of("lat", 30.28, "lng", 120.12 + i * 0.01), "shifts", everyDay, "crewSize", 1));
		}
	}

	private long postOrder() {
		return asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("PLAN"),
				"consumer", Map.of("name", "王芳", "phone", "13912345678", "address", "杭州市西湖区古墩路 1 号",
						"regionCode", "330106", "location", Map.of("lat", 30.29, "lng", 120.10)),
				"items", List.of(Map.of("sku", "DR-1", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "goods", Map.of("status", "ARRIVED")))
			.json()
			.get("id")
			.asLong();
	}

	/** The day of the horizon, today included (unbooked jobs may go to any of them), whose plan shows the job. */
	private JsonNode planWithJob(String job) {
		JsonNode plan = null;
		for (int i = 0; i < 100; i++) {
			for (int day = 0; day < 4; day++) {
				plan = dispatcher.get("/api/v1/schedules?region=330100&date=" + TODAY.plusDays(day)).json();
				if (visitOf(plan, job) != null) {
					return plan;
				}
			}
			sleep(200);
		}
		throw new AssertionError("job " + job + " never planned: " + plan);
	}

	private String otherShiftOfProvider(JsonNode plan, String from) {
		String target = null;
		for (JsonNode installer : plan.get("installers")) {
			String id = installer.get("shiftId").asText();
			if (!id.equals(from) && installer.get("providerId").asText().equals(String.valueOf(providerId))) {
				target = id;
			}
		}
		return target;
	}

	/** The plan of the day once it satisfies {@code condition}; the live solver publishes asynchronously. */
	private JsonNode planWhen(LocalDate day, Predicate<JsonNode> condition) {
		JsonNode plan = null;
		for (int i = 0; i < 150; i++) {
			plan = dispatcher.get("/api/v1/schedules?region=330100&date=" + day).json();
			if (condition.test(plan)) {
				return plan;
			}
			sleep(200);
		}
		throw new AssertionError("the plan never got there: " + plan);
	}

	private static JsonNode visitOf(JsonNode plan, String jobId) {
		for (JsonNode installer : plan.get("installers")) {
			for (JsonNode visit : installer.get("visits")) {
				if (visit.get("jobId").asText().equals(jobId)) {
					return visit;
				}
			}
		}
		return null;
	}

	private static String shiftOf(JsonNode plan, String jobId) {
		for (JsonNode installer : plan.get("installers")) {
			for (JsonNode visit : installer.get("visits")) {
				if (visit.get("jobId").asText().equals(jobId)) {
					return installer.get("shiftId").asText();
				}
			}
		}
		return null;
	}

	@Test
	void aNewOrderIsPlannedWithoutARestartWithTimesInsideTheDay() {
		long order = postOrder();
		String job = "O" + order;

		JsonNode plan = planWithJob(job);
		JsonNode visit = visitOf(plan, job);

		assertThat(visit.get("start").asText()).startsWith(plan.get("date").asText());
		assertThat(visit.get("start").asText().substring(11)).isGreaterThanOrEqualTo("08:00");
		JsonNode route = null;
		for (JsonNode installer : plan.get("installers")) {
			if (installer.get("shiftId").asText().equals(shiftOf(plan, job))) {
				route = installer;
			}
		}
		// The explanation is of this very plan: the route drives, and its travel is what the travel constraint costs it.
		assertThat(route.get("travelSeconds").asLong()).isPositive();
		assertThat(route.get("reasons").findValuesAsText("reason"))
			.contains("drives " + route.get("travelSeconds").asLong() + " s");
		JsonNode travel = null;
		for (JsonNode constraint : plan.get("constraints")) {
			if (constraint.get("constraint").asText().equals("Travel time")) {
				travel = constraint;
			}
		}
		assertThat(travel).isNotNull();
		assertThat(travel.get("level").asText()).isEqualTo("soft");
		assertThat(travel.get("impact").asLong()).isNegative();
	}

	@org.springframework.beans.factory.annotation.Autowired
	private org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void theBestPlanIsStoredPerInstallerShiftInRouteOrder() {
		long order = postOrder();
		planWithJob("O" + order);

		// The live solver keeps improving: storage catches up with the plan within a persist interval or two.
		List<Map<String, Object>> stored = List.of();
		String live = null;
		for (int i = 0; i < 100; i++) {
			stored = jdbc.queryForList("select * from planned_visit where order_id = ?", order);
			live = shiftOf(planWithJob("O" + order), "O" + order);
			if (stored.size() == 1 && stored.get(0).get("SHIFT_ID").equals(live)) {
				break;
			}
			sleep(200);
		}

		assertThat(stored).hasSize(1);
		assertThat(stored.get(0).get("SHIFT_ID")).isEqualTo(live);
		assertThat(stored.get(0).get("REGION")).isEqualTo("330100");
		List<Integer> positions = jdbc.queryForList("select position from planned_visit where shift_id = ? order by start_time",
				Integer.class, live);
		assertThat(positions).isSorted();
	}

	@Test
	void aDispatcherMoveLandsTheJobOnTheChosenShiftPinned() {
		long order = postOrder();
		String job = "O" + order;
		JsonNode plan = planWithJob(job);
		LocalDate day = LocalDate.parse(plan.get("date").asText());
		// The job may be placed before the second installer's shift reaches the live plan: wait for that shift.
		plan = planWhen(day, p -> visitOf(p, job) != null && otherShiftOfProvider(p, shiftOf(p, job)) != null);
		String from = shiftOf(plan, job);
		String target = otherShiftOfProvider(plan, from);
		assertThat(target).as("a second installer of the same provider works that day").isNotNull();
		String to = target;

		Api.Reply moved = dispatcher.post("/api/v1/schedules/330100/moves",
				Map.of("jobId", job, "shiftId", to, "position", 0, "pin", true));
		JsonNode after = planWhen(day, p -> to.equals(shiftOf(p, job)));

		assertThat(moved.status()).isEqualTo(202);
		assertThat(visitOf(after, job).get("pinned").asBoolean()).isTrue();
		// Audit-logged like the board's edits: who, what, where the job stood, when.
		JsonNode entry = auditEntry("MOVE", job);
		assertThat(entry).as("the move's audit entry").isNotNull();
		assertThat(entry.get("actor").asText()).isEqualTo(dispatcherName);
		assertThat(entry.get("shiftId").asText()).isEqualTo(to);
		assertThat(entry.get("before").asText()).contains("\"shiftId\":\"" + from + "\"");
		assertThat(entry.get("edit").asText()).contains("\"pin\":true");
		assertThat(entry.get("at").asText()).isNotBlank();
	}

	/** The newest board audit entry of the region with this action (and job), or null. */
	private JsonNode auditEntry(String action, String job) {
		for (JsonNode entry : dispatcher.get("/api/v1/dispatch/board/330100/audit?limit=500").json()) {
			if (entry.get("action").asText().equals(action) && (job == null || job.equals(entry.path("jobId").asText(null)))
					&& entry.get("actor").asText().equals(dispatcherName)) {
				return entry;
			}
		}
		return null;
	}

	@Test
	void bestScoresStreamToSubscribers() throws Exception {
		postOrder();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/schedules/stream?region=330106"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((dispatcherName + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());

		String event = null;
		String data = null;
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null && data == null; line = lines.readLine()) {
				if (line.startsWith("event:")) {
					event = line.substring(6).trim();
				}
				else if (line.startsWith("data:")) {
					data = line.substring(5).trim();
				}
			}
		}

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(event).isEqualTo("best-score");
		assertThat(data).contains("\"region\":\"330100\"", "\"score\"", "\"unassigned\"", "\"timeSpentMillis\"");
	}

	@Test
	void aReoptimizationRunsOnceAtATimeAndCanBeStopped() {
		long order = postOrder();
		String day = planWithJob("O" + order).get("date").asText();

		Api.Reply started = dispatcher.post("/api/v1/schedules/330100/reoptimize", Map.of("date", day, "seconds", 60));
		Api.Reply second = dispatcher.post("/api/v1/schedules/330100/reoptimize", Map.of("date", day, "seconds", 60));
		Api.Reply stopped = dispatcher.delete("/api/v1/schedules/330100/reoptimize");

		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(second.status()).isEqualTo(409);
		assertThat(stopped.status()).isEqualTo(200);
		// Once the stopped one has handed over its plan, the next re-optimization may start.
		Api.Reply next = null;
		for (int i = 0; i < 150 && (next == null || next.status() != 202); i++) {
			sleep(200);
			next = dispatcher.post("/api/v1/schedules/330100/reoptimize", Map.of("date", day, "seconds", 60));
		}
		assertThat(next.status()).as(next.body()).isEqualTo(202);
		dispatcher.delete("/api/v1/schedules/330100/reoptimize");
		assertThat(auditEntry("REOPTIMIZE", null)).as("the start is audited").isNotNull();
		assertThat(auditEntry("REOPTIMIZE", null).get("edit").asText()).contains(day);
		assertThat(auditEntry("REOPTIMIZE_STOP", null)).as("the stop is audited").isNotNull();
		assertThat(visitOf(planWithJob("O" + order), "O" + order)).isNotNull();
	}

	@Test
	void aMoveIntoTheUnassignedBucketIsRefusedAndPlanningGoesOn() {
		long first = postOrder();
		planWithJob("O" + first);

		Api.Reply reply = dispatcher.post("/api/v1/schedules/330100/moves",
				Map.of("jobId", "O" + first, "shiftId", dev.shifu.planner.domain.Shift.UNASSIGNED_ID, "position", 0, "pin", true));
		long second = postOrder();

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("field").asText()).isEqualTo("shiftId");
		assertThat(auditEntry("MOVE", "O" + first)).as("a refused move is not audited").isNull();
		assertThat(visitOf(planWithJob("O" + second), "O" + second)).isNotNull();
	}

	@Test
	void badRequestsAndOtherRolesAreRefused() {
		assertThat(dispatcher.get("/api/v1/schedules?region=hangzhou&date=" + TOMORROW).json().get("field").asText())
			.isEqualTo("region");
		assertThat(dispatcher.post("/api/v1/schedules/330100/moves", Map.of("jobId", "O-none", "shiftId", "x", "position", 0))
			.status()).isEqualTo(400);
		assertThat(asBrand(brand).get("/api/v1/schedules?region=330100&date=" + TOMORROW).status()).isEqualTo(403);
	}

	@Test
	void anUnknownRegionAndAPastDayAreRefusedNamingTheField() {
		Api.Reply unknown = dispatcher.get("/api/v1/schedules?region=999999&date=" + TOMORROW);
		Api.Reply past = dispatcher.post("/api/v1/schedules/330100/reoptimize",
				Map.of("date", TODAY.minusDays(1).toString(), "seconds", 5));
		Api.Reply unknownReoptimize = dispatcher.post("/api/v1/schedules/999900/reoptimize",
				Map.of("date", TOMORROW.toString(), "seconds", 5));

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("field").asText()).isEqualTo("region");
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.json().get("field").asText()).isEqualTo("date");
		assertThat(unknownReoptimize.status()).isEqualTo(400);
		assertThat(unknownReoptimize.json().get("field").asText()).isEqualTo("region");
	}

	private static boolean hasUnassigned(JsonNode plan, String job) {
		return plan.get("unassigned").findValuesAsText("jobId").contains(job);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
