package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves each region's plan along with time, warm (from its current plan, not from scratch): after midnight yesterday
 * drops out and a new day comes in; during the day, today's unstarted work moves to no earlier than now. Visits done
 * on a past day are forgotten; a visit pinned on a past day and still open is free to be planned again.
 */
@Component
class HorizonRoll {

	private final RegionRegistry registry;

	private final RegionLifecycle lifecycle;

	private final Reoptimizer reoptimizer;

	private final ScheduleJobRepository jobs;

	private final ProblemFactory problems;

	HorizonRoll(RegionRegistry registry, RegionLifecycle lifecycle, Reoptimizer reoptimizer, ScheduleJobRepository jobs,
			ProblemFactory problems) {
		this.registry = registry;
		this.lifecycle = lifecycle;
		this.reoptimizer = reoptimizer;
		this.jobs = jobs;
		this.problems = problems;
	}

	@Scheduled(cron = "${shifu.schedule.roll-cron:0 */15 * * * *}", zone = ProblemFactory.ZONE_ID)
	@Transactional
	public void roll() {
		LocalDate today = problems.today();
		for (ScheduleJob row : jobs.findByPinnedDateBefore(today)) {
			if (row.isDone()) {
				jobs.delete(row);
			}
			else {
				row.unpin();
			}
		}
		jobs.flush();
		for (RegionPlanner current : registry.all()) {
			if (!reoptimizer.isRunning(current.region())) {
				lifecycle.rebuild(current);
			}
		}
	}

}
