package dev.shifu.platform.schedule.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;

/**
 * A plan reduced to what a rebuild starts from: the job ids of each shift's route in order (pinned head first).
 * Whether a job is pinned is not taken from here but from the stored pins, so a rebuild never pins by accident.
 */
record PlanRoutes(Map<String, List<String>> byShift) {

	static PlanRoutes of(Schedule plan) {
		Map<String, List<String>> routes = new LinkedHashMap<>();
		for (Shift shift : plan.getRealShifts()) {
			List<String> route = new ArrayList<>();
			shift.getPinnedJobs().stream().map(Job::getId).forEach(route::add);
			shift.getJobs().stream().map(Job::getId).forEach(route::add);
			if (!route.isEmpty()) {
				routes.put(shift.getId(), route);
			}
		}
		return new PlanRoutes(routes);
	}

}
