package dev.shifu.platform.schedule.internal;

import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.explain.ScheduleExplanation;

/**
 * One published plan of a region, never changed after publication: routes, storage and the score explanation of a
 * read all come from the same version. The explanation is computed once, on a copy, when first asked for.
 */
final class PlanVersion {

	private final long number;

	private final Schedule plan;

	private final Solvers solvers;

	private ScheduleExplanation explanation;

	PlanVersion(long number, Schedule plan, Solvers solvers) {
		this.number = number;
		this.plan = plan;
		this.solvers = solvers;
	}

	long number() {
		return number;
	}

	Schedule plan() {
		return plan;
	}

	synchronized ScheduleExplanation explanation() {
		if (explanation == null) {
			explanation = solvers.explain(plan);
		}
		return explanation;
	}

}
