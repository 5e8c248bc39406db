package dev.shifu.platform.schedule;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** Who the stored plan sends to an order, and when: for ratings, complaints and rework per installer, and the consumer's ETA. */
public interface PlannedVisits {

	Optional<Long> installerOf(long orderId);

	/** The whole crew the stored plan sends to the order, the lead first; empty when it is not planned. */
	java.util.List<Long> crewOf(long orderId);

	/** The planned visit (latest planned day): the crew, lead first, and its times; empty when it is not planned. */
	Optional<PlannedVisit> visitOf(long orderId);

	/** Times are the region's wall-clock time, as the plan keeps them. */
	record PlannedVisit(List<Long> installerIds, LocalDateTime arrival, LocalDateTime start, LocalDateTime end) {
	}

}
