package dev.shifu.platform.schedule.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Notices a region whose solver thread died (an error in the solver or in a change) and restarts the region from its
 * last plan, so later changes reach a solver again. Each restart counts in {@code shifu.schedule.solver.restarts}.
 */
@Component
class SolverWatchdog {

	static final String RESTARTS = "shifu.schedule.solver.restarts";

	private static final Logger log = LoggerFactory.getLogger(SolverWatchdog.class);

	private final RegionRegistry registry;

	private final RegionLifecycle lifecycle;

	private final MeterRegistry meters;

	SolverWatchdog(RegionRegistry registry, RegionLifecycle lifecycle, MeterRegistry meters) {
		this.registry = registry;
		this.lifecycle = lifecycle;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${shifu.schedule.watchdog-interval:2s}")
	void check() {
		for (RegionPlanner planner : registry.all()) {
			if (planner.hasFailed()) {
				log.error("The solver of region {} died; restarting the region from its last plan", planner.region(),
						planner.failure());
				lifecycle.rebuild(planner);
				Counter.builder(RESTARTS)
					.description("Regions restarted from their last plan after their solver died")
					.tag("region", planner.region())
					.register(meters)
					.increment();
			}
		}
	}

}
