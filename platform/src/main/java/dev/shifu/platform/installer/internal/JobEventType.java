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

}
