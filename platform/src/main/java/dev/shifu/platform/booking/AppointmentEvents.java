package dev.shifu.platform.booking;

import java.time.LocalDate;
import java.time.LocalTime;

/** What happens to a consumer's booked window, for notifications (booking confirmed, reschedule decided). */
public final class AppointmentEvents {

	private AppointmentEvents() {
	}

	/** A window was booked, or moved to (a reschedule applied at once or approved). */
	public record WindowBooked(long orderId, LocalDate day, String window, LocalTime start, LocalTime end,
			boolean rescheduled) {
	}

	/** A late reschedule waits for a dispatcher; the old window stands. */
	public record RescheduleRequested(long requestId, long orderId, LocalDate fromDay, String fromWindow, LocalDate toDay,
			String toWindow, String reason) {
	}

	/**
	 * A dispatcher decided a late reschedule: approved, the order is in the new window; declined, the old one stands.
	 * {@code note} is the dispatcher's text for the consumer (may be null).
	 */
	public record RescheduleDecided(long requestId, long orderId, boolean approved, LocalDate fromDay, String fromWindow,
			LocalDate toDay, String toWindow, String note) {
	}

	/** A consumer asked to be called back about the visit: an item for the region's dispatchers. */
	public record CallbackRequested(long requestId, long orderId) {
	}

	/** A dispatcher closed a call-back request (the consumer was phoned). */
	public record CallbackDone(long requestId, long orderId) {
	}

}
