package dev.shifu.platform.workflow;

import java.time.LocalDate;

/** Hand-overs from the process to contexts that react later (schedule, booking). */
public final class WorkflowEvents {

	private WorkflowEvents() {
	}

	/** The accepting provider's schedule should take this visit (the planner issue plans it). */
	public record JobToSchedule(long orderId, String jobId, Long providerId, LocalDate bookedDate, String visitType,
			Long preferredInstallerId) {
	}

	/** A booked window and any planned job of the order are free again (rebooking or cancellation). */
	public record BookingReleased(long orderId, String jobId, LocalDate bookedDate) {
	}

}
