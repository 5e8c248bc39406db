package dev.shifu.platform.booking;

import java.time.LocalDate;

/** Staff book a visit on the consumer's behalf, with the link's checks (the dispatcher's booking, the demo's). */
public interface StaffBookings {

	/**
	 * Books (or moves) the order's visit to the day.
	 * @return the booked day
	 * @throws dev.shifu.platform.shared.InvalidFieldException naming {@code date} when the day cannot be booked
	 */
	LocalDate bookFor(long orderId, LocalDate date);

}
