package dev.shifu.workflows;

/** What to send; input {@code notificationTemplate} of {@link ServiceOrderProcess.Beans#NOTIFICATION}. */
public enum NotificationTemplate {
    /** To the consumer: the link to book (or rebook) a window. */
    BOOKING_LINK,
    /** To the consumer: not booked within the reminder time. */
    BOOKING_REMINDER,
    /** To the consumer: please rate the job. */
    RATING_REQUEST,
    /** To the consumer and, if assigned, the provider: the order was cancelled. */
    ORDER_CANCELLED
}
