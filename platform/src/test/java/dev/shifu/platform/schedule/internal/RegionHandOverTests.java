package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import dev.shifu.planner.domain.Schedule;
import dev.shifu.platform.support.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * A region's planner rebuilt on a network change (a provider suspended: every region is rebuilt) while changes keep
 * coming: a change sent to the old planner after the rebuild read its plan is replayed onto the new one, and a change
 * sent to the old planner after the hand-over is passed on; and a pinned visit keeps its booked window and its pin.
 * In a city of its own (995300, V293). The rebuild's read of the plan is where a test change is slipped in ({@link
 * WarmStart} spied), so the race happens every run instead of now and then.
 */
class RegionHandOverTests extends LivePlanTest {

	private static final String CITY = "995300";

	private static final String DISTRICT = "995301";

	@MockitoSpyBean
	private WarmStart warmStart;

	@Autowired
	private RegionRegistry registry;

	/** Runs once, on the rebuilding thread, right after a rebuild of the city read the old planner's plan. */
	private final AtomicReference<Runnable> afterRead = new AtomicReference<>();

	@BeforeEach
	void slipInAfterTheRead() {
		doAnswer(call -> {
			Schedule built = (Schedule) call.callRealMethod();
			if (CITY.equals(call.getArgument(0)) && call.getArgument(2) == null) {
				Runnable hook = afterRead.getAndSet(null);
				if (hook != null) {
					hook.run();
				}
			}
			return built;
		}).when(warmStart).build(any(), any(), any());
	}

	@Test
	void aChangeSentWhileARebuildReadsThePlanIsInTheNewPlan() throws Exception {
		LocalDate day = LocalDate.now(HANGZHOU).plusDays(1);
		List<Long> orders = network(day, 3);
		JsonNode plan = planWhen(CITY, day, p -> orders.stream().allMatch(o -> visit(p, o) != null), "all planned");
		// The first job of a route pinned: the others stay free (a live solver with nothing to move would stop).
		String shift = shiftOf(plan, orders.get(1));
		long order = route(plan, shift).get(0);
		List<String> head = headUpTo(plan, shift, order);
		RegionPlanner old = registry.find(CITY).orElseThrow();
		boolean[] sentAfterRead = { false };
		afterRead.set(() -> {
			// Sent to the planner that plans the region now, and shown in a plan it published: the plan the rebuild
			// read does not hold it, and nothing of it is stored (a pin sent straight to the solver).
			try {
				registry.find(CITY).orElseThrow().submit(PlanChanges.pinAtHead(shift, head)).get(60, TimeUnit.SECONDS);
				sentAfterRead[0] = true;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});

		suspendANewProvider();
		await(() -> registry.find(CITY).filter(now -> now != old).isPresent(), "the region rebuilt");

		assertThat(sentAfterRead[0]).as("the change was sent while the rebuild read the plan").isTrue();
		JsonNode after = planWhen(CITY, day, p -> visit(p, order) != null && visit(p, order).get("pinned").asBoolean(),
				"the change in the new plan");
		assertThat(route(after, shift).subList(0, head.size())).isEqualTo(ids(head));
		assertThat(jobs.findById(order).orElseThrow().isPinned()).as("not from storage: the replay put it there").isFalse();
	}

	@Test
	void aChangeSentToTheOldPlannerAfterTheHandOverReachesTheNewOne() throws Exception {
		LocalDate day = LocalDate.now(HANGZHOU).plusDays(1);
		List<Long> orders = network(day, 3);
		JsonNode plan = planWhen(CITY, day, p -> orders.stream().allMatch(o -> visit(p, o) != null), "all planned");
		String shift = shiftOf(plan, orders.get(0));
		long order = route(plan, shift).get(0);
		RegionPlanner old = registry.find(CITY).orElseThrow();

		suspendANewProvider();
		await(() -> registry.find(CITY).filter(now -> now != old).isPresent(), "the region rebuilt");
		Schedule published = old.submit(PlanChanges.pinAtHead(shift, headUpTo(plan, shift, order))).get(60, TimeUnit.SECONDS);

		assertThat(published.findJob("O" + order).map(job -> job.getShift().getPinnedJobs().contains(job))).contains(true);
		JsonNode after = planWhen(CITY, day, p -> visit(p, order) != null && visit(p, order).get("pinned").asBoolean(),
				"the change in the new plan");
		assertThat(shiftOf(after, order)).isEqualTo(shift);
	}

	@Test
	void aNetworkChangeRebuildKeepsAPinnedVisitsBookedWindowAndItsPin() {
		// Three days ahead: a normal member's morning window is offered from then on.
		LocalDate day = LocalDate.now(HANGZHOU).plusDays(3);
		long provider = provider(DISTRICT);
		installer(provider, 31.20, 121.44);
		installer(provider, 31.21, 121.45);
		long booked = order(DISTRICT, 31.201, 121.441);
		long free = order(DISTRICT, 31.205, 121.445);
		bookWindow(booked, day, "MORNING");
		book(free, day);
		String job = "O" + booked;
		String window = day + "T09:00";
		JsonNode board = boardWhen(day, b -> visitOf(b, job) != null && visitOf(b, job).get("windowStart").asText().startsWith(window)
				&& visitOf(b, "O" + free) != null, "the booked visit planned in its window");
		Api.Reply pinned = dispatcher.post("/api/v1/dispatch/board/" + CITY + "/edits",
				Map.of("edits", List.of(Map.of("kind", "PIN", "jobId", job, "pin", false))));
		assertThat(pinned.status()).as(pinned.body()).isEqualTo(200);
		JsonNode before = boardWhen(day, b -> visitOf(b, job).get("pinned").asBoolean(), "pinned");
		String lane = laneOf(before, job);
		RegionPlanner old = registry.find(CITY).orElseThrow();

		suspendANewProvider();
		await(() -> registry.find(CITY).filter(now -> now != old).isPresent(), "the region rebuilt");

		JsonNode after = board(day);
		JsonNode visit = visitOf(after, job);
		assertThat(laneOf(after, job)).isEqualTo(lane);
		assertThat(visit.get("pinned").asBoolean()).as("still pinned").isTrue();
		assertThat(visit.get("windowStart").asText()).as("the booked window, not the whole day").startsWith(window);
		assertThat(visit.get("windowEnd").asText()).startsWith(day + "T12:00");
		assertThat(visit.get("start").asText()).as("timed in its window").isGreaterThanOrEqualTo(window);
		assertThat(board.get("lanes").size()).isPositive();
	}

	/** A provider with two installers in the city and {@code count} orders booked on the day. */
	private List<Long> network(LocalDate day, int count) {
		long provider = provider(DISTRICT);
		installer(provider, 31.20, 121.44);
		installer(provider, 31.21, 121.45);
		List<Long> orders = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			orders.add(order(DISTRICT, 31.201 + i * 0.002, 121.441 + i * 0.002));
		}
		orders.forEach(order -> book(order, day));
		return orders;
	}

	/** A network change that rebuilds every region: a provider suspended (here a new one of no consequence). */
	private void suspendANewProvider() {
		long other = provider(DISTRICT);
		Api.Reply suspended = admin.post("/api/v1/providers/" + other + "/suspend", null);
		assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
	}

	/** The consumer books the day and a window through the order's link; the process takes it. */
	private void bookWindow(long order, LocalDate day, String window) {
		String link = asBrand(brand).get("/api/v1/orders/" + order).json().path("consumerLink").asText("");
		assertThat(link).as("consumer link of " + order).contains("/c/");
		Api.Reply reply = anonymous().post("/api/v1/consumer/" + link.substring(link.indexOf("/c/") + 3) + "/appointment",
				Map.of("date", day.toString(), "window", window));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		driver.drain(order);
		await(() -> jobs.findById(order).filter(row -> day.equals(row.getBookedDate()) && row.hasWindow()).isPresent(),
				"booked " + order + " " + window);
	}

	/** The job ids of the shift's route up to and with the order: what pinning it there locks. */
	private static List<String> headUpTo(JsonNode plan, String shift, long order) {
		List<String> head = new ArrayList<>();
		for (long o : route(plan, shift)) {
			head.add("O" + o);
			if (o == order) {
				break;
			}
		}
		return head;
	}

	private static List<Long> ids(List<String> jobIds) {
		return jobIds.stream().map(id -> Long.valueOf(id.substring(1))).toList();
	}

	private JsonNode board(LocalDate day) {
		Api.Reply reply = dispatcher.get("/api/v1/dispatch/board?region=" + CITY + "&date=" + day);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private JsonNode boardWhen(LocalDate day, java.util.function.Predicate<JsonNode> condition, String what) {
		JsonNode[] last = new JsonNode[1];
		await(() -> condition.test(last[0] = board(day)), what);
		return last[0];
	}

	private static JsonNode visitOf(JsonNode board, String jobId) {
		for (JsonNode lane : board.get("lanes")) {
			for (JsonNode visit : lane.get("visits")) {
				if (visit.get("jobId").asText().equals(jobId)) {
					return visit;
				}
			}
		}
		return null;
	}

	private static String laneOf(JsonNode board, String jobId) {
		for (JsonNode lane : board.get("lanes")) {
			for (JsonNode visit : lane.get("visits")) {
				if (visit.get("jobId").asText().equals(jobId)) {
					return lane.get("shiftId").asText();
				}
			}
		}
		return null;
	}

}
