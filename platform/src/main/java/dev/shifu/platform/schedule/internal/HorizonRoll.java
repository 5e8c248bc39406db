package dev.shifu.platform.schedule.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

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

	private final Reoptimizer reoptimizer;

	private final ScheduleJobRepository jobs;

	private final ProblemFactory problems;

	private final Clock clock;

	HorizonRoll(RegionRegistry registry, Reoptimizer reoptimizer, ScheduleJobRepository jobs,
			ProblemFactory problems, Optional<Clock> clock) {
		this.registry = registry;
		this.reoptimizer = reoptimizer;
		this.jobs = jobs;
		this.problems = problems;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Each region rolls on its own calendar. The default cron runs every quarter hour, so it reaches every region's
	 * midnight within 15 minutes whatever its zone (zone offsets are whole quarter hours); the cron itself is read in
	 * the platform's default zone.
	 */
	@Scheduled(cron = "${shifu.schedule.roll-cron:0 */15 * * * *}", zone = "${shifu.catalog.default-zone:Asia/Shanghai}")
	// With N nodes on one database only one rolls at a time; the others skip this tick (the lock is outside the
	// transaction, see HousekeepingConfig, so it is released only after the roll has committed).
	@SchedulerLock(name = "horizon-roll", lockAtMostFor = "PT10M")
	@Transactional
	public void roll() {
		// No region's today is later than today at UTC+18: only rows pinned before it can be in any region's past.
		LocalDate latestToday = LocalDate.ofInstant(clock.instant(), ZoneOffset.MAX);
		for (ScheduleJob row : jobs.findByPinnedDateBefore(latestToday)) {
			if (!row.getPinnedDate().isBefore(problems.today(row.getRegion()))) {
				continue;
			}
			if (row.isDone()) {
				jobs.delete(row);
			}
			else {
				row.unpin();
			}
		}
		jobs.flush();
		// A region being re-optimized rolls once its run is over.
		registry.all().forEach(reoptimizer::rebuildOrDefer);
	}

}
