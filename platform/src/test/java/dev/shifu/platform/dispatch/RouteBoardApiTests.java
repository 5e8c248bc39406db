package dev.shifu.platform.dispatch;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static dev.shifu.platform.dispatch.BoardFixture.DAY;
import static dev.shifu.platform.dispatch.BoardFixture.edit;
import static dev.shifu.platform.dispatch.BoardFixture.lane;
import static dev.shifu.platform.dispatch.BoardFixture.laneOf;
import static dev.shifu.platform.dispatch.BoardFixture.planned;
import static dev.shifu.platform.dispatch.BoardFixture.route;
import static dev.shifu.platform.dispatch.BoardFixture.shiftId;
import static dev.shifu.platform.dispatch.BoardFixture.unassigned;
import static dev.shifu.platform.dispatch.BoardFixture.visit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route board through the running app: the real live solver of a city of its own, edits committed as problem
 * changes, previews scored on a copy, re-optimization kept on the dispatcher's word, the audit log, region limits.
 * In a city of its own (995200, V293), so its live solver holds only this class's jobs and installers.
 */
class RouteBoardApiTests extends PlatformIntegrationTest {

	private static final String CITY = "995200";

	private static final String DISTRICT = "995201";

	private static final String EDITS = "/api/v1/dispatch/board/" + CITY + "/edits";

	private static final String PREVIEW = "/api/v1/dispatch/board/" + CITY + "/preview";

	@Autowired
	private StaffRegions staffRegions;

	private Api dispatcher;

	private String dispatcherName;

	private BoardFixture network;

	private long first;

	private long second;

	private List<String> jobs;

	@BeforeEach
	void network() {
		Api admin = asNewUser(Role.ADMIN, null);
		dispatcherName = unique("dispatcher");
		accounts.createUser(dispatcherName, PASSWORD, dispatcherName, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(dispatcherName, Set.of(CITY));
		dispatcher = Api.user(http, dispatcherName, PASSWORD);
		var brand = newBrand();
		network = new BoardFixture(admin, asBrand(brand), brand, unique("Board dealer"), CITY, DISTRICT);
		first = network.installer(unique("李伟"), 31.19, 121.43);
		second = network.installer(unique("王强"), 31.21, 121.46);
		jobs = List.of(network.order("DOOR", 31.195, 121.435), network.order("DOOR", 31.20, 121.44),
				network.order("DOOR", 31.205, 121.45), network.order("DOOR", 31.215, 121.455));
	}

	private static JsonNode board(Api as) {
		return BoardFixture.board(as, CITY);
	}

	private static JsonNode boardWhen(Api as, java.util.function.Predicate<JsonNode> condition, String what) {
		return BoardFixture.boardWhen(as, CITY, condition, what);
	}

	private static JsonNode settled(Api as, java.util.function.Predicate<JsonNode> condition) {
		return BoardFixture.settled(as, CITY, condition);
	}

	private JsonNode allPlanned() {
		// Jobs are placed as they arrive, possibly before both installers' shifts reach the plan: wait for both.
		return settled(dispatcher, board -> planned(board, jobs) && lane(board, shiftId(first)) != null
				&& lane(board, shiftId(second)) != null);
	}

	@Test
	void theBoardShowsRoutesWithTimesTravelAndPinsAndTheUnassignedWithWhatBlocksThem() {
		String lighting = network.order("LIGHTING", 31.20, 121.44);

		JsonNode board = boardWhen(dispatcher, b -> planned(b, jobs) && unassigned(b, lighting) != null,
				"our jobs planned, the lighting job unassigned");

		JsonNode visit = visit(board, jobs.get(0));
		assertThat(visit.get("start").asText()).startsWith(DAY.toString());
		assertThat(visit.get("travelSeconds").asLong()).isNotNegative();
		assertThat(visit.get("status").asText()).isEqualTo("PLANNED");
		assertThat(visit.get("pinned").asBoolean()).isFalse();
		assertThat(visit.get("windowEnd").asText()).isNotBlank();
		assertThat(visit.has("evidenceFlags")).isTrue();
		JsonNode lane = lane(board, laneOf(board, jobs.get(0)));
		assertThat(lane.get("installerName").asText()).isNotBlank();
		assertThat(lane.get("travelSeconds").asLong()).isPositive();
		assertThat(lane.get("baseLat").asDouble()).isBetween(31.0, 32.0);
		// Nobody of the city has the skill: the real constraint's rule says so.
		assertThat(unassigned(board, lighting).get("blockedBy").findValuesAsText("constraint")).contains("Skill match");
		assertThat(board.get("score").asText()).contains("hard");
		assertThat(board.get("constraints").findValuesAsText("constraint")).contains("Travel time", "Unassigned job");
	}

	@Test
	void aPreviewScoresTheMoveOnACopyAndTheCommitEndsWithExactlyThatScore() {
		String job = jobs.get(0);
		// The live solver may publish a better plan between preview and commit (the city's other jobs): then the
		// commit starts from another plan and cannot be compared. Such a pair is retried; a pair on one plan decides.
		JsonNode before = null;
		JsonNode unchanged = null;
		Api.Reply preview = null;
		Api.Reply committed = null;
		String target = null;
		for (int attempt = 0; attempt < 5; attempt++) {
			before = allPlanned();
			target = laneOf(before, job).equals(shiftId(first)) ? shiftId(second) : shiftId(first);
			preview = dispatcher.post(PREVIEW, edit("MOVE", job, target, 0, true, null));
			unchanged = board(dispatcher);
			committed = dispatcher.post(EDITS, edit("MOVE", job, target, 0, true, null));
			assertThat(preview.status()).as(preview.body()).isEqualTo(200);
			assertThat(committed.status()).as(committed.body()).isEqualTo(200);
			boolean samePlan = unchanged.get("version").asLong() == before.get("version").asLong()
					&& committed.json().at("/committed/scoreBefore").asText().equals(preview.json().get("scoreBefore").asText());
			if (samePlan) {
				break;
			}
		}

		assertThat(preview.json().get("baseVersion").asLong()).isEqualTo(before.get("version").asLong());
		assertThat(preview.json().get("summary").get(0).asText()).startsWith("moving job " + job + " to ");
		assertThat(preview.json().get("created").size() + preview.json().get("removed").size()).isPositive();
		// The preview committed nothing: the live plan is the version it was, the job where it was.
		assertThat(unchanged.get("version").asLong()).isEqualTo(before.get("version").asLong());
		assertThat(laneOf(unchanged, job)).isEqualTo(laneOf(before, job));
		assertThat(committed.json().at("/committed/scoreBefore").asText()).isEqualTo(preview.json().get("scoreBefore").asText());
		assertThat(committed.json().at("/committed/scoreAfter").asText()).isEqualTo(preview.json().get("scoreAfter").asText());
		JsonNode after = board(dispatcher);
		assertThat(laneOf(after, job)).isEqualTo(target);
		assertThat(visit(after, job).get("pinned").asBoolean()).isTrue();
	}

	// ----- preview = commit, for every kind of edit and for several edits in one request -----

	/** A preview and its commit that started from one plan version. */
	private record OnePlan(JsonNode before, JsonNode preview, JsonNode unchanged, JsonNode committed) {
	}

	/**
	 * Previews the request, reads the board, commits the request. The live solver may publish another plan between
	 * them; then the commit started from another plan than the preview and the pair cannot be compared: it is tried
	 * again ({@code setUp} first, then a request made from the plan as it is then). A pair on one plan decides.
	 */
	private OnePlan previewAndCommit(Runnable setUp, java.util.function.Predicate<JsonNode> ready,
			java.util.function.Function<JsonNode, Map<String, Object>> request) {
		return previewAndCommit(setUp, ready, request, b -> planned(b, jobs));
	}

	/** As above, with what "our jobs are planned" means when a try may take some of them off the plan for good. */
	private OnePlan previewAndCommit(Runnable setUp, java.util.function.Predicate<JsonNode> ready,
			java.util.function.Function<JsonNode, Map<String, Object>> request,
			java.util.function.Predicate<JsonNode> ourJobsPlanned) {
		for (int attempt = 0; attempt < 6; attempt++) {
			setUp.run();
			JsonNode before = settled(dispatcher, b -> ourJobsPlanned.test(b) && lane(b, shiftId(first)) != null
					&& lane(b, shiftId(second)) != null && ready.test(b));
			Map<String, Object> body = request.apply(before);
			Api.Reply preview = dispatcher.post(PREVIEW, body);
			assertThat(preview.status()).as(preview.body()).isEqualTo(200);
			JsonNode unchanged = board(dispatcher);
			Api.Reply committed = dispatcher.post(EDITS, body);
			assertThat(committed.status()).as(committed.body()).isEqualTo(200);
			long version = before.get("version").asLong();
			if (preview.json().get("baseVersion").asLong() == version && unchanged.get("version").asLong() == version
					&& committed.json().at("/committed/scoreBefore").asText().equals(preview.json().get("scoreBefore").asText())) {
				return new OnePlan(before, preview.json(), unchanged, committed.json().get("committed"));
			}
		}
		throw new AssertionError("no preview and commit started from one plan version in 6 attempts");
	}

	/** The previewed difference is exactly what the commit changed, level by level, and nothing was committed early. */
	private static void assertPreviewIsCommit(OnePlan pair) {
		assertThat(pair.preview().get("scoreBefore").asText()).isEqualTo(pair.before().get("score").asText());
		assertThat(pair.unchanged().get("score").asText()).as("the preview committed nothing")
			.isEqualTo(pair.before().get("score").asText());
		assertThat(pair.committed().get("scoreBefore").asText()).isEqualTo(pair.preview().get("scoreBefore").asText());
		assertThat(levels(pair.preview().get("difference").asText())).isEqualTo(
				minus(levels(pair.committed().get("scoreAfter").asText()), levels(pair.committed().get("scoreBefore").asText())));
		assertThat(pair.committed().get("scoreAfter").asText()).isEqualTo(pair.preview().get("scoreAfter").asText());
	}

	@Test
	void anUnpinsPreviewedScoreIsTheScoreAfterItsCommit() {
		String job = jobs.get(1);
		OnePlan pair = previewAndCommit(() -> {
			JsonNode now = allPlanned();
			if (!visit(now, job).get("pinned").asBoolean()) {
				Api.Reply pinned = dispatcher.post(EDITS, edit("PIN", job, null, null, false, null));
				assertThat(pinned.status()).as(pinned.body()).isEqualTo(200);
			}
		}, b -> visit(b, job).get("pinned").asBoolean(), b -> edit("UNPIN", job, null, null, false, null));

		assertPreviewIsCommit(pair);
		assertThat(pair.preview().get("summary").get(0).asText()).startsWith("unpinning job " + job);
		assertThat(visit(pair.unchanged(), job).get("pinned").asBoolean()).isTrue();
		assertThat(visit(board(dispatcher), job).get("pinned").asBoolean()).isFalse();
	}

	@Test
	void anUnassignsPreviewedScoreIsTheScoreAfterItsCommit() {
		// Each try takes another of our jobs off the plan (a held one is on no route any more), so a retry waits for
		// the jobs not yet taken off, not for all of them.
		String[] job = new String[1];
		Set<String> takenOff = new java.util.HashSet<>();
		OnePlan pair = previewAndCommit(() -> {
		}, b -> jobs.stream().anyMatch(j -> visit(b, j) != null), b -> {
			job[0] = jobs.stream().filter(j -> visit(b, j) != null).findFirst().orElseThrow();
			takenOff.add(job[0]);
			return edit("UNASSIGN", job[0], null, null, false, null);
		}, b -> planned(b, jobs.stream().filter(j -> !takenOff.contains(j)).toList()));

		assertPreviewIsCommit(pair);
		assertThat(visit(pair.unchanged(), job[0])).as("the preview took nothing off").isNotNull();
		JsonNode after = board(dispatcher);
		assertThat(visit(after, job[0])).isNull();
		assertThat(unassigned(after, job[0]).get("held").asBoolean()).isTrue();
	}

	@Test
	void aLockedDaysPreviewedScoreIsTheScoreAfterItsCommit() {
		String[] lane = new String[1];
		OnePlan pair = previewAndCommit(() -> {
		}, b -> lockable(b) != null, b -> {
			lane[0] = lockable(b);
			return edit("LOCK_DAY", null, lane[0], null, false, null);
		});

		assertPreviewIsCommit(pair);
		assertThat(lane(pair.unchanged(), lane[0]).get("locked").asBoolean()).isFalse();
		JsonNode after = boardWhen(dispatcher, b -> lane(b, lane[0]).get("locked").asBoolean(), "the day locked");
		assertThat(route(after, lane[0])).isEqualTo(route(pair.before(), lane[0]));
	}

	/**
	 * The unlocked lane with the fewest of this test's jobs, but one at least (the city's other lanes keep free jobs).
	 * The live plan may put our jobs on any installer of the city, other tests' ones too (STACK pitfall 53).
	 */
	private String lockable(JsonNode board) {
		String best = null;
		int fewest = Integer.MAX_VALUE;
		for (JsonNode lane : board.get("lanes")) {
			int ours = ours(lane);
			if (!lane.get("locked").asBoolean() && ours > 0 && ours < fewest) {
				best = lane.get("shiftId").asText();
				fewest = ours;
			}
		}
		return best;
	}

	private int ours(JsonNode lane) {
		int count = 0;
		for (JsonNode visit : lane.get("visits")) {
			if (jobs.contains(visit.get("jobId").asText())) {
				count++;
			}
		}
		return count;
	}

	@Test
	void aSickFromATimesPreviewedScoreIsTheScoreAfterItsCommit() {
		String[] lane = new String[1];
		String[] from = new String[1];
		OnePlan pair = previewAndCommit(() -> {
		}, b -> lockable(b) != null, b -> {
			lane[0] = busiest(b);
			from[0] = java.time.LocalDateTime.parse(lane(b, lane[0]).get("visits").get(0).get("start").asText())
				.plusMinutes(1)
				.toString();
			return edit("UNAVAILABLE_FROM", null, lane[0], null, false, from[0]);
		});

		assertPreviewIsCommit(pair);
		assertThat(pair.preview().get("summary").get(0).asText()).contains("unavailable from");
		JsonNode after = board(dispatcher);
		assertThat(lane(after, lane[0]).get("end").asText()).isLessThan(DAY + "T18:00");
		lane(after, lane[0]).get("visits").forEach(v -> assertThat(v.get("start").asText()).isLessThan(from[0]));
	}

	/** The unlocked lane with the most of this test's jobs. */
	private String busiest(JsonNode board) {
		String best = null;
		int most = 0;
		for (JsonNode lane : board.get("lanes")) {
			int ours = ours(lane);
			if (!lane.get("locked").asBoolean() && ours > most) {
				best = lane.get("shiftId").asText();
				most = ours;
			}
		}
		return best;
	}

	/**
	 * Several edits in one request reach the live solver as one change: it never plans the states in between (with a
	 * change per edit it would have, and the commit would end elsewhere than the preview). A move, a pin of the moved
	 * job where the move put it (only valid after the move), and a move of another job the other way.
	 */
	@Test
	void severalEditsCommittedTogetherEndWithExactlyTheScoreTheirPreviewGave() {
		String[] moved = new String[2];
		String[] target = new String[1];
		OnePlan pair = previewAndCommit(() -> {
		}, b -> jobs.stream().filter(j -> !visit(b, j).get("pinned").asBoolean()).count() >= 2, b -> {
			List<String> free = jobs.stream().filter(j -> !visit(b, j).get("pinned").asBoolean()).toList();
			moved[0] = free.get(0);
			moved[1] = free.get(1);
			String from = laneOf(b, moved[0]);
			target[0] = from.equals(shiftId(first)) ? shiftId(second) : shiftId(first);
			Map<String, Object> move = Map.of("kind", "MOVE", "jobId", moved[0], "shiftId", target[0], "position", 0,
					"pin", false);
			Map<String, Object> pin = Map.of("kind", "PIN", "jobId", moved[0], "pin", false);
			Map<String, Object> back = Map.of("kind", "MOVE", "jobId", moved[1], "shiftId", from, "position", 0, "pin",
					false);
			return Map.of("edits", List.of(move, pin, back));
		});

		assertPreviewIsCommit(pair);
		assertThat(pair.preview().get("summary").get(0).asText()).contains("moving job " + moved[0])
			.contains("pinning job " + moved[0]);
		JsonNode after = board(dispatcher);
		assertThat(laneOf(after, moved[0])).isEqualTo(target[0]);
		assertThat(visit(after, moved[0]).get("pinned").asBoolean()).isTrue();
		assertThat(pair.committed().get("after").findValuesAsText("jobId")).contains(moved[0], moved[1]);
	}

	private static final java.util.regex.Pattern LEVEL = java.util.regex.Pattern.compile("(-?\\d+)([a-zA-Z]+)");

	/** A score's levels by name, e.g. {hard=0, medium=-1, soft=-1234}. */
	private static Map<String, Long> levels(String score) {
		Map<String, Long> levels = new java.util.LinkedHashMap<>();
		java.util.regex.Matcher m = LEVEL.matcher(score);
		while (m.find()) {
			levels.put(m.group(2), Long.parseLong(m.group(1)));
		}
		assertThat(levels).as(score).isNotEmpty();
		return levels;
	}

	private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
		Map<String, Long> difference = new java.util.LinkedHashMap<>();
		after.forEach((level, value) -> difference.put(level, value - before.getOrDefault(level, 0L)));
		return difference;
	}

	@Test
	void pinAndUnpin() {
		JsonNode board = allPlanned();
		String job = jobs.get(1);
		String lane = laneOf(board, job);

		Api.Reply pinned = dispatcher.post(EDITS, edit("PIN", job, null, null, false, null));
		JsonNode afterPin = board(dispatcher);
		Api.Reply unpinned = dispatcher.post(EDITS, edit("UNPIN", job, null, null, false, null));
		JsonNode afterUnpin = board(dispatcher);

		assertThat(pinned.status()).as(pinned.body()).isEqualTo(200);
		assertThat(visit(afterPin, job).get("pinned").asBoolean()).isTrue();
		assertThat(laneOf(afterPin, job)).isEqualTo(lane);
		assertThat(pinned.json().at("/committed/after").findValuesAsText("jobId")).contains(job);
		assertThat(unpinned.status()).as(unpinned.body()).isEqualTo(200);
		assertThat(visit(afterUnpin, job).get("pinned").asBoolean()).isFalse();
		assertThat(dispatcher.post(EDITS, edit("UNPIN", job, null, null, false, null)).json().get("field").asText())
			.isEqualTo("jobId");
	}

	@Test
	void unassignHoldsTheJobOffThePlanUntilAMoveBringsItBack() {
		allPlanned();
		String job = jobs.get(2);

		Api.Reply held = dispatcher.post(EDITS, edit("UNASSIGN", job, null, null, false, null));
		JsonNode afterHold = board(dispatcher);
		Api.Reply back = dispatcher.post(EDITS, edit("MOVE", job, shiftId(first), 0, true, null));
		JsonNode afterMove = board(dispatcher);

		assertThat(held.status()).as(held.body()).isEqualTo(200);
		assertThat(visit(afterHold, job)).isNull();
		assertThat(unassigned(afterHold, job).get("held").asBoolean()).isTrue();
		assertThat(unassigned(afterHold, job).get("blockedBy").findValuesAsText("constraint")).contains("Held by a dispatcher");
		assertThat(back.status()).as(back.body()).isEqualTo(200);
		assertThat(laneOf(afterMove, job)).isEqualTo(shiftId(first));
		assertThat(unassigned(afterMove, job)).isNull();
	}

	@Test
	void aLockedDayKeepsItsRouteAndTakesNoNewJob() {
		JsonNode board = allPlanned();
		String locked = laneOf(board, jobs.get(0));

		Api.Reply reply = dispatcher.post(EDITS, edit("LOCK_DAY", null, locked, null, false, null));
		// The route as the lock took it (the live plan may have moved on since the board above was read).
		List<String> route = route(boardWhen(dispatcher, b -> lane(b, locked) != null && lane(b, locked).get("locked").asBoolean(),
				"the day locked"), locked);
		String late = network.order("DOOR", 31.196, 121.436);
		JsonNode after = boardWhen(dispatcher, b -> visit(b, late) != null || unassigned(b, late) != null, "the new job placed");

		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(route(after, locked)).isEqualTo(route);
		assertThat(lane(after, locked).get("locked").asBoolean()).isTrue();
		lane(after, locked).get("visits").forEach(v -> assertThat(v.get("pinned").asBoolean()).isTrue());
		assertThat(laneOf(after, late)).isNotEqualTo(locked);
	}

	@Test
	void anInstallerSickFromATimeKeepsTheEarlierJobsAndTheLaterOnesAreReplanned() {
		JsonNode board = allPlanned();
		String sick = laneOf(board, jobs.get(0));
		List<String> route = route(board, sick);
		JsonNode firstVisit = lane(board, sick).get("visits").get(0);
		// Sick from just after the first visit starts: it stays, every later one goes elsewhere.
		String from = java.time.LocalDateTime.parse(firstVisit.get("start").asText()).plusMinutes(1).toString();

		Api.Reply reply = dispatcher.post(EDITS, edit("UNAVAILABLE_FROM", null, sick, null, false, from));
		JsonNode after = boardWhen(dispatcher, b -> route(b, sick).size() == 1, "the later jobs left the route");

		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		// The job under way at `from` stays (the live plan may have reordered the route since the board was read,
		// so it is whichever of the route's jobs starts before `from`), pinned; every later one left.
		String kept = route(after, sick).get(0);
		assertThat(route).contains(kept);
		assertThat(visit(after, kept).get("start").asText()).isLessThan(from);
		assertThat(visit(after, kept).get("pinned").asBoolean()).isTrue();
		assertThat(lane(after, sick).get("end").asText().compareTo(from)).isGreaterThanOrEqualTo(0);
		assertThat(lane(after, sick).get("end").asText()).isLessThan(DAY + "T18:00");
		assertThat(dispatcher.post(EDITS, edit("UNAVAILABLE_FROM", null, sick, null, false, null)).json().get("field").asText())
			.isEqualTo("from");
	}

	/**
	 * A run stopped at once waits for the dispatcher like one that reached its limit, and keeps the pinned head. That a
	 * kept run leaves pins and locked days alone even where moving them would pay, and that a run ends at its limit by
	 * itself, is {@link BoardGuaranteesTests}' (a city set up so that ignoring them would win).
	 */
	@Test
	void aStoppedReoptimizationWaitsForTheDispatchersWordAndItsKeptPlanKeepsThePinnedHead() {
		JsonNode board = allPlanned();
		String job = jobs.get(3);
		assertThat(dispatcher.post(EDITS, edit("PIN", job, null, null, false, null)).status()).isEqualTo(200);
		JsonNode pinned = board(dispatcher);
		String lane = laneOf(pinned, job);
		List<String> head = route(pinned, lane).subList(0, route(pinned, lane).indexOf(job) + 1);

		Api.Reply started = dispatcher.post("/api/v1/dispatch/board/" + CITY + "/reoptimize",
				Map.of("date", DAY.toString(), "seconds", 600));
		Api.Reply stopped = dispatcher.delete("/api/v1/dispatch/board/" + CITY + "/reoptimize");
		BoardFixture.await(() -> "AWAITING_DECISION".equals(
				dispatcher.get("/api/v1/dispatch/board/" + CITY + "/reoptimize").json().path("state").asText()),
				"the stopped run waits for a decision");
		Api.Reply kept = dispatcher.post("/api/v1/dispatch/board/" + CITY + "/reoptimize/decision", Map.of("keep", true));
		JsonNode after = boardWhen(dispatcher, b -> planned(b, jobs), "the kept plan");

		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
		assertThat(kept.status()).as(kept.body()).isEqualTo(200);
		assertThat(kept.json().get("state").asText()).isEqualTo("KEPT");
		assertThat(route(after, lane).subList(0, head.size())).isEqualTo(head);
		assertThat(visit(after, job).get("pinned").asBoolean()).isTrue();
		assertThat(dispatcher.post("/api/v1/dispatch/board/" + CITY + "/reoptimize/decision", Map.of("keep", true)).status())
			.isEqualTo(409);
	}

	@Test
	void aReoptimizationOfADayOutsideThePlanIsRefusedNamingTheDate() {
		allPlanned();
		String reoptimize = "/api/v1/dispatch/board/" + CITY + "/reoptimize";
		java.time.LocalDate today = DAY.minusDays(1);

		Api.Reply past = dispatcher.post(reoptimize, Map.of("date", today.minusDays(1).toString(), "seconds", 5));
		Api.Reply beyond = dispatcher.post(reoptimize, Map.of("date", today.plusDays(30).toString(), "seconds", 5));

		for (Api.Reply reply : List.of(past, beyond)) {
			assertThat(reply.status()).as(reply.body()).isEqualTo(400);
			assertThat(reply.contentType()).contains("application/problem+json");
			assertThat(reply.json().get("field").asText()).isEqualTo("date");
		}
		assertThat(dispatcher.get(reoptimize).json().path("state").asText()).as("nothing started").isNotEqualTo("RUNNING");
	}

	@Test
	void aKeptReoptimizationOfOneDayLeavesAnotherDaysVisitsFree() {
		// A floor fitter who works only the day after: the one place the flooring job can go (no certificate needed).
		String otherDay = DAY.plusDays(1).toString();
		network.installerOn(unique("赵敏"), 31.20, 121.44, DAY.plusDays(1).getDayOfWeek(), List.of("FLOORING"));
		String appliance = network.order("FLOORING", 31.201, 121.441);
		BoardFixture.await(() -> visit(boardOn(dispatcher, otherDay), appliance) != null, "the appliance job planned on " + otherDay);
		allPlanned();
		assertThat(visit(boardOn(dispatcher, otherDay), appliance).get("pinned").asBoolean()).isFalse();

		String reoptimize = "/api/v1/dispatch/board/" + CITY + "/reoptimize";
		assertThat(dispatcher.post(reoptimize, Map.of("date", DAY.toString(), "seconds", 600)).status()).isEqualTo(202);
		assertThat(dispatcher.delete(reoptimize).status()).isEqualTo(200);
		BoardFixture.await(() -> "AWAITING_DECISION".equals(dispatcher.get(reoptimize).json().path("state").asText()),
				"the stopped run waits for a decision");
		Api.Reply kept = dispatcher.post(reoptimize + "/decision", Map.of("keep", true));
		assertThat(kept.status()).as(kept.body()).isEqualTo(200);
		boardWhen(dispatcher, b -> planned(b, jobs), "the kept plan");

		JsonNode[] other = new JsonNode[1];
		BoardFixture.await(() -> (other[0] = visit(boardOn(dispatcher, otherDay), appliance)) != null, "the appliance job still planned");
		assertThat(other[0].get("pinned").asBoolean()).as("another day stays as free as before").isFalse();
	}

	private static JsonNode boardOn(Api as, String date) {
		Api.Reply reply = as.get("/api/v1/dispatch/board?region=" + CITY + "&date=" + date);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	@Test
	void everyEditIsAuditedOnceEvenWhenRetried() {
		allPlanned();
		String job = jobs.get(1);

		Api.Reply firstTry = dispatcher.post(EDITS, edit("PIN", job, null, null, false, null),
				h -> h.set("Idempotency-Key", "pin-" + job));
		Api.Reply retry = dispatcher.post(EDITS, edit("PIN", job, null, null, false, null),
				h -> h.set("Idempotency-Key", "pin-" + job));
		JsonNode log = dispatcher.get("/api/v1/dispatch/board/" + CITY + "/audit").json();

		assertThat(retry.json().get("auditIds")).isEqualTo(firstTry.json().get("auditIds"));
		long entries = 0;
		for (JsonNode entry : log) {
			if (job.equals(entry.path("jobId").asText()) && entry.get("actor").asText().equals(dispatcherName)) {
				entries++;
				assertThat(entry.get("action").asText()).isEqualTo("PIN");
				assertThat(entry.get("before").asText()).contains(job);
				assertThat(entry.get("after").asText()).contains("\"pinned\":true");
				assertThat(entry.get("at").asText()).isNotBlank();
			}
		}
		assertThat(entries).isEqualTo(1);
	}

	@Test
	void twoParallelRequestsWithOneIdempotencyKeyActAndAuditOnce() throws Exception {
		allPlanned();
		String job = jobs.get(2);
		String key = unique("parallel-pin");
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.Callable<Api.Reply> pin = () -> {
				start.await();
				return dispatcher.post(EDITS, edit("PIN", job, null, null, false, null), h -> h.set("Idempotency-Key", key));
			};
			var first = pool.submit(pin);
			var second = pool.submit(pin);
			start.countDown();
			Api.Reply a = first.get();
			Api.Reply b = second.get();

			assertThat(a.status()).as(a.body()).isEqualTo(200);
			assertThat(b.status()).as(b.body()).isEqualTo(200);
			assertThat(b.json().get("auditIds")).isEqualTo(a.json().get("auditIds"));
		}
		finally {
			pool.shutdownNow();
		}
		long entries = 0;
		for (JsonNode entry : dispatcher.get("/api/v1/dispatch/board/" + CITY + "/audit").json()) {
			if (job.equals(entry.path("jobId").asText()) && "PIN".equals(entry.get("action").asText())) {
				entries++;
				assertThat(entry.get("actor").asText()).isEqualTo(dispatcherName);
				assertThat(entry.get("before").asText()).contains(job);
				assertThat(entry.get("after").asText()).contains("\"pinned\":true");
				assertThat(entry.get("at").asText()).isNotBlank();
			}
		}
		assertThat(entries).as("one PIN, one audit entry").isEqualTo(1);
	}

	@Test
	void aDispatcherOfAnotherRegionCanNeitherReadNorTouchThisOne() {
		allPlanned();
		String other = unique("dispatcher");
		accounts.createUser(other, PASSWORD, other, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(other, Set.of("330100"));
		Api outsider = Api.user(http, other, PASSWORD);
		String job = jobs.get(0);

		assertThat(outsider.get("/api/v1/dispatch/board?region=" + CITY + "&date=" + DAY).status()).isEqualTo(403);
		assertThat(outsider.post(EDITS, edit("PIN", job, null, null, false, null)).status()).isEqualTo(403);
		assertThat(outsider.post(PREVIEW, edit("PIN", job, null, null, false, null)).status()).isEqualTo(403);
		assertThat(outsider.get("/api/v1/dispatch/board/" + CITY + "/audit").status()).isEqualTo(403);
		assertThat(outsider.get("/api/v1/dispatch/board?region=330100&date=" + DAY).status()).isEqualTo(200);
		assertThat(visit(board(dispatcher), job).get("pinned").asBoolean()).isFalse();
	}

	@Test
	void badEditsAreRefusedNamingTheFieldAndCommitNothing() {
		allPlanned();
		String job = jobs.get(0);
		Map<String, Object> good = Map.of("kind", "PIN", "jobId", job);
		Map<String, Object> bad = Map.of("kind", "MOVE", "jobId", job, "shiftId", "I0@" + DAY, "position", 0);

		Api.Reply mixed = dispatcher.post(EDITS, Map.of("edits", List.of(good, bad)));
		Api.Reply noKind = dispatcher.post(EDITS, Map.of("edits", List.of(Map.of("kind", "TELEPORT", "jobId", job))));
		Api.Reply none = dispatcher.post(EDITS, Map.of("edits", List.of()));

		assertThat(mixed.status()).isEqualTo(400);
		assertThat(mixed.json().get("field").asText()).isEqualTo("shiftId");
		assertThat(visit(board(dispatcher), job).get("pinned").asBoolean()).as("the good edit was not committed").isFalse();
		assertThat(noKind.status()).isEqualTo(400);
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.json().get("field").asText()).isEqualTo("edits");
		// The job stays free, so the live solver may move it; what must not exist is an edit of it on record.
		for (JsonNode entry : dispatcher.get("/api/v1/dispatch/board/" + CITY + "/audit").json()) {
			assertThat(entry.path("jobId").asText()).as("nothing of the refused edits is audited").isNotEqualTo(job);
		}
	}

}
