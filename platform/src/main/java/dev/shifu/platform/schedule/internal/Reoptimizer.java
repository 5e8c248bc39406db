package dev.shifu.platform.schedule.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import org.optaplanner.core.impl.phase.scope.AbstractStepScope;
import org.optaplanner.core.impl.solver.DefaultSolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import dev.shifu.planner.domain.Schedule;
import dev.shifu.platform.schedule.RouteBoard;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.NotFoundException;

/**
 * A dispatcher's re-optimization of one day of a region within a time limit, streamed to the region's subscribers.
 * Jobs of other days are pinned in the re-optimization's own problem only: the plan that comes out of it is rebuilt
 * with just the stored pins, so the other days stay as free as before. Dispatcher edits made meanwhile are replayed
 * onto the re-optimized plan. Rebuilds of the region asked for while it runs or waits (a new horizon, a provider
 * suspended) are kept and done once the run is over, unless the kept plan was itself built on the network as it is.
 */
@Service
class Reoptimizer {

	private static final Logger log = LoggerFactory.getLogger(Reoptimizer.class);

	/** At most one time-left event per this many milliseconds of a run. */
	private static final long PROGRESS_GAP_MILLIS = 500;

	private final RegionRegistry registry;

	private final WarmStart warmStart;

	private final Solvers solvers;

	private final RegionLifecycle lifecycle;

	private final Clock clock;

	private final Map<String, Run> running = new ConcurrentHashMap<>();

	/** Regions whose rebuild waits for the end of their re-optimization. */
	private final Set<String> rebuildsWaiting = ConcurrentHashMap.newKeySet();

	/**
	 * A thread per run: one region at a time runs (see {@link #running}), and a region's dispatcher must not wait for
	 * another region's run to end before theirs starts, or before their stop takes effect.
	 */
	private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
		Thread thread = new Thread(r, "schedule-reoptimize");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * One re-optimization: its solver once built, whether a stop was asked for, the edits made meanwhile, and (when
	 * the dispatcher decides) its state and the plan it found.
	 */
	private record Run(AtomicReference<Solver<Schedule>> solver, AtomicBoolean stop,
			List<ProblemChange<Schedule>> edits, LocalDate day, boolean awaitDecision, String scoreBefore,
			AtomicReference<String> state, AtomicReference<Schedule> found, AtomicReference<Instant> waitingSince) {

		Run(LocalDate day, boolean awaitDecision, String scoreBefore) {
			this(new AtomicReference<>(), new AtomicBoolean(), new CopyOnWriteArrayList<>(), day, awaitDecision,
					scoreBefore, new AtomicReference<>("RUNNING"), new AtomicReference<>(), new AtomicReference<>());
		}

		RouteBoard.Reoptimization view(String region, boolean rebuildWaiting) {
			Schedule plan = found.get();
			return new RouteBoard.Reoptimization(region, day, state.get(), scoreBefore,
					plan == null || plan.getScore() == null ? null : plan.getScore().toString(),
					plan == null ? 0 : plan.getUnassignedJobs().size(), waitingSince.get(), rebuildWaiting);
		}

	}

	/** The last finished or decided re-optimization per region, for the board. */
	private final Map<String, RouteBoard.Reoptimization> outcomes = new ConcurrentHashMap<>();

	Reoptimizer(RegionRegistry registry, WarmStart warmStart, Solvers solvers, RegionLifecycle lifecycle,
			java.util.Optional<Clock> clock) {
		this.registry = registry;
		this.warmStart = warmStart;
		this.solvers = solvers;
		this.lifecycle = lifecycle;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	boolean isRunning(String region) {
		return running.containsKey(region);
	}

	/**
	 * Rebuilds the region now, or, while it is being re-optimized or its result waits for the dispatcher, once that
	 * is over: a rebuild would throw away the run's base, and skipping it would lose what it was for.
	 */
	void rebuildOrDefer(RegionPlanner current) {
		synchronized (this) {
			if (running.containsKey(current.region())) {
				rebuildsWaiting.add(current.region());
				return;
			}
		}
		lifecycle.rebuild(current);
	}

	/** The run of the region is over: the rebuild it held back is done now (unless the new plan already is one). */
	private void ended(String region, boolean rebuilt) {
		if (rebuildsWaiting.remove(region) && !rebuilt) {
			registry.find(region).ifPresent(lifecycle::rebuild);
		}
	}

	/** Keeps a dispatcher's edit to replay it onto the re-optimized plan, if the region is being re-optimized. */
	void recordEdit(String region, ProblemChange<Schedule> change) {
		Optional.ofNullable(running.get(region)).ifPresent(run -> run.edits().add(change));
	}

	void reoptimize(String region, LocalDate day, Duration limit) {
		reoptimize(region, day, limit, false);
	}

	/**
	 * @param awaitDecision keep the found plan aside until {@link #decide}; otherwise it replaces the live plan at once
	 */
	void reoptimize(String region, LocalDate day, Duration limit, boolean awaitDecision) {
		RegionPlanner current = registry.find(region)
			.orElseThrow(() -> new NotFoundException("schedule of region", region));
		String scoreBefore = RegionPlanner.progress(region, current.best(), 0, "live").score();
		Run run = new Run(day, awaitDecision, scoreBefore);
		synchronized (this) {
			if (running.putIfAbsent(region, run) != null) {
				throw new ConflictException("reoptimization-running", "A re-optimization of " + region + " is running");
			}
		}
		Schedule problem = warmStart.build(region, PlanRoutes.of(current.best()), day);
		if (problem.getJobs().isEmpty()) {
			synchronized (this) {
				running.remove(region);
			}
			ended(region, false);
			throw new ConflictException("nothing-to-reoptimize", "No job of " + region + " can move on " + day);
		}
		Solver<Schedule> solver = solvers.bounded(limit);
		run.solver().set(solver);
		solver.addEventListener(event -> {
			// solve() forgets an early termination asked for before it started: honour the stop here too.
			if (run.stop().get()) {
				solver.terminateEarly();
			}
			run.found().set(event.getNewBestSolution());
			long left = Math.max(0, limit.toMillis() - event.getTimeMillisSpent());
			current.publish(current.progress(event.getNewBestSolution(), event.getTimeMillisSpent(), "reoptimize " + day,
					left));
		});
		// A warm-started run that finds nothing better fires no best-solution event (STACK pitfall 51), and the
		// dispatcher would see nothing until it ends: say it started, then tell the best so far and the time left.
		current.publish(current.progress(current.best(), 0, "reoptimize " + day, limit.toMillis()));
		((DefaultSolver<Schedule>) solver).addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {

			private long lastMillis;

			@Override
			public void stepEnded(AbstractStepScope<Schedule> step) {
				var scope = step.getPhaseScope().getSolverScope();
				long spent = scope.calculateTimeMillisSpentUpToNow();
				if (spent - lastMillis < PROGRESS_GAP_MILLIS || scope.getBestScore() == null) {
					return;
				}
				lastMillis = spent;
				var best = (org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore) scope
					.getBestScore();
				current.publish(new RegionPlanner.Progress(region, best.toString(), best.isFeasible(),
						scope.getBestSolution().getUnassignedJobs().size(), spent, "reoptimize " + day,
						Math.max(0, limit.toMillis() - spent)));
			}

		});
		executor.submit(() -> {
			boolean waits = false;
			boolean rebuilt = false;
			try {
				Schedule result = run.stop().get() ? problem : solver.solve(problem);
				run.found().set(result);
				if (awaitDecision) {
					run.waitingSince().set(clock.instant());
					run.state().set("AWAITING_DECISION");
					waits = true;
					outcomes.put(region, view(region, run));
					current.publish(current.progress(result, limit.toMillis(), "awaiting decision " + day, 0L));
					return;
				}
				current.publish(current.progress(result, limit.toMillis(), "reoptimized " + day));
				RegionPlanner replacement = RegionPlanner.start(region, solvers,
						warmStart.build(region, PlanRoutes.of(result), null));
				if (registry.replace(current, replacement)) {
					run.edits().forEach(replacement::submit);
				}
				// Built on the network as it is now: that is the rebuild any held back.
				rebuilt = true;
			}
			catch (RuntimeException ex) {
				log.error("Re-optimization of {} on {} failed", region, day, ex);
				run.state().set("FAILED");
				outcomes.put(region, view(region, run));
			}
			finally {
				if (!waits) {
					synchronized (this) {
						running.remove(region);
					}
					ended(region, rebuilt);
				}
			}
		});
	}

	/**
	 * The dispatcher's word on a finished re-optimization: keep puts its plan in place of the live one (rebuilt with
	 * the stored pins, then the edits made meanwhile replayed); discard drops it.
	 */
	RouteBoard.Reoptimization decide(String region, boolean keep) {
		return decide(region, keep ? "KEPT" : "DISCARDED");
	}

	/**
	 * Discards every result that has waited for the dispatcher's word for {@code maxWait} or longer, so an
	 * abandoned decision does not hold the region (and its rebuilds) forever. @return the expired ones
	 */
	List<RouteBoard.Reoptimization> expireWaiting(Duration maxWait) {
		List<RouteBoard.Reoptimization> expired = new ArrayList<>();
		Instant now = clock.instant();
		running.forEach((region, run) -> {
			Instant since = run.waitingSince().get();
			if ("AWAITING_DECISION".equals(run.state().get()) && since != null && !since.plus(maxWait).isAfter(now)) {
				try {
					expired.add(decide(region, "EXPIRED"));
				}
				catch (ConflictException decidedMeanwhile) {
					// The dispatcher was quicker.
				}
			}
		});
		return expired;
	}

	private RouteBoard.Reoptimization decide(String region, String outcomeState) {
		Run run;
		synchronized (this) {
			run = running.get(region);
			if (run == null || !"AWAITING_DECISION".equals(run.state().get())) {
				throw new ConflictException("no-reoptimization-to-decide",
						"No finished re-optimization of " + region + " waits for a decision");
			}
			run.state().set("DECIDING");
		}
		boolean keep = outcomeState.equals("KEPT");
		boolean rebuilt = false;
		try {
			if (keep) {
				RegionPlanner current = registry.find(region)
					.orElseThrow(() -> new NotFoundException("schedule of region", region));
				RegionPlanner replacement = RegionPlanner.start(region, solvers,
						warmStart.build(region, PlanRoutes.of(run.found().get()), null));
				if (registry.replace(current, replacement)) {
					run.edits().forEach(replacement::submit);
				}
				rebuilt = true;
			}
			run.state().set(outcomeState);
			RouteBoard.Reoptimization outcome = run.view(region, false);
			outcomes.put(region, outcome);
			registry.find(region).ifPresent(planner -> planner
				.publish(planner.progress(planner.best(), 0, outcomeState.toLowerCase() + " " + run.day())));
			return outcome;
		}
		finally {
			synchronized (this) {
				running.remove(region);
			}
			ended(region, rebuilt);
		}
	}

	/** The running, waiting or last finished re-optimization of the region. */
	Optional<RouteBoard.Reoptimization> status(String region) {
		Run run = running.get(region);
		if (run != null) {
			return Optional.of(view(region, run));
		}
		return Optional.ofNullable(outcomes.get(region));
	}

	private RouteBoard.Reoptimization view(String region, Run run) {
		return run.view(region, rebuildsWaiting.contains(region));
	}

	boolean stop(String region) {
		Run run = running.get(region);
		if (run == null || !"RUNNING".equals(run.state().get())) {
			return false;
		}
		run.stop().set(true);
		// solve() clears an early termination asked for just before it starts, and the run may still be building its
		// solver: keep asking until it has taken hold (a run that has not started solving skips it on the flag).
		Thread insist = new Thread(() -> {
			for (int i = 0; i < 100 && running.get(region) == run && "RUNNING".equals(run.state().get()); i++) {
				Solver<Schedule> solver = run.solver().get();
				if (solver != null) {
					solver.terminateEarly();
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "schedule-reoptimize-stop");
		insist.setDaemon(true);
		insist.start();
		return true;
	}

	@PreDestroy
	void stopAll() {
		running.values().forEach(run -> Optional.ofNullable(run.solver().get()).ifPresent(Solver::terminateEarly));
		executor.shutdownNow();
	}

}
