package dev.shifu.platform.installer.internal;

import java.util.EnumSet;
import java.util.Set;

/** What an installer reports on a job, and which report may follow which on one visit. */
enum JobEventType {

	EN_ROUTE, ARRIVED, STARTED, COMPLETED, EXCEPTION;

	/**
	 * The reports allowed after {@code last} on the same visit ({@code null}: nothing reported yet). An exception
	 * ends the visit (the process decides the revisit); so does a completion.
	 */
	static Set<JobEventType> allowedAfter(JobEventType last) {
		if (last == null) {
			return EnumSet.of(EN_ROUTE, ARRIVED, EXCEPTION);
		}
		return switch (last) {
			case EN_ROUTE -> EnumSet.of(ARRIVED, EXCEPTION);
			case ARRIVED -> EnumSet.of(STARTED, COMPLETED, EXCEPTION);
			case STARTED -> EnumSet.of(COMPLETED, EXCEPTION);
			case COMPLETED, EXCEPTION -> EnumSet.noneOf(JobEventType.class);
		};
	}

	/**
	 * The same machine for a reporter who was not there (the provider admin's stand-in, told afterwards): the steps
	 * it may skip forward to, never back, and nothing after the visit ended. STARTED after COMPLETED is as impossible
	 * from the office as from the road.
	 */
	static Set<JobEventType> reachableAfter(JobEventType last) {
		Set<JobEventType> reachable = EnumSet.noneOf(JobEventType.class);
		java.util.Deque<JobEventType> open = new java.util.ArrayDeque<>(allowedAfter(last));
		while (!open.isEmpty()) {
			JobEventType next = open.pop();
			if (reachable.add(next)) {
				open.addAll(allowedAfter(next));
			}
		}
		return reachable;
	}

	/** A completion or an exception ends the visit; a revisit starts from nothing reported. */
	boolean endsVisit() {
		return this == COMPLETED || this == EXCEPTION;
	}

}
