package dev.shifu.platform.workflow;

import java.time.LocalDate;

/** Hand-overs from the process to contexts that react later (schedule, booking). */
public final class WorkflowEvents {

	private WorkflowEvents() {
	}

	/**
	 * The accepting provider's schedule should take this visit. {@code visitType} REWORK: a priority rework visit;
	 * {@code avoidedInstallerId}: who should preferably not do it (the original installer), if anyone.
	 */
	public record JobToSchedule(long orderId, String jobId, Long providerId, LocalDate bookedDate, String visitType,
			Long preferredInstallerId, Long avoidedInstallerId) {

		public JobToSchedule(long orderId, String jobId, Long providerId, LocalDate bookedDate, String visitType,
				Long preferredInstallerId) {
			this(orderId, jobId, providerId, bookedDate, visitType, preferredInstallerId, null);
		}

		public boolean isRework() {
			return "REWORK".equals(visitType);
		}

	}

	/** A booked window and any planned job of the order are free again (rebooking or cancellation). */
	public record BookingReleased(long orderId, String jobId, LocalDate bookedDate) {
	}

}
