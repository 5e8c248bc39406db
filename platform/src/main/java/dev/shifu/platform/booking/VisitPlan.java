package dev.shifu.platform.booking;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What the live plan has for an order's visit, for the consumer's tracking page. Declared here and implemented by
 * the schedule context, which already depends on booking: booking never calls into schedule, so no cycle.
 */
public interface VisitPlan {

	/** The planned visit: the crew (lead first) and the planned times, wall-clock time of the region; empty while the order is not planned. */
	Optional<PlannedVisit> of(long orderId);

	record PlannedVisit(List<Long> installerIds, LocalDateTime arrival, LocalDateTime start, LocalDateTime end) {
	}

}
