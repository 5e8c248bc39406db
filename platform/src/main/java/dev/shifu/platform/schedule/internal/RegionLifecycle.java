package dev.shifu.platform.schedule.internal;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.shifu.planner.domain.Schedule;

/**
 * Starts, rebuilds and stops the regions' planners. At start-up each region continues from its stored plan (a warm
 * start), so a restart keeps pins and routes; a rebuild (new horizon, dead solver) continues from the live plan.
 */
@Service
class RegionLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RegionLifecycle.class);

	private final ScheduleProperties properties;

	private final RegionRegistry registry;

	private final WarmStart warmStart;

	private final PlanStore store;

	private final ScheduleJobRepository jobs;

	private final Solvers solvers;

	RegionLifecycle(ScheduleProperties properties, RegionRegistry registry, WarmStart warmStart, PlanStore store,
			ScheduleJobRepository jobs, Solvers solvers) {
		this.properties = properties;
		this.registry = registry;
		this.warmStart = warmStart;
		this.store = store;
		this.jobs = jobs;
		this.solvers = solvers;
	}

	/** Plans every region that has jobs or a stored plan, e.g. the demo city, as soon as the app is up. */
	@EventListener(ApplicationReadyEvent.class)
	void startAll() {
		if (!properties.enabled()) {
			return;
		}
		Set<String> regions = new LinkedHashSet<>(jobs.regions());
		regions.addAll(store.regions());
		regions.forEach(this::planner);
		log.info("Live planning started for regions {}", regions);
	}

	/** The region's planner, started on first use from its stored plan and jobs; none while it has neither. */
	Optional<RegionPlanner> planner(String region) {
		return Optional.ofNullable(registry.computeIfAbsent(region, this::startFromStore));
	}

	/** A new planner for the region from its stored plan and jobs, not registered; null when it has neither. */
	RegionPlanner startFromStore(String region) {
		Schedule problem = warmStart.build(region, store.routes(region), null);
		if (problem.getJobs().isEmpty() && problem.getAssignedJobs().isEmpty()) {
			return null;
		}
		log.info("Region {}: {} shifts, {} movable jobs, {} on routes", region, problem.getRealShifts().size(),
				problem.getJobs().size(), problem.getAssignedJobs().size());
		return RegionPlanner.start(region, solvers, problem);
	}

	/**
	 * Builds the region anew on today's horizon from its current plan, with the stored pins, and puts it in place of
	 * {@code current}. Returns whatever plans the region afterwards.
	 */
	Optional<RegionPlanner> rebuild(RegionPlanner current) {
		Schedule problem = warmStart.build(current.region(), PlanRoutes.of(current.best()), null);
		RegionPlanner replacement = RegionPlanner.start(current.region(), solvers, problem);
		registry.replace(current, replacement);
		return registry.find(current.region());
	}

	/** Stores each region's last published plan first, so the next start continues from it, not from an older one. */
	@PreDestroy
	void stopAll() {
		store.storeChanged();
		registry.clear();
	}

}
