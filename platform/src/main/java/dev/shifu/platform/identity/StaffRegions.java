package dev.shifu.platform.identity;

import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

/**
 * The regions (city codes, e.g. 330100) a dispatcher works in. Regions fail closed: a dispatcher with none assigned
 * works in no region (sees no board, schedule, review or task); admins work in every region. Other roles work in none.
 */
public interface StaffRegions {

	/** The regions assigned to the user; empty when none are. */
	Set<String> assigned(String username);

	/** Replaces the user's regions; an empty set leaves a dispatcher with no region. */
	void assign(String username, Set<String> regions);

	/** Whether the caller may read and edit this region's plan. */
	default boolean mayWorkIn(Actor actor, String region) {
		if (actor.has(Role.ADMIN)) {
			return true;
		}
		if (!actor.has(Role.DISPATCHER)) {
			return false;
		}
		return assigned(actor.name()).contains(region);
	}

	/**
	 * Refuses (403) a caller who may not work in this region: the one region check of the board, the schedules, the
	 * staff tasks and the reschedule requests.
	 */
	default void requireWorkIn(Actor actor, String region) {
		if (!mayWorkIn(actor, region)) {
			throw new AccessDeniedException("region " + region + " is not one of the caller's regions");
		}
	}

}
