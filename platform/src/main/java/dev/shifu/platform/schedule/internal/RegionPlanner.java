package dev.shifu.platform.schedule.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.event.BestSolutionChangedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.solver.LiveScheduleSolver;

/**
 * One region's continuous planning: the live solver, its latest published plan version, and who listens for progress.
 * A region whose jobs are all pinned (started, done or locked) has nothing for a solver to move: it is <em>idle</em>
 * and keeps its plan without a solver, because OptaPlanner refuses a problem without a single movable job.
 */
class RegionPlanner implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RegionPlanner.class);

	/** At most one progress event per subscriber in this many milliseconds; the last one always goes out. */
	private static final long STREAM_GAP_MILLIS = 500;

	/** @param timeLeftMillis of a re-optimization; null for the live solver */
	record Progress(String region, String score, boolean feasible, int unassigned, long timeSpentMillis,
			String phase, Long timeLeftMillis) {
	}

	private final String region;

	private final Solvers solvers;

	/** Null while idle. */
	private final LiveScheduleSolver live;

	private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();

	private final AtomicLong versions = new AtomicLong();

	private volatile PlanVersion current;

	private volatile long lastStreamed;

	private RegionPlanner(String region, Solvers solvers, Schedule problem) {
		this.region = region;
		this.solvers = solvers;
		if (problem.getJobs().isEmpty()) {
			this.current = new PlanVersion(0, problem, solvers);
			this.live = null;
		}
		else {
			// The solver works on its own clones; the first version is a copy nobody else touches.
			Schedule first = solvers.copy(problem);
			solvers.score(first);
			this.current = new PlanVersion(0, first, solvers);
			this.live = new LiveScheduleSolver(solvers.live(), problem, this::onBest);
		}
	}

	/** Starts planning the problem: with a live solver, or idle when no job of it can move. */
	static RegionPlanner start(String region, Solvers solvers, Schedule problem) {
		RegionPlanner planner = new RegionPlanner(region, solvers, problem);
		solvers.published(region, planner.current);
		if (planner.live != null) {
			planner.live.start();
		}
		return planner;
	}

	private void onBest(BestSolutionChangedEvent<Schedule> event) {
		// The solver never changes a published best solution again (it works on clones of it).
		current = new PlanVersion(versions.incrementAndGet(), event.getNewBestSolution(), solvers);
		solvers.published(region, current);
		long now = System.currentTimeMillis();
		if (now - lastStreamed >= STREAM_GAP_MILLIS) {
			lastStreamed = now;
			publish(progress(current.plan(), event.getTimeMillisSpent(), "live"));
		}
	}

	static Progress progress(String region, Schedule schedule, long timeSpent, String phase) {
		HardMediumSoftLongScore score = schedule.getScore();
		String text = score != null ? score.toString()
				: schedule.getJobs().isEmpty() ? Solvers.ALL_PINNED : "uninitialized";
		return new Progress(region, text,
				score == null ? schedule.getJobs().isEmpty() : score.isFeasible(), schedule.getUnassignedJobs().size(),
				timeSpent, phase, null);
	}

	Progress progress(Schedule schedule, long timeSpent, String phase) {
		return progress(region, schedule, timeSpent, phase);
	}

	Progress progress(Schedule schedule, long timeSpent, String phase, Long timeLeft) {
		Progress p = progress(region, schedule, timeSpent, phase);
		return new Progress(p.region(), p.score(), p.feasible(), p.unassigned(), p.timeSpentMillis(), p.phase(), timeLeft);
	}

	void publish(Progress progress) {
		notify("best-score", progress);
	}

	/** Sends one named event to every subscriber of the region (the board: best scores, job events, reviews). */
	void notify(String name, Object data) {
		for (SseEmitter emitter : subscribers) {
			try {
				emitter.send(SseEmitter.event().name(name).data(data));
			}
			catch (IOException | IllegalStateException gone) {
				subscribers.remove(emitter);
			}
		}
	}

	SseEmitter subscribe() {
		SseEmitter emitter = new SseEmitter(0L);
		subscribers.add(emitter);
		emitter.onCompletion(() -> subscribers.remove(emitter));
		emitter.onTimeout(() -> subscribers.remove(emitter));
		try {
			emitter.send(SseEmitter.event().name("best-score").data(progress(current.plan(), 0, "live")));
		}
		catch (IOException ex) {
			subscribers.remove(emitter);
		}
		return emitter;
	}

	/**
	 * Applies a change on the solver thread. A change that fails (a job cancelled in the meantime, a move to a shift
	 * that cannot take it) is logged and skipped: an exception there would end the region's solver. An idle region
	 * takes no changes: rebuild it instead.
	 */
	CompletableFuture<Schedule> submit(ProblemChange<Schedule> change) {
		if (live == null) {
			return CompletableFuture.failedFuture(new IllegalStateException("region " + region + " is idle"));
		}
		return live.submit((working, director) -> {
			try {
				change.doChange(working, director);
			}
			catch (RuntimeException ex) {
				log.warn("Region {}: a plan change was refused: {}", region, ex.getMessage());
			}
		});
	}

	/** The latest published plan; read routes and explanation from the same version. */
	PlanVersion version() {
		return current;
	}

	Schedule best() {
		return current.plan();
	}

	boolean isIdle() {
		return live == null;
	}

	/** The solver thread ended by itself (an error in the solver or in a change): its changes go nowhere. */
	boolean hasFailed() {
		return live != null && live.hasFailed();
	}

	String region() {
		return region;
	}

	List<SseEmitter> subscribers() {
		return subscribers;
	}

	@Override
	public void close() {
		if (live == null) {
			return;
		}
		try {
			live.close();
		}
		catch (RuntimeException ex) {
			log.warn("Stopping the solver of region {} failed: {}", region, ex.toString());
		}
	}

}
