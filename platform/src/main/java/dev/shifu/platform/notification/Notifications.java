package dev.shifu.platform.notification;

import java.util.Map;

public interface Notifications {

	/**
	 * Queues a message in the caller's transaction; it is sent after commit, at least once. Only the template's own
	 * parameters are used, each bounded and sanitised; anything else is dropped, so free text never reaches a
	 * message. Staff views and logs see the text with the consumer's link masked.
	 */
	void send(long orderId, String recipientPhone, Template template, Map<String, String> parameters);

	/**
	 * Queues a message that belongs to no order (an installer's sign-in code), like {@link #send}: only the
	 * template's parameters, and codes masked in staff views and logs.
	 */
	void sendToPhone(String recipientPhone, Template template, Map<String, String> parameters);

	/** Retention: deletes sent and failed messages finished before {@code cutoff}; queued ones stay. */
	int purgeFinishedBefore(java.time.Instant cutoff);

	/** The fixed messages and the parameters each takes. */
	enum Template {
		/** {@code order} (order number), {@code service} (a {@code ServiceType} name), {@code link} (consumer link). */
		BOOKING_LINK,
		/** {@code order}, {@code link}. */
		BOOKING_REMINDER,
		/** {@code order}, {@code link}. */
		RATING_REQUEST,
		/** {@code order}, {@code cancelledBy} ({@code BRAND} or {@code CONSUMER}); never the reason. */
		ORDER_CANCELLED,
		/** {@code order}, {@code region} (a region code, named in each language), {@code expires} ({@code MM-dd HH:mm}). */
		OFFER_RECEIVED,
		/** {@code code} (4 to 8 digits): an installer's one-time sign-in code for the mobile app. */
		INSTALLER_LOGIN_CODE
	}

}
