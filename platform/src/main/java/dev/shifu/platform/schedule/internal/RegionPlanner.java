package dev.shifu.platform.schedule.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.event.BestSolutionChangedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.solver.LiveScheduleSolver;

/** One region's continuous planning: the live solver, its latest best plan, and who listens for progress. */
class RegionPlanner implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RegionPlanner.class);

	/** At most one progress event per subscriber in this many milliseconds; the last one always goes out. */
	private static final long STREAM_GAP_MILLIS = 500;

	record Progress(String region, String score, boolean feasible, int unassigned, long timeSpentMillis,
			String phase) {
	}

	private final String region;

	private final LiveScheduleSolver live;

	private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();

	private final AtomicLong version = new AtomicLong();

	private volatile Schedule best;

	private volatile long lastStreamed;

	RegionPlanner(String region, SolverFactory<Schedule> factory, Schedule problem) {
		this.region = region;
		this.best = problem;
		this.live = new LiveScheduleSolver(factory, problem, this::onBest).start();
	}

	private void onBest(BestSolutionChangedEvent<Schedule> event) {
		best = event.getNewBestSolution();
		version.incrementAndGet();
		long now = System.currentTimeMillis();
		if (now - lastStreamed >= STREAM_GAP_MILLIS) {
			lastStreamed = now;
			publish(progress(best, event.getTimeMillisSpent(), "live"));
		}
	}

	static Progress progress(String region, Schedule schedule, long timeSpent, String phase) {
		HardMediumSoftLongScore score = schedule.getScore();
		return new Progress(region, score == null ? "uninitialized" : score.toString(),
				score != null && score.isFeasible(), schedule.getUnassignedJobs().size(), timeSpent, phase);
	}

	Progress progress(Schedule schedule, long timeSpent, String phase) {
		return progress(region, schedule, timeSpent, phase);
	}

	void publish(Progress progress) {
		for (SseEmitter emitter : subscribers) {
			try {
				emitter.send(SseEmitter.event().name("best-score").data(progress));
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
			emitter.send(SseEmitter.event().name("best-score").data(progress(best, 0, "live")));
		}
		catch (IOException ex) {
			subscribers.remove(emitter);
		}
		return emitter;
	}

	/**
	 * Applies a change on the solver thread. A change that fails (a job cancelled in the meantime, a move to a shift
	 * that cannot take it) is logged and skipped: an exception there would end the region's solver.
	 */
	CompletableFuture<Schedule> submit(ProblemChange<Schedule> change) {
		return live.submit((working, director) -> {
			try {
				change.doChange(working, director);
			}
			catch (RuntimeException ex) {
				log.warn("Region {}: a plan change was refused: {}", region, ex.getMessage());
			}
		});
	}

	/** Reads of the shared best plan that recompute its shadow variables (explanations) take turns. */
	synchronized <T> T read(java.util.function.Function<Schedule, T> reader) {
		return reader.apply(best);
	}

	Schedule best() {
		return best;
	}

	long version() {
		return version.get();
	}

	String region() {
		return region;
	}

	List<SseEmitter> subscribers() {
		return subscribers;
	}

	@Override
	public void close() {
		try {
			live.close();
		}
		catch (RuntimeException ex) {
			log.warn("Stopping the solver of region {} failed: {}", region, ex.toString());
		}
	}

}
