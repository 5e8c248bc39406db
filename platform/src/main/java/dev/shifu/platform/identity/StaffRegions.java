package dev.shifu.platform.identity;

import java.util.Set;

/**
 * The regions (city codes, e.g. 330100) a dispatcher works in. A dispatcher with none assigned works in every region
 * (a platform-wide dispatcher); admins always do. Other roles work in none.
 */
public interface StaffRegions {

	/** The regions assigned to the user; empty when none are. */
	Set<String> assigned(String username);

	/** Replaces the user's regions; an empty set makes a dispatcher platform-wide again. */
	void assign(String username, Set<String> regions);

	/** Whether the caller may read and edit this region's plan. */
	default boolean mayWorkIn(Actor actor, String region) {
		if (actor.has(Role.ADMIN)) {
			return true;
		}
		if (!actor.has(Role.DISPATCHER)) {
			return false;
		}
		Set<String> regions = assigned(actor.name());
		return regions.isEmpty() || regions.contains(region);
	}

}
