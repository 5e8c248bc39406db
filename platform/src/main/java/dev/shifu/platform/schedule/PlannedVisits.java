package dev.shifu.platform.schedule;

import java.util.Optional;

/** Who the stored plan sends to an order: for ratings, complaints and rework counted per installer. */
public interface PlannedVisits {

	Optional<Long> installerOf(long orderId);

	/** The whole crew the stored plan sends to the order, the lead first; empty when it is not planned. */
	java.util.List<Long> crewOf(long orderId);

}
