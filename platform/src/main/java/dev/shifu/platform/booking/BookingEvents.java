package dev.shifu.platform.booking;

import java.time.LocalDate;

public final class BookingEvents {

	private BookingEvents() {
	}

	/** The consumer booked, or moved, the visit day. */
	public record VisitBooked(long orderId, LocalDate date) {
	}

}
