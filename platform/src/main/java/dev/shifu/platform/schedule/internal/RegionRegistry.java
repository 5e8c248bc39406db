package dev.shifu.platform.schedule.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/** Which planner plans which region now. Replacing one hands its dispatcher streams to the new one. */
@Component
class RegionRegistry {

	private final Map<String, RegionPlanner> planners = new ConcurrentHashMap<>();

	Optional<RegionPlanner> find(String region) {
		return Optional.ofNullable(planners.get(region));
	}

	RegionPlanner computeIfAbsent(String region, Function<String, RegionPlanner> start) {
		return planners.computeIfAbsent(region, start);
	}

	/** Puts {@code replacement} in place of {@code current} if that still plans the region; closes the loser. */
	boolean replace(RegionPlanner current, RegionPlanner replacement) {
		current.subscribers().forEach(replacement.subscribers()::add);
		if (planners.replace(current.region(), current, replacement)) {
			current.close();
			return true;
		}
		replacement.close();
		return false;
	}

	Collection<RegionPlanner> all() {
		return List.copyOf(planners.values());
	}

	void clear() {
		planners.values().forEach(RegionPlanner::close);
		planners.clear();
	}

}
