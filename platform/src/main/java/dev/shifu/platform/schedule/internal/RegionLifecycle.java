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

	/** How often a rebuild starts over when overtaken before it gives up (another rebuild then holds the region). */
	private static final int REBUILD_ATTEMPTS = 5;

	/** One rebuild of a region at a time: two would each replay the changes sent meanwhile onto a plan of their own. */
	private final java.util.concurrent.ConcurrentMap<String, Object> rebuilding = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * Builds the region anew on today's horizon from its current plan, with the stored pins, and puts it in place of
	 * {@code current}. Changes sent to the old planner while the new one was built (a job whose row committed after
	 * the rows were read, a dispatcher's edit) are replayed onto the new one, so none is lost. When another planner
	 * took the region over meanwhile, or the new one is idle and changes came in while it was built, the rebuild runs
	 * again from what plans the region then. Returns whatever plans the region afterwards.
	 */
	Optional<RegionPlanner> rebuild(RegionPlanner current) {
		String region = current.region();
		synchronized (rebuilding.computeIfAbsent(region, r -> new Object())) {
			RegionPlanner from = current;
			for (int attempt = 1; attempt <= REBUILD_ATTEMPTS; attempt++) {
				from.startRecording();
				Schedule problem = warmStart.build(region, PlanRoutes.of(from.best()), null);
				RegionPlanner replacement = RegionPlanner.start(region, solvers, problem);
				int replayed = registry.handOver(from, replacement);
				if (replayed > 0 && replacement.isIdle()) {
					// Idle, it could take none of the changes sent while it was built: build again, from their rows.
					from = replacement;
					continue;
				}
				if (replayed >= 0) {
					break;
				}
				// Overtaken: another planner took the region while this one was built. Rebuild that one.
				RegionPlanner now = registry.find(region).orElse(null);
				if (now == null) {
					break;
				}
				log.debug("Region {}: the rebuild was overtaken (attempt {}), building again", region, attempt);
				from = now;
			}
		}
		return registry.find(region);
	}

	/** Stops each region's solver, then stores its last plan: a restart continues from exactly that plan. */
	@PreDestroy
	void stopAll() {
		for (RegionPlanner planner : registry.all()) {
			try {
				planner.close();
				store.storeNow(planner.region());
			}
			catch (RuntimeException ex) {
				log.warn("Region {}: storing the plan at shutdown failed: {}", planner.region(), ex.toString());
			}
		}
		registry.clear();
	}

}
