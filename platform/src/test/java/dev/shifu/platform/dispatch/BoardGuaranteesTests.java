package dev.shifu.platform.dispatch;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.schedule.RouteBoard.EditKind;
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
 * What the route board promises a dispatcher, through the running app and the real live solver: a kept
 * re-optimization leaves pins and locked days where the dispatcher put them even where moving them would pay; a run
 * streams its progress, ends by itself at its limit and waits for the dispatcher's word; an installer sick from 11:00
 * keeps the morning and loses the rest to others or to the unassigned list; every kind of edit is audited once. Each
 * test in a city of its own (V303), so no other test's jobs or installers are in its plan.
 */
class BoardGuaranteesTests extends PlatformIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	private StaffRegions staffRegions;

	@LocalServerPort
	private int port;

	private String dispatcherName;

	/** A dispatcher of the city and a dealer covering its district. */
	private record City(String code, Api dispatcher, BoardFixture network) {

		String path(String tail) {
			return "/api/v1/dispatch/board/" + code + tail;
		}

		JsonNode board() {
			return BoardFixture.board(dispatcher, code);
		}

		JsonNode settled(Predicate<JsonNode> condition) {
			return BoardFixture.settled(dispatcher, code, condition);
		}

		JsonNode boardWhen(Predicate<JsonNode> condition, String what) {
			return BoardFixture.boardWhen(dispatcher, code, condition, what);
		}

		Api.Reply edits(Map<String, Object> body) {
			Api.Reply reply = dispatcher.post(path("/edits"), body);
			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			return reply;
		}

	}

	private City city(String code) {
		Api admin = asNewUser(Role.ADMIN, null);
		dispatcherName = unique("dispatcher");
		accounts.createUser(dispatcherName, PASSWORD, dispatcherName, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(dispatcherName, Set.of(code));
		var brand = newBrand();
		String district = code.substring(0, 4) + "01";
		return new City(code, Api.user(http, dispatcherName, PASSWORD),
				new BoardFixture(admin, asBrand(brand), brand, unique("Guarantee dealer"), code, district));
	}

	// ----- 1. pins and locked days under a kept re-optimization -----

	@Test
	void aKeptReoptimizationLeavesPinnedJobsAndALockedDayWhereTheDispatcherPutThemThoughMovingThemWouldPay() {
		City city = city("992600");
		// West (A), east (B) and south-east (C), about 35 km apart; the jobs sit by A or by B.
		long west = city.network().installer(unique("西"), 31.10, 121.30);
		long east = city.network().installer(unique("东"), 31.30, 121.60);
		long southEast = city.network().installer(unique("南"), 31.10, 121.60);
		String byWest = city.network().order("DOOR", 31.101, 121.301);
		String byEast = city.network().order("DOOR", 31.301, 121.601);
		String pinned = city.network().order("DOOR", 31.302, 121.602);
		String locked = city.network().order("DOOR", 31.299, 121.599);
		List<String> jobs = List.of(byWest, byEast, pinned, locked);
		city.settled(b -> planned(b, jobs) && lane(b, shiftId(west)) != null && lane(b, shiftId(east)) != null
				&& lane(b, shiftId(southEast)) != null);

		// A job of the east pinned first on the west's route; another of the east moved (free) onto the south-east's
		// day and that day locked, in one change so the live solver cannot take it back in between.
		Api.Reply pin = city.edits(edit("MOVE", pinned, shiftId(west), 0, true, null));
		Api.Reply lock = city.edits(Map.of("edits", List.of(
				Map.of("kind", "MOVE", "jobId", locked, "shiftId", shiftId(southEast), "position", 0, "pin", false),
				Map.of("kind", "LOCK_DAY", "shiftId", shiftId(southEast), "pin", false))));
		// Each cost the plan: a re-optimization that ignored them would win by undoing them.
		assertThat(compare(pin.json().at("/committed/scoreAfter").asText(), pin.json().at("/committed/scoreBefore").asText()))
			.as("the pin far from its installer costs the plan").isNegative();
		assertThat(compare(lock.json().at("/committed/scoreAfter").asText(), lock.json().at("/committed/scoreBefore").asText()))
			.as("the move onto the locked day costs the plan").isNegative();
		JsonNode before = city.boardWhen(b -> lane(b, shiftId(southEast)).get("locked").asBoolean()
				&& route(b, shiftId(southEast)).equals(List.of(locked)) && route(b, shiftId(west)).indexOf(pinned) == 0,
				"the pin and the locked day in the plan");
		// And undoing them scores better: the preview of the pinned job going back east says so.
		Api.Reply undo = city.dispatcher().post(city.path("/preview"), edit("MOVE", pinned, shiftId(east), 0, true, null));
		assertThat(undo.status()).as(undo.body()).isEqualTo(200);
		assertThat(compare(undo.json().get("scoreAfter").asText(), undo.json().get("scoreBefore").asText()))
			.as("moving the pinned job to the installer next to it would improve the score").isPositive();

		Api.Reply started = city.dispatcher().post(city.path("/reoptimize"), Map.of("date", DAY.toString(), "seconds", 2));
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		awaitDecision(city);
		Api.Reply kept = city.dispatcher().post(city.path("/reoptimize/decision"), Map.of("keep", true));
		assertThat(kept.status()).as(kept.body()).isEqualTo(200);
		assertThat(kept.json().get("state").asText()).isEqualTo("KEPT");
		JsonNode after = city.boardWhen(b -> planned(b, jobs), "the kept plan");

		assertThat(laneOf(after, pinned)).as("the pinned job stays on the west's route").isEqualTo(shiftId(west));
		assertThat(visit(after, pinned).get("position").asInt()).isEqualTo(visit(before, pinned).get("position").asInt());
		assertThat(visit(after, pinned).get("pinned").asBoolean()).isTrue();
		assertThat(lane(after, shiftId(southEast)).get("locked").asBoolean()).as("the day stays locked").isTrue();
		assertThat(route(after, shiftId(southEast))).as("the locked day keeps its route").isEqualTo(List.of(locked));
		// Only a decided run is decided once.
		assertThat(city.dispatcher().post(city.path("/reoptimize/decision"), Map.of("keep", true)).status()).isEqualTo(409);
	}

	// ----- 2. progress over SSE, the end at the limit, discard and keep -----

	@Test
	void aReoptimizationStreamsItsProgressEndsAtItsLimitAndIsDiscardedOrKeptOnTheDispatchersWord() throws Exception {
		City city = city("992700");
		long first = city.network().installer(unique("李"), 31.19, 121.43);
		long second = city.network().installer(unique("王"), 31.21, 121.46);
		List<String> jobs = List.of(city.network().order("DOOR", 31.195, 121.435),
				city.network().order("DOOR", 31.20, 121.44), city.network().order("DOOR", 31.215, 121.455));
		Predicate<JsonNode> ready = b -> planned(b, jobs) && lane(b, shiftId(first)) != null
				&& lane(b, shiftId(second)) != null;
		city.settled(ready);
		JsonNode before = city.settled(ready);
		List<String[]> events = stream(city);

		Api.Reply started = city.dispatcher().post(city.path("/reoptimize"), Map.of("date", DAY.toString(), "seconds", 2));
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(started.json().get("state").asText()).isEqualTo("RUNNING");
		JsonNode waiting = awaitDecision(city);
		String phase = "reoptimize " + DAY;
		BoardFixture.await(() -> progress(events, "awaiting decision " + DAY).size() == 1, "the end on the stream");

		List<JsonNode> running = progress(events, phase);
		assertThat(running).as("the run's progress streamed while it ran").isNotEmpty();
		for (JsonNode event : running) {
			assertThat(event.get("score").asText()).contains("hard").contains("soft");
			assertThat(event.get("unassigned").isInt()).isTrue();
			assertThat(event.get("timeLeftMillis").asLong()).isBetween(0L, 2000L);
		}
		assertThat(running.get(0).get("timeLeftMillis").asLong()).as("the time left of the run").isPositive();
		JsonNode end = progress(events, "awaiting decision " + DAY).get(0);
		assertThat(end.get("timeLeftMillis").asLong()).isZero();
		assertThat(end.get("score").asText()).isEqualTo(waiting.get("scoreFound").asText());
		assertThat(end.get("unassigned").asInt()).isEqualTo(waiting.get("unassignedFound").asInt());

		// Discard: the live plan is exactly what it was before the run.
		Api.Reply discarded = city.dispatcher().post(city.path("/reoptimize/decision"), Map.of("keep", false));
		assertThat(discarded.status()).as(discarded.body()).isEqualTo(200);
		assertThat(discarded.json().get("state").asText()).isEqualTo("DISCARDED");
		JsonNode afterDiscard = city.board();
		assertThat(afterDiscard.get("version").asLong()).isEqualTo(before.get("version").asLong());
		assertThat(afterDiscard.get("score").asText()).isEqualTo(before.get("score").asText());
		for (String shift : List.of(shiftId(first), shiftId(second))) {
			assertThat(route(afterDiscard, shift)).isEqualTo(route(before, shift));
		}
		assertThat(city.dispatcher().get(city.path("/reoptimize")).json().get("state").asText()).isEqualTo("DISCARDED");

		// Keep: the found plan is the live one.
		assertThat(city.dispatcher().post(city.path("/reoptimize"), Map.of("date", DAY.toString(), "seconds", 2)).status())
			.isEqualTo(202);
		String found = awaitDecision(city).get("scoreFound").asText();
		Api.Reply kept = city.dispatcher().post(city.path("/reoptimize/decision"), Map.of("keep", true));
		assertThat(kept.status()).as(kept.body()).isEqualTo(200);
		assertThat(kept.json().get("state").asText()).isEqualTo("KEPT");
		city.boardWhen(b -> planned(b, jobs) && b.get("score").asText().equals(found), "the found plan live");

		List<String> decisions = new ArrayList<>();
		for (JsonNode entry : city.dispatcher().get(city.path("/audit")).json()) {
			if (entry.get("action").asText().startsWith("REOPTIMIZE_")) {
				assertThat(entry.get("actor").asText()).isEqualTo(dispatcherName);
				assertThat(entry.get("scoreBefore").asText()).isNotBlank();
				assertThat(entry.get("scoreAfter").asText()).isNotBlank();
				decisions.add(entry.get("action").asText());
			}
		}
		assertThat(decisions).as("newest first").containsExactly("REOPTIMIZE_KEPT", "REOPTIMIZE_DISCARDED");
	}

	/** The run, once it has ended by itself (no stop asked) and waits for the dispatcher. */
	private static JsonNode awaitDecision(City city) {
		JsonNode[] last = new JsonNode[1];
		BoardFixture.await(() -> "AWAITING_DECISION".equals(
				(last[0] = city.dispatcher().get(city.path("/reoptimize")).json()).path("state").asText()),
				"the run ended by itself and waits for a decision");
		return last[0];
	}

	/** The region's board stream, read by a plain HTTP client on a thread of its own: each event's name and data. */
	private List<String[]> stream(City city) throws Exception {
		List<String[]> received = new CopyOnWriteArrayList<>();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + city.path("/stream")))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((dispatcherName + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		Thread reader = new Thread(() -> {
			String name = null;
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (line.startsWith("event:")) {
						name = line.substring(6).trim();
					}
					else if (line.startsWith("data:")) {
						received.add(new String[] { name, line.substring(5).trim() });
					}
				}
			}
			catch (java.io.IOException closed) {
				// the app ended the stream with the test
			}
		}, "board-guarantees-stream");
		reader.setDaemon(true);
		reader.start();
		BoardFixture.await(() -> !progress(received, "live").isEmpty(), "the stream open");
		return received;
	}

	private static List<JsonNode> progress(List<String[]> events, String phase) {
		List<JsonNode> progress = new ArrayList<>();
		for (String[] event : events) {
			if ("best-score".equals(event[0])) {
				try {
					JsonNode data = JSON.readTree(event[1]);
					if (phase.equals(data.path("phase").asText())) {
						progress.add(data);
					}
				}
				catch (java.io.IOException ex) {
					throw new AssertionError(event[1], ex);
				}
			}
		}
		return progress;
	}

	// ----- 3. an installer sick from 11:00 -----

	@Test
	void anInstallerSickFromElevenKeepsTheMorningAndEveryLaterJobGoesToAnotherRouteOrIsShownUnassignedWithItsReason() {
		City city = city("996800");
		long sick = city.network().installer(unique("病"), 31.19, 121.43);
		long other = city.network().installer(unique("替"), 31.25, 121.50);
		List<String> jobs = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			jobs.add(city.network().order("DOOR", 31.19 + 0.003 * i, 121.43 + 0.003 * i));
		}
		// A free job by the other installer: the live solver keeps running (a city of pinned jobs only is rebuilt, not
		// changed), as in a real city.
		String free = city.network().order("DOOR", 31.251, 121.501);
		city.settled(b -> planned(b, jobs) && visit(b, free) != null && lane(b, shiftId(sick)) != null
				&& lane(b, shiftId(other)) != null);
		// The whole day on the sick installer's route, in this order: it spans 11:00.
		List<Map<String, Object>> onto = new ArrayList<>();
		for (String job : jobs) {
			onto.add(Map.of("kind", "MOVE", "jobId", job, "shiftId", shiftId(sick), "position", 0, "pin", true));
		}
		city.edits(Map.of("edits", onto));
		JsonNode before = city.boardWhen(b -> route(b, shiftId(sick)).equals(jobs), "the day on the sick one's route");
		String eleven = DAY + "T11:00";
		List<String> morning = jobs.stream().filter(j -> visit(before, j).get("start").asText().compareTo(eleven) < 0).toList();
		List<String> later = jobs.stream().filter(j -> !morning.contains(j)).toList();
		assertThat(morning).as("jobs before 11:00").isNotEmpty();
		assertThat(later).as("jobs from 11:00").isNotEmpty();

		Api.Reply sickFrom = city.edits(edit("UNAVAILABLE_FROM", null, shiftId(sick), null, false, eleven));
		assertThat(sickFrom.json().at("/committed/before").findValuesAsText("jobId")).containsAll(jobs);
		JsonNode after = city.boardWhen(b -> route(b, shiftId(sick)).equals(morning)
				&& later.stream().allMatch(j -> visit(b, j) != null || unassigned(b, j) != null), "the day re-planned");

		for (String job : morning) {
			assertThat(visit(after, job).get("start").asText()).isEqualTo(visit(before, job).get("start").asText());
			assertThat(visit(after, job).get("pinned").asBoolean()).isTrue();
		}
		for (String job : later) {
			JsonNode elsewhere = visit(after, job);
			if (elsewhere != null) {
				assertThat(laneOf(after, job)).as(job + " on another route").isNotEqualTo(shiftId(sick));
			}
			else {
				assertThat(unassigned(after, job).get("blockedBy").findValuesAsText("text"))
					.as(job + " unassigned, with the reason shown").isNotEmpty();
			}
		}
		assertThat(lane(after, shiftId(sick)).get("end").asText()).as("the day ends once the morning is done")
			.isLessThan(DAY + "T18:00")
			.isGreaterThanOrEqualTo(eleven);
		// Nothing dropped: every job of the day is on a route or on the unassigned list, once.
		for (String job : union(jobs, free)) {
			assertThat((visit(after, job) != null ? 1 : 0) + (unassigned(after, job) != null ? 1 : 0)).as(job).isEqualTo(1);
		}
	}

	private static List<String> union(List<String> jobs, String more) {
		List<String> all = new ArrayList<>(jobs);
		all.add(more);
		return all;
	}

	// ----- 4. every edit kind audited once -----

	@Test
	void everyKindOfEditLeavesExactlyOneAuditEntryWithWhoWhatBeforeAfterAndWhen() throws Exception {
		City city = city("996900");
		long first = city.network().installer(unique("甲"), 31.19, 121.43);
		long second = city.network().installer(unique("乙"), 31.21, 121.46);
		List<String> jobs = List.of(city.network().order("DOOR", 31.195, 121.435),
				city.network().order("DOOR", 31.20, 121.44), city.network().order("DOOR", 31.205, 121.45),
				city.network().order("DOOR", 31.215, 121.455));
		city.settled(b -> planned(b, jobs) && lane(b, shiftId(first)) != null && lane(b, shiftId(second)) != null);
		Instant start = Instant.now().minusSeconds(60);

		for (EditKind kind : EditKind.values()) {
			JsonNode board = city.settled(b -> true);
			Map<String, Object> body = switch (kind) {
				case MOVE -> edit("MOVE", jobs.get(0), other(board, jobs.get(0), first, second), 0, false, null);
				case PIN -> edit("PIN", jobs.get(0), null, null, false, null);
				case UNPIN -> edit("UNPIN", jobs.get(0), null, null, false, null);
				case UNASSIGN -> edit("UNASSIGN", jobs.get(1), null, null, false, null);
				case LOCK_DAY -> edit("LOCK_DAY", null, laneOf(board, jobs.get(2)), null, false, null);
				case UNAVAILABLE_FROM -> {
					String shift = laneOf(board, jobs.get(3));
					yield edit("UNAVAILABLE_FROM", null, shift, null, false, LocalDateTime
						.parse(lane(board, shift).get("visits").get(0).get("start").asText()).plusMinutes(1).toString());
				}
			};
			@SuppressWarnings("unchecked")
			Map<String, Object> sent = ((List<Map<String, Object>>) body.get("edits")).get(0);
			long newest = newestAuditId(city);

			Api.Reply applied = city.edits(body);

			List<JsonNode> entries = new ArrayList<>();
			for (JsonNode entry : city.dispatcher().get(city.path("/audit")).json()) {
				if (entry.get("id").asLong() > newest) {
					entries.add(entry);
				}
			}
			assertThat(entries).as(kind + ": one audit entry").hasSize(1);
			JsonNode entry = entries.get(0);
			assertThat(entry.get("id").asLong()).isEqualTo(applied.json().get("auditIds").get(0).asLong());
			assertThat(entry.get("actor").asText()).as("who").isEqualTo(dispatcherName);
			assertThat(entry.get("action").asText()).as("what").isEqualTo(kind.name());
			JsonNode what = JSON.readTree(entry.get("edit").asText());
			sent.forEach((field, value) -> assertThat(field.equals("from")
					? LocalDateTime.parse(what.get(field).asText()).toString() : what.get(field).asText())
				.as(kind + " " + field)
				.isEqualTo(String.valueOf(value)));
			JsonNode was = JSON.readTree(entry.get("before").asText());
			JsonNode is = JSON.readTree(entry.get("after").asText());
			assertThat(was.isArray() && was.size() > 0).as(kind + ": where the touched jobs stood before").isTrue();
			assertThat(is.isArray() && is.size() > 0).as(kind + ": and after").isTrue();
			if (sent.containsKey("jobId")) {
				assertThat(was.findValuesAsText("jobId")).contains((String) sent.get("jobId"));
				assertThat(is.findValuesAsText("jobId")).contains((String) sent.get("jobId"));
			}
			assertThat(was).isEqualTo(applied.json().at("/committed/before"));
			assertThat(is).isEqualTo(applied.json().at("/committed/after"));
			assertThat(entry.get("scoreBefore").asText()).isEqualTo(applied.json().at("/committed/scoreBefore").asText());
			assertThat(entry.get("scoreAfter").asText()).isEqualTo(applied.json().at("/committed/scoreAfter").asText());
			assertThat(Instant.parse(entry.get("at").asText())).as("when").isAfter(start).isBefore(Instant.now().plusSeconds(60));
		}
	}

	private static String other(JsonNode board, String job, long first, long second) {
		return shiftId(first).equals(laneOf(board, job)) ? shiftId(second) : shiftId(first);
	}

	private static long newestAuditId(City city) {
		JsonNode log = city.dispatcher().get(city.path("/audit?limit=1")).json();
		return log.isEmpty() ? 0 : log.get(0).get("id").asLong();
	}

	// ----- scores -----

	private static final java.util.regex.Pattern LEVEL = java.util.regex.Pattern.compile("(-?\\d+)(hard|medium|soft)");

	/** Positive when {@code a} is the better score (hard, then medium, then soft). */
	private static int compare(String a, String b) {
		long[] x = levels(a);
		long[] y = levels(b);
		for (int i = 0; i < 3; i++) {
			if (x[i] != y[i]) {
				return Long.compare(x[i], y[i]);
			}
		}
		return 0;
	}

	private static long[] levels(String score) {
		long[] levels = new long[3];
		java.util.regex.Matcher m = LEVEL.matcher(score);
		int found = 0;
		while (m.find()) {
			levels[switch (m.group(2)) {
				case "hard" -> 0;
				case "medium" -> 1;
				default -> 2;
			}] = Long.parseLong(m.group(1));
			found++;
		}
		assertThat(found).as(score).isEqualTo(3);
		return levels;
	}

}
