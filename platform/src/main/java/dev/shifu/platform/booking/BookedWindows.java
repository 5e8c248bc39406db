package dev.shifu.platform.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/** The consumer's booked window of an order, for views that show what was booked (the installer app's offers). */
public interface BookedWindows {

	/** The order's booked window (day, code and local times in the region's zone); empty for a day-only booking. */
	Optional<Window> windowOf(long orderId);

	record Window(LocalDate day, String code, LocalTime start, LocalTime end) {
	}

}
