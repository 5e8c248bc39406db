package dev.shifu.platform.schedule.internal;

import java.io.IOException;
import java.util.ArrayList;
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

	/**
	 * False for a generated day: it is for looking and previewing only, so its versions never reach the capacity view
	 * (consumers must never be offered a window of an installer who does not exist).
	 */
	private final boolean real;

	private RegionPlanner(String region, Solvers solvers, Schedule problem, boolean real) {
		this.region = region;
		this.solvers = solvers;
		this.real = real;
		if (problem.getJobs().isEmpty()) {
			this.current = new PlanVersion(0, problem, solvers);
			this.live = null;
		}
		else {
			// The solver works on its own clones; the first version is a copy nobody else touches.
			Schedule first = solvers.copy(problem);
			solvers.score(first);
			this.current = new PlanVersion(0, first, solvers);
			this.live = new LiveScheduleSolver(solvers.live(), problem, this::onBest, solvers.budget());
		}
	}

	/** Starts planning the problem: with a live solver, or idle when no job of it can move. */
	static RegionPlanner start(String region, Solvers solvers, Schedule problem) {
		return start(region, solvers, problem, true);
	}

	/** A generated day's planner: plans like a real one, but publishes nothing to the capacity view. */
	static RegionPlanner startGenerated(String region, Solvers solvers, Schedule problem) {
		return start(region, solvers, problem, false);
	}

	private static RegionPlanner start(String region, Solvers solvers, Schedule problem, boolean real) {
		RegionPlanner planner = new RegionPlanner(region, solvers, problem, real);
		if (real) {
			solvers.published(region, planner.current);
		}
		if (planner.live != null) {
			planner.live.start();
		}
		return planner;
	}

	private void onBest(BestSolutionChangedEvent<Schedule> event) {
		// The solver never changes a published best solution again (it works on clones of it).
		current = new PlanVersion(versions.incrementAndGet(), event.getNewBestSolution(), solvers);
		if (real) {
			solvers.published(region, current);
		}
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

	/** A change sent here, and the future its sender waits on. */
	private record Sent(ProblemChange<Schedule> change, CompletableFuture<Schedule> future) {
	}

	/** Guards {@link #recording} and {@link #successor}: a hand-over and the changes sent meanwhile. */
	private final Object handOver = new Object();

	/** Changes sent here that no published plan has shown yet, in the order they were sent. */
	private final java.util.Queue<Sent> unconfirmed = new java.util.concurrent.ConcurrentLinkedQueue<>();

	/** While a rebuild reads this plan: every change sent since (and those unconfirmed then), to replay. */
	private List<Sent> recording;

	/** The planner that took over the region: changes sent here go there. */
	private RegionPlanner successor;

	/**
	 * Applies a change on the solver thread. A change that fails (a job cancelled in the meantime, a move to a shift
	 * that cannot take it) is logged and skipped: an exception there would end the region's solver. An idle region
	 * takes no changes: rebuild it instead. A planner that handed the region over passes the change on.
	 */
	CompletableFuture<Schedule> submit(ProblemChange<Schedule> change) {
		synchronized (handOver) {
			if (successor != null) {
				return successor.submit(change);
			}
			if (live == null) {
				return CompletableFuture.failedFuture(new IllegalStateException("region " + region + " is idle"));
			}
			ProblemChange<Schedule> guarded = (working, director) -> {
				try {
					change.doChange(working, director);
				}
				catch (RuntimeException ex) {
					log.warn("Region {}: a plan change was refused: {}", region, ex.getMessage());
				}
			};
			CompletableFuture<Schedule> future = new CompletableFuture<>();
			Sent sent = new Sent(change, future);
			unconfirmed.add(sent);
			if (recording != null) {
				recording.add(sent);
			}
			live.submit(guarded).whenComplete((plan, failure) -> {
				unconfirmed.remove(sent);
				if (failure != null) {
					future.completeExceptionally(failure);
				}
				else {
					future.complete(plan);
				}
			});
			return future;
		}
	}

	/**
	 * A rebuild is about to read this planner's plan: from now on every change sent here is kept (with those no
	 * published plan has shown yet), so {@link #handOverTo} can replay what the plan read does not hold.
	 */
	void startRecording() {
		synchronized (handOver) {
			if (recording == null) {
				recording = new ArrayList<>(unconfirmed);
			}
		}
	}

	/**
	 * Hands the region to {@code next}: this solver stops, and every change sent since {@link #startRecording} (or,
	 * without it, every change not yet shown in a published plan) is sent to {@code next}, in order, before any change
	 * sent after, which this planner passes on from now. Replayed changes a rebuilt plan already holds do no harm: the
	 * platform's changes put a job, a pin or a move in place rather than add to what is there.
	 *
	 * @param install registers {@code next} in this planner's place; run while changes wait, so none overtakes the
	 *        replay. If it answers false (another planner took over first), nothing is handed over.
	 * @return how many changes were sent here since the recording (or unconfirmed) and went to {@code next}, or -1
	 *         when nothing was handed over
	 */
	int handOverTo(RegionPlanner next, java.util.function.BooleanSupplier install) {
		synchronized (handOver) {
			synchronized (next.handOver) {
				if (successor != null || !install.getAsBoolean()) {
					return -1;
				}
				successor = next;
				// Stopped first: a replayed change may carry a job this solver still worked on.
				close();
				List<Sent> replay = recording != null ? recording : new ArrayList<>(unconfirmed);
				recording = null;
				unconfirmed.clear();
				for (Sent sent : replay) {
					if (next.isIdle()) {
						// An idle planner takes no changes; the caller rebuilds it again, from the rows by then.
						sent.future().complete(next.best());
						continue;
					}
					next.submit(sent.change()).whenComplete((plan, failure) -> {
						if (failure != null) {
							sent.future().completeExceptionally(failure);
						}
						else {
							sent.future().complete(plan);
						}
					});
				}
				return replay.size();
			}
		}
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

	/** Why the solver thread ended by itself; null while it runs or when it ended normally. */
	Throwable failure() {
		if (!hasFailed()) {
			return null;
		}
		try {
			live.stop();
			return null;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return ex.getCause();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ex;
		}
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
