package dev.shifu.platform.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** An installer's day as the stored live plan has it: what the installer mobile API serves. */
public interface InstallerRoutes {

	/** The installer's stops of the day (as lead or crew member), in planned order; empty when nothing is planned. */
	List<Stop> route(long installerId, LocalDate day);

	/**
	 * One planned visit. Times are wall-clock times of the region's zone.
	 * @param crew the installers the plan sends, the lead first
	 * @param windowStart the consumer's booked window on this day, from; null for a booking of the whole day
	 * @param windowEnd the booked window, to; null for a booking of the whole day
	 */
	record Stop(long orderId, String region, int position, LocalDateTime arrival, LocalDateTime start,
			LocalDateTime end, List<Long> crew, LocalDateTime windowStart, LocalDateTime windowEnd) {
	}

}
