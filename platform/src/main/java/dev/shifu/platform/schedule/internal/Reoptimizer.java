package dev.shifu.platform.schedule.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
 * onto the re-optimized plan.
 */
@Service
class Reoptimizer {

	private static final Logger log = LoggerFactory.getLogger(Reoptimizer.class);

	private final RegionRegistry registry;

	private final WarmStart warmStart;

	private final Solvers solvers;

	private final Map<String, Run> running = new ConcurrentHashMap<>();

	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
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
			AtomicReference<String> state, AtomicReference<Schedule> found) {

		Run(LocalDate day, boolean awaitDecision, String scoreBefore) {
			this(new AtomicReference<>(), new AtomicBoolean(), new CopyOnWriteArrayList<>(), day, awaitDecision,
					scoreBefore, new AtomicReference<>("RUNNING"), new AtomicReference<>());
		}

		RouteBoard.Reoptimization view(String region) {
			Schedule plan = found.get();
			return new RouteBoard.Reoptimization(region, day, state.get(), scoreBefore,
					plan == null || plan.getScore() == null ? null : plan.getScore().toString(),
					plan == null ? 0 : plan.getUnassignedJobs().size());
		}

	}

	/** The last finished or decided re-optimization per region, for the board. */
	private final Map<String, RouteBoard.Reoptimization> outcomes = new ConcurrentHashMap<>();

	Reoptimizer(RegionRegistry registry, WarmStart warmStart, Solvers solvers) {
		this.registry = registry;
		this.warmStart = warmStart;
		this.solvers = solvers;
	}

	boolean isRunning(String region) {
		return running.containsKey(region);
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
		if (running.putIfAbsent(region, run) != null) {
			throw new ConflictException("reoptimization-running", "A re-optimization of " + region + " is running");
		}
		Schedule problem = warmStart.build(region, PlanRoutes.of(current.best()), day);
		if (problem.getJobs().isEmpty()) {
			running.remove(region);
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
		executor.submit(() -> {
			boolean waits = false;
			try {
				Schedule result = run.stop().get() ? problem : solver.solve(problem);
				run.found().set(result);
				if (awaitDecision) {
					run.state().set("AWAITING_DECISION");
					waits = true;
					outcomes.put(region, run.view(region));
					current.publish(current.progress(result, limit.toMillis(), "awaiting decision " + day, 0L));
					return;
				}
				current.publish(current.progress(result, limit.toMillis(), "reoptimized " + day));
				RegionPlanner replacement = RegionPlanner.start(region, solvers,
						warmStart.build(region, PlanRoutes.of(result), null));
				if (registry.replace(current, replacement)) {
					run.edits().forEach(replacement::submit);
				}
			}
			catch (RuntimeException ex) {
				log.error("Re-optimization of {} on {} failed", region, day, ex);
				run.state().set("FAILED");
				outcomes.put(region, run.view(region));
			}
			finally {
				if (!waits) {
					running.remove(region);
				}
			}
		});
	}

	/**
	 * The dispatcher's word on a finished re-optimization: keep puts its plan in place of the live one (rebuilt with
	 * the stored pins, then the edits made meanwhile replayed); discard drops it.
	 */
	RouteBoard.Reoptimization decide(String region, boolean keep) {
		Run run = running.get(region);
		if (run == null || !"AWAITING_DECISION".equals(run.state().get())) {
			throw new ConflictException("no-reoptimization-to-decide",
					"No finished re-optimization of " + region + " waits for a decision");
		}
		try {
			if (keep) {
				RegionPlanner current = registry.find(region)
					.orElseThrow(() -> new NotFoundException("schedule of region", region));
				RegionPlanner replacement = RegionPlanner.start(region, solvers,
						warmStart.build(region, PlanRoutes.of(run.found().get()), null));
				if (registry.replace(current, replacement)) {
					run.edits().forEach(replacement::submit);
				}
			}
			run.state().set(keep ? "KEPT" : "DISCARDED");
			RouteBoard.Reoptimization outcome = run.view(region);
			outcomes.put(region, outcome);
			registry.find(region).ifPresent(planner -> planner
				.publish(planner.progress(planner.best(), 0, (keep ? "kept " : "discarded ") + run.day())));
			return outcome;
		}
		finally {
			running.remove(region);
		}
	}

	/** The running, waiting or last finished re-optimization of the region. */
	Optional<RouteBoard.Reoptimization> status(String region) {
		Run run = running.get(region);
		if (run != null) {
			return Optional.of(run.view(region));
		}
		return Optional.ofNullable(outcomes.get(region));
	}

	boolean stop(String region) {
		Run run = running.get(region);
		if (run == null || run.solver().get() == null || !"RUNNING".equals(run.state().get())) {
			return false;
		}
		run.stop().set(true);
		Solver<Schedule> solver = run.solver().get();
		solver.terminateEarly();
		// solve() clears an early termination asked for just before it starts: keep asking until it has taken hold.
		Thread insist = new Thread(() -> {
			for (int i = 0; i < 100 && running.get(region) == run; i++) {
				if (solver.isSolving()) {
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
