package dev.shifu.workflows;

/**
 * Statuses the {@code service-order} process emits through {@link ServiceOrderProcess.Beans#ORDER_STATUS}.
 *
 * <p>The order in which they normally occur: AWAITING_BOOKING, BOOKED, (AWAITING_GOODS), DISPATCHING, ASSIGNED,
 * SCHEDULED, IN_SERVICE, EN_ROUTE, ARRIVED, STARTED, COMPLETED, RATED or UNRATED, (REWORK_SCHEDULED, REWORK_DONE),
 * CLOSED. CANCELLED ends an order before completion. Loops (rebooking, revisits, rescheduling) emit earlier statuses
 * again, so a status may repeat.
 */
public enum OrderStatus {
    /** The booking link is out; the consumer has not booked yet. Also re-entered on every rebooking. */
    AWAITING_BOOKING,
    /** The consumer booked a window ({@code bookedDate}). */
    BOOKED,
    /** Booked, but the goods have not arrived (or were damaged and a replacement is awaited). */
    AWAITING_GOODS,
    /** Goods and booking are ready; the job is being offered to providers. */
    DISPATCHING,
    /** A provider accepted the offer or a dispatcher assigned one ({@code assignedProviderId}). */
    ASSIGNED,
    /** The job is on the provider's installer schedule (emitted again after a booking change). */
    SCHEDULED,
    /** The installation day has been reached. */
    IN_SERVICE,
    /** The installer reported being on the way. */
    EN_ROUTE,
    /** The installer reported arrival at the consumer. */
    ARRIVED,
    /** The installer reported the start of the work. */
    STARTED,
    /** The work is done and the consumer's verification code (核销) was valid. Cancellation is no longer possible. */
    COMPLETED,
    /** The consumer rated the job. */
    RATED,
    /** No rating arrived in time. */
    UNRATED,
    /** A low rating led to a priority rework visit, now on the schedule. */
    REWORK_SCHEDULED,
    /** The rework visit was reported done. */
    REWORK_DONE,
    /** Final: rating and return visit are handled. */
    CLOSED,
    /** Final: the order was cancelled before completion. */
    CANCELLED
}
