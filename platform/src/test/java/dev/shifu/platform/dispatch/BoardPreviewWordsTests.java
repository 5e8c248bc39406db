package dev.shifu.platform.dispatch;

import static dev.shifu.platform.dispatch.BoardFixture.DAY;
import static dev.shifu.platform.dispatch.BoardFixture.edit;
import static dev.shifu.platform.dispatch.BoardFixture.lane;
import static dev.shifu.platform.dispatch.BoardFixture.laneOf;
import static dev.shifu.platform.dispatch.BoardFixture.shiftId;
import static dev.shifu.platform.dispatch.BoardFixture.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.planner.domain.ScheduleConstraints;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.support.ProcessDriver;

/**
 * The preview's words say what its numbers say. A consumer books tomorrow's morning window (09:00–12:00) for a job
 * of the installer based in the city; moving that job to an installer based about 100 km away (who drives some five
 * hours before reaching it) breaks the window. The summary names the installer, gives the travel change in minutes of
 * the preview's own Travel time delta, and the window's real times and lateness; the created matches name the
 * constraint and the job. In a city of its own (999200, V312), so the live solver holds only this class's jobs.
 */
class BoardPreviewWordsTests extends PlatformIntegrationTest {

	private static final String CITY = "999200";

	private static final String DISTRICT = "999201";

	private static final String PREVIEW = "/api/v1/dispatch/board/" + CITY + "/preview";

	private static final double LAT = 41.92;

	private static final double LNG = 101.92;

	@Autowired
	private StaffRegions staffRegions;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ManagementService management;

	@Autowired
	private HistoryService history;

	@Autowired
	private TaskService tasks;

	@Test
	void movingABookedJobToAFarInstallerSaysItsTravelMinutesAndTheWindowItBreaksAsTheScoreDoes() {
		String name = unique("dispatcher");
		accounts.createUser(name, PASSWORD, name, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(name, Set.of(CITY));
		Api dispatcher = Api.user(http, name, PASSWORD);
		Api admin = asNewUser(Role.ADMIN, null);
		var brand = newBrand();
		Api brandApi = asBrand(brand);
		BoardFixture network = new BoardFixture(admin, brandApi, brand, unique("Words dealer"), CITY, DISTRICT);
		String nearName = unique("张敏");
		String farName = unique("李伟");
		long near = network.installer(nearName, LAT, LNG);
		// About 100 km north: 130 km of road at 25 km/h, over five hours from 08:00 to the city.
		long far = network.installer(farName, LAT + 0.9, LNG);
		String nearShift = shiftId(near);
		String farShift = shiftId(far);
		List<String> others = List.of(network.order("DOOR", LAT + 0.004, LNG + 0.004),
				network.order("DOOR", LAT - 0.004, LNG + 0.006));
		long booked = goldOrder(brandApi, LAT + 0.002, LNG - 0.003);
		String job = "O" + booked;
		settled(dispatcher, b -> lane(b, nearShift) != null && lane(b, farShift) != null
				&& others.stream().allMatch(j -> visit(b, j) != null));

		// The consumer books tomorrow's morning: the job's hard window in the plan.
		ProcessDriver driver = new ProcessDriver(runtime, management, history, tasks);
		driver.drainUntil(booked,
				() -> "AWAITING_BOOKING".equals(brandApi.get("/api/v1/orders/" + booked).json().get("status").asText()),
				"awaiting booking");
		String link = brandApi.get("/api/v1/orders/" + booked).json().get("consumerLink").asText();
		String token = link.substring(link.indexOf("/c/") + 3);
		Api.Reply[] appointment = new Api.Reply[1];
		BoardFixture.await(() -> (appointment[0] = anonymous().post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", DAY.toString(), "window", "MORNING"))).status() == 200,
				"tomorrow's morning booked (offered once the live plan has the installers)");

		// A preview counts only on the plan version it says it is based on, read just before it.
		JsonNode before = null;
		JsonNode preview = null;
		boolean onePlan = false;
		for (int attempt = 0; attempt < 8 && !onePlan; attempt++) {
			before = settled(dispatcher, b -> visit(b, job) != null && !farShift.equals(laneOf(b, job))
					&& DAY.atTime(12, 0).toString().equals(minutes(visit(b, job).path("windowEnd").asText()))
					&& others.stream().allMatch(j -> visit(b, j) != null));
			Api.Reply previewed = dispatcher.post(PREVIEW, edit("MOVE", job, farShift, 0, false, null));
			assertThat(previewed.status()).as(previewed.body()).isEqualTo(200);
			preview = previewed.json();
			onePlan = preview.get("baseVersion").asLong() == before.get("version").asLong();
		}
		assertThat(onePlan).as("a preview based on the plan version read before it").isTrue();

		JsonNode visit = visit(before, job);
		LocalDateTime windowStart = LocalDateTime.parse(visit.get("windowStart").asText());
		LocalDateTime windowEnd = LocalDateTime.parse(visit.get("windowEnd").asText());
		assertThat(windowStart).isEqualTo(DAY.atTime(9, 0));
		assertThat(windowEnd).isEqualTo(DAY.atTime(12, 0));
		assertThat(lane(before, farShift).get("installerName").asText()).isEqualTo(farName);
		assertThat(preview.get("scoreBefore").asText()).isEqualTo(before.get("score").asText());

		// The numbers: Travel time (soft, a second a point) and the window (hard, a second late a point).
		JsonNode travel = delta(preview, ScheduleConstraints.TRAVEL_TIME);
		JsonNode window = delta(preview, ScheduleConstraints.TIME_WINDOW);
		assertThat(travel).as(preview.toString()).isNotNull();
		assertThat(window).as(preview.toString()).isNotNull();
		assertThat(travel.get("level").asText()).isEqualTo("soft");
		assertThat(window.get("level").asText()).isEqualTo("hard");
		// The plan before the move: the board's lanes drive what the Travel time total charges, and nobody is late.
		long boardTravel = 0;
		for (JsonNode lane : before.get("lanes")) {
			boardTravel += lane.get("travelSeconds").asLong();
		}
		assertThat(-travel.get("before").asLong()).as("Travel time before is the board's travel").isEqualTo(boardTravel);
		assertThat(window.get("before").asLong()).isZero();
		long moreTravelSeconds = travel.get("before").asLong() - travel.get("after").asLong();
		long lateSeconds = window.get("before").asLong() - window.get("after").asLong();
		// Over two hours each way for the far installer, the morning window missed by more than an hour.
		assertThat(moreTravelSeconds).isGreaterThan(4 * 3600);
		assertThat(lateSeconds).isGreaterThan(3600);
		assertThat(preview.get("feasibleAfter").asBoolean()).isFalse();

		// The words: who, the travel minutes and the broken window with its real times and lateness.
		assertThat(preview.get("summary")).hasSize(1);
		String summary = preview.get("summary").get(0).asText();
		long travelMinutes = Math.round(moreTravelSeconds / 60.0);
		long lateMinutes = Math.round(lateSeconds / 60.0);
		assertThat(summary).startsWith("moving job " + job + " to " + farName + ": ");
		assertThat(summary).contains("+" + travelMinutes + " min travel");
		assertThat(summary).contains("breaks the 09:00–12:00 window of job " + job + " by " + lateMinutes + " min");
		assertThat(summary).doesNotContain("within its window again");

		// The matches: the window's is about the moved job on the far installer's shift, as late as the delta says.
		List<JsonNode> windowMatches = matches(preview.get("created"), ScheduleConstraints.TIME_WINDOW);
		assertThat(windowMatches).as(preview.get("created").toString()).hasSize(1);
		JsonNode late = windowMatches.get(0);
		assertThat(late.get("jobId").asText()).isEqualTo(job);
		assertThat(late.get("shiftId").asText()).isEqualTo(farShift);
		assertThat(late.get("impact").asText()).isEqualTo(-lateSeconds + "hard");
		assertThat(late.get("text").asText()).isEqualTo("starts " + lateSeconds + " s after the window closes");
		// The far installer now drives: a Travel time match of that shift, about no job.
		assertThat(matches(preview.get("created"), ScheduleConstraints.TRAVEL_TIME))
			.anySatisfy(m -> {
				assertThat(m.get("shiftId").asText()).isEqualTo(farShift);
				assertThat(m.hasNonNull("jobId")).isFalse();
			});
		// Nothing the move removes is a window match: nobody was late before.
		assertThat(matches(preview.get("removed"), ScheduleConstraints.TIME_WINDOW)).isEmpty();
		// And the preview committed nothing.
		JsonNode after = BoardFixture.board(dispatcher, CITY);
		assertThat(laneOf(after, job)).isNotEqualTo(farShift);
	}

	private long goldOrder(Api brand, double lat, double lng) {
		Api.Reply reply = brand.post("/api/v1/orders", Map.of("externalOrderId", unique("WORDS"), "consumer",
				Map.of("name", "李娜", "phone", "13811112222", "address", "测试预览措辞区 1 号", "regionCode", DISTRICT,
						"location", Map.of("lat", lat, "lng", lng)),
				"items", List.of(Map.of("sku", "DR-1", "name", "Door", "category", "DOOR", "quantity", 1)), "serviceType",
				"INSTALLATION", "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED")));
		assertThat(reply.status()).as(reply.body()).isIn(200, 201);
		return reply.json().get("id").asLong();
	}

	/** A board time to the minute, as LocalDateTime prints it (the API writes seconds too). */
	private static String minutes(String dateTime) {
		return dateTime.isEmpty() ? "" : LocalDateTime.parse(dateTime).toString();
	}

	private static JsonNode delta(JsonNode preview, String constraint) {
		for (JsonNode delta : preview.get("constraints")) {
			if (delta.get("constraint").asText().equals(constraint)) {
				return delta;
			}
		}
		return null;
	}

	private static List<JsonNode> matches(JsonNode matches, String constraint) {
		List<JsonNode> found = new ArrayList<>();
		matches.forEach(m -> {
			if (m.get("constraint").asText().equals(constraint)) {
				found.add(m);
			}
		});
		return found;
	}

	/** The board once two reads a moment apart show the same plan version and the condition holds. */
	private static JsonNode settled(Api dispatcher, Predicate<JsonNode> condition) {
		return BoardFixture.settled(dispatcher, CITY, condition);
	}

}
