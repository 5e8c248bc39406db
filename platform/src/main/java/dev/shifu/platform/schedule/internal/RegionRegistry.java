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

	/**
	 * Puts {@code replacement} in place of {@code current} if that still plans the region, and hands the region over:
	 * {@code current} stops, and the changes sent to it that its plan may not show go to the replacement, before any
	 * later one. The loser is closed. @return how many changes were replayed, or -1 when {@code current} was overtaken
	 */
	int handOver(RegionPlanner current, RegionPlanner replacement) {
		current.subscribers().forEach(replacement.subscribers()::add);
		int replayed = current.handOverTo(replacement,
				() -> planners.replace(current.region(), current, replacement));
		if (replayed < 0) {
			replacement.close();
		}
		return replayed;
	}

	/** Puts {@code replacement} in place of {@code current} if that still plans the region; closes the loser. */
	boolean replace(RegionPlanner current, RegionPlanner replacement) {
		return handOver(current, replacement) >= 0;
	}

	Collection<RegionPlanner> all() {
		return List.copyOf(planners.values());
	}

	void clear() {
		planners.values().forEach(RegionPlanner::close);
		planners.clear();
	}

}
