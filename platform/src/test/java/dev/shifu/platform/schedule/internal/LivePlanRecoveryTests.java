package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.platform.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live plan survives what happens to it: a restart, a re-optimization, an installer's time off, a dead solver,
 * and readers. Each test plans in a city of its own.
 */
@org.springframework.test.context.TestPropertySource(properties = LivePlanTest.OWN_DATABASE)
class LivePlanRecoveryTests extends LivePlanTest {

	@Autowired
	private RegionRegistry registry;

	private final LocalDate day = LocalDate.now(HANGZHOU).plusDays(1);

	@Test
	void aRestartKeepsPinsMovesAndRoutes() {
		restartKeepsPinsMovesAndRoutes("330402", 30.75, 120.75, this::restartPlanning);
	}

	@Autowired
	private dev.shifu.platform.schedule.WindowCapacity capacity;

	@Autowired
	private org.springframework.modulith.events.IncompleteEventPublications incomplete;

	@Autowired
	private org.springframework.transaction.PlatformTransactionManager transactions;

	@Test
	void aDayBookedJustBeforeACrashReachesThePlanWhenItsPublicationIsResubmitted() {
		long provider = provider("330304");
		installer(provider, 27.96, 120.61);
		long booked = order("330304", 27.964, 120.614);
		long crashed = order("330304", 27.965, 120.615);
		new org.springframework.transaction.support.TransactionTemplate(transactions)
			.executeWithoutResult(status -> capacity.bookDay(booked, day));
		await(() -> day.equals(jobs.findById(booked).map(ScheduleJob::getBookedDate).orElse(null)), "booked " + booked);
		// The day went through the publication registry, stored in the booking's own transaction.
		Map<String, Object> publication = jdbc.queryForMap(
				"select listener_id, event_type, serialized_event from event_publication where event_type = ? and serialized_event like ?",
				DayBooked.class.getName(), "%\"orderId\":" + booked + "%");

		// What a crash right after a booking's commit leaves: its publication, never completed.
		jdbc.update("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date) values (?, ?, ?, ?, ?)",
				java.util.UUID.randomUUID(), publication.get("listener_id"), publication.get("event_type"),
				String.valueOf(publication.get("serialized_event"))
					.replace("\"orderId\":" + booked, "\"orderId\":" + crashed),
				java.sql.Timestamp.from(java.time.Instant.now()));
		assertThat(jobs.findById(crashed).map(ScheduleJob::getBookedDate)).isEmpty();

		// What the restart does (republish-outstanding-events-on-restart).
		incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof DayBooked d && d.orderId() == crashed);
		await(() -> day.equals(jobs.findById(crashed).map(ScheduleJob::getBookedDate).orElse(null)),
				"the crashed booking's day in the schedule");
		planWhen("330300", day, p -> visit(p, crashed) != null, "the crashed booking planned on its day");
	}

	@Test
	void reoptimizingOneDayLeavesTheOtherDaysFree() {
		String city = "330500";
		long provider = provider("330502");
		installer(provider, 30.87, 120.10);
		installer(provider, 30.88, 120.11);
		long onTheDay = order("330502", 30.871, 120.101);
		long nextDay = order("330502", 30.872, 120.102);
		book(onTheDay, day);
		book(nextDay, day.plusDays(1));
		planWhen(city, day.plusDays(1), p -> visit(p, nextDay) != null, "the next day's visit planned");
		planWhen(city, day, p -> visit(p, onTheDay) != null, "the day's visit planned");
		RegionPlanner before = registry.find(city).orElseThrow();

		Api.Reply started = dispatcher.post("/api/v1/schedules/330500/reoptimize",
				Map.of("date", day.toString(), "seconds", 60));
		dispatcher.delete("/api/v1/schedules/330500/reoptimize");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		await(() -> registry.find(city).filter(p -> p != before).isPresent(), "the re-optimized plan in place");

		RegionPlanner after = registry.find(city).orElseThrow();
		Job job = after.best().findJob("O" + nextDay).orElseThrow();
		assertThat(after.best().getJobs()).as("the solver may still move the other day's job").contains(job);
		assertThat(visit(plan(city, day.plusDays(1)), nextDay).get("pinned").asBoolean()).isFalse();
	}

	@Test
	void aDispatcherMoveDuringAReoptimizationIsKeptInTheReoptimizedPlan() {
		String city = "330500";
		long provider = provider("330503");
		long first = installer(provider, 30.87, 120.10);
		long second = installer(provider, 30.88, 120.11);
		long order = order("330503", 30.873, 120.103);
		book(order, day.plusDays(2));
		JsonNode plan = planWhen(city, day.plusDays(2), p -> visit(p, order) != null, "planned");
		String target = shiftOf(plan, order).equals(ShiftIds.of(first, day.plusDays(2))) ? ShiftIds.of(second, day.plusDays(2))
				: ShiftIds.of(first, day.plusDays(2));
		RegionPlanner before = registry.find(city).orElseThrow();

		Api.Reply started = dispatcher.post("/api/v1/schedules/330500/reoptimize",
				Map.of("date", day.plusDays(2).toString(), "seconds", 60));
		Api.Reply moved = dispatcher.post("/api/v1/schedules/330500/moves",
				Map.of("jobId", "O" + order, "shiftId", target, "position", 0, "pin", true));
		dispatcher.delete("/api/v1/schedules/330500/reoptimize");
		await(() -> registry.find(city).filter(p -> p != before).isPresent(), "the re-optimized plan in place");

		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(moved.status()).isEqualTo(202);
		JsonNode after = planWhen(city, day.plusDays(2), p -> target.equals(shiftOf(p, order)), "the move kept");
		assertThat(isPinned(after, order)).isTrue();
	}

	@Test
	void aRegionWhoseJobsAreAllPinnedKeepsItsPlanAndItsStoredVisits() {
		String city = "330600";
		long provider = provider("330602");
		installer(provider, 30.0, 120.58);
		long order = order("330602", 30.01, 120.59);
		book(order, day);
		planWhen(city, day, p -> visit(p, order) != null, "planned");

		dispatcher.post("/api/v1/schedules/330600/pins", Map.of("jobId", "O" + order));

		JsonNode plan = planWhen(city, day, p -> isPinned(p, order), "pinned");
		assertThat(registry.find(city).orElseThrow().isIdle()).as("nothing left to move").isTrue();
		await(() -> Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from planned_visit where order_id = ? and pinned",
				Boolean.class, order)), "the pinned visit stored");
		assertThat(plan.get("score").asText()).isNotEqualTo("no plan");
	}

	@Test
	void anInstallerBackFromLeaveOrSuspensionOrWithItsProviderGetsWorkAgain() {
		String city = "330700";
		long provider = provider("330702");
		long installer = installer(provider, 29.08, 119.65);
		long order = order("330702", 29.09, 119.66);
		book(order, day);
		String shift = ShiftIds.of(installer, day);
		planWhen(city, day, p -> shift.equals(shiftOf(p, order)), "planned on the only installer");

		admin.post("/api/v1/providers/" + provider + "/installers/" + installer + "/suspend", Map.of());
		planWhen(city, day, p -> visit(p, order) == null
				&& p.get("unassigned").findValuesAsText("jobId").contains("O" + order), "unassigned while suspended");
		admin.post("/api/v1/providers/" + provider + "/installers/" + installer + "/activate", Map.of());
		planWhen(city, day, p -> shift.equals(shiftOf(p, order)), "back on the installer's route");

		leave(provider, installer, List.of(day));
		planWhen(city, day, p -> visit(p, order) == null, "off the route while on leave");
		leave(provider, installer, List.of());
		planWhen(city, day, p -> shift.equals(shiftOf(p, order)), "back on the route after leave");

		admin.post("/api/v1/providers/" + provider + "/suspend", Map.of());
		planWhen(city, day, p -> visit(p, order) == null, "off the route while the provider is suspended");
		admin.post("/api/v1/providers/" + provider + "/activate", Map.of());
		planWhen(city, day, p -> shift.equals(shiftOf(p, order)), "back on the route with the provider");
	}

	@Test
	void aChangeSentToASolverThatDiedIsPlannedWhenTheWatchdogRestartsTheRegionFromItsLastPlan() throws Exception {
		String city = "330200";
		long provider = provider("330203");
		installer(provider, 29.87, 121.55);
		installer(provider, 29.88, 121.56);
		long first = order("330203", 29.871, 121.551);
		book(first, day);
		JsonNode planned = planWhen(city, day, p -> visit(p, first) != null, "planned");
		String firstShift = shiftOf(planned, first);
		RegionPlanner dying = registry.find(city).orElseThrow();
		double restarts = restartsInActuator(city);

		// A fault inside the solver thread: an Error ends solve() and with it the thread. It waits until the new
		// order and its booking have been handed to this solver, so both reach a solver that dies without them.
		java.util.concurrent.CountDownLatch handedOver = new java.util.concurrent.CountDownLatch(1);
		dying.submit((working, director) -> {
			try {
				handedOver.await(2, java.util.concurrent.TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new AssertionError("the test kills this solver");
		});
		long later;
		try {
			later = order("330203", 29.872, 121.552);
			book(later, day);
			assertThat(registry.find(city)).as("the changes went to the dying solver").containsSame(dying);
		}
		finally {
			handedOver.countDown();
		}
		await(dying::hasFailed, "the solver died");

		JsonNode after = planWhen(city, day, p -> visit(p, later) != null, "the change sent while the solver died planned");
		assertThat(registry.find(city)).get().isNotSameAs(dying).matches(p -> !p.hasFailed());
		assertThat(shiftOf(after, first)).as("restarted from its last plan").isEqualTo(firstShift);
		await(() -> restartsInActuator(city) == restarts + 1, "the restart counted in " + SolverWatchdog.RESTARTS);
	}

	/**
	 * Dispatchers read routes and the score explanation in one answer while orders keep changing the plan: the
	 * explanation's count of unassigned jobs is the answer's list of unassigned jobs in every read. Sofas need a skill
	 * nobody here has, so each new order is one more unassigned job, a new version with a new count.
	 */
	@Test
	void routesAndTheScoreExplanationOfEveryReadComeFromOneVersionWhileThePlanChanges() throws Exception {
		String city = "330600";
		long provider = provider("330604");
		installer(provider, 30.0, 120.58);
		long door = order("330604", 30.03, 120.61);
		book(door, day);
		planWhen(city, day, p -> visit(p, door) != null, "planned");
		int sofas = 6;
		var poster = java.util.concurrent.Executors.newSingleThreadExecutor();
		try {
			var posted = poster.submit(() -> {
				List<Long> orders = new java.util.ArrayList<>();
				for (int i = 0; i < sofas; i++) {
					orders.add(order("330604", 30.03 + i * 0.001, 120.62, "SOFA"));
				}
				return orders;
			});
			java.util.Set<Integer> counts = new java.util.TreeSet<>();
			List<Long> orders = null;
			for (int read = 0; orders == null || !unassignedOf(plan(city, day)).containsAll(orders); read++) {
				JsonNode plan = plan(city, day);
				List<Long> unassigned = unassignedOf(plan);
				assertThat(unassignedMatches(plan)).as("read " + read + ": explanation and routes of one version: " + plan)
					.isEqualTo(unassigned.size());
				assertThat(visit(plan, door)).as("read " + read).isNotNull();
				counts.add(unassigned.size());
				if (posted.isDone()) {
					orders = posted.get();
				}
				assertThat(read).as("reads before every sofa was unassigned").isLessThan(3_000);
				Thread.sleep(50);
			}
			assertThat(counts).as("the plan changed while it was read").hasSizeGreaterThan(1);
		}
		finally {
			poster.shutdownNow();
		}
	}

	private static List<Long> unassignedOf(JsonNode plan) {
		List<Long> orders = new java.util.ArrayList<>();
		plan.path("unassigned").forEach(job -> orders.add(job.path("orderId").asLong()));
		return orders;
	}

	private static int unassignedMatches(JsonNode plan) {
		for (JsonNode constraint : plan.path("constraints")) {
			if (constraint.path("constraint").asText().equals(dev.shifu.planner.domain.ScheduleConstraints.UNASSIGNED_JOB)) {
				return constraint.path("matchCount").asInt();
			}
		}
		return 0;
	}

	/** The metric as ops read it in actuator; none before the first restart. */
	private double restartsInActuator(String city) {
		Api.Reply reply = admin.get("/actuator/metrics/" + SolverWatchdog.RESTARTS + "?tag=region:" + city);
		return reply.status() == 404 ? 0 : reply.json().at("/measurements/0/value").asDouble();
	}

	@Test
	void explainingAPublishedVersionChangesNothingInItAndHappensOncePerVersion() {
		String city = "330600";
		long provider = provider("330603");
		installer(provider, 30.0, 120.58);
		long order = order("330603", 30.02, 120.60);
		book(order, day.plusDays(1));
		planWhen(city, day.plusDays(1), p -> visit(p, order) != null, "planned");
		await(() -> registry.find(city).map(p -> p.version().plan().getScore() != null).orElse(false), "a solved version");
		PlanVersion version = registry.find(city).orElseThrow().version();
		Schedule plan = version.plan();
		var score = plan.getScore();
		Job job = plan.findJob("O" + order).orElseThrow();
		Long start = job.getStartTime();
		var shift = job.getShift();

		var explanation = version.explanation();

		assertThat(plan.getScore()).as("the plan's own score object is untouched").isSameAs(score);
		assertThat(job.getStartTime()).isSameAs(start);
		assertThat(job.getShift()).isSameAs(shift);
		assertThat(explanation.score()).isEqualTo(score.toString());
		assertThat(version.explanation()).as("explained once per version").isSameAs(explanation);
	}


}
