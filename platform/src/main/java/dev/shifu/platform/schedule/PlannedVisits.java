package dev.shifu.platform.schedule;

import java.util.Optional;

/** Who the stored plan sends to an order: for ratings, complaints and rework counted per installer. */
public interface PlannedVisits {

	Optional<Long> installerOf(long orderId);

}
