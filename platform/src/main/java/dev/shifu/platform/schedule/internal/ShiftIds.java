package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;

/** The one place that knows how an installer's shift day is named in the plan: {@code "I" + installerId + "@" + day}. */
final class ShiftIds {

	private ShiftIds() {
	}

	static String of(long installerId, LocalDate day) {
		return prefix(installerId) + day;
	}

	static boolean isOf(String shiftId, long installerId) {
		return shiftId.startsWith(prefix(installerId));
	}

	private static String prefix(long installerId) {
		return "I" + installerId + "@";
	}

}
