package dev.shifu.platform.notification;

import java.util.Map;

public interface Notifications {

	/**
	 * Queues a message in the caller's transaction; it is sent after commit, at least once, in the order's language
	 * (the brand's choice, else the consumer's browser, else zh-CN) for the consumer, zh-CN for providers. Only the
	 * template's own parameters are used, each bounded and sanitised; anything else is dropped, so free text never
	 * reaches a message. Staff views and logs see the text with the consumer's link and codes masked.
	 */
	default void send(long orderId, String recipientPhone, Template template, Map<String, String> parameters) {
		send(orderId, recipientPhone, template, parameters, null);
	}

	/**
	 * Like {@link #send(long, String, Template, Map)}; a second call with the same {@code deduplicationKey} (a
	 * redelivered event, a retried job) queues nothing.
	 */
	void send(long orderId, String recipientPhone, Template template, Map<String, String> parameters,
			String deduplicationKey);

	/**
	 * Queues a message that belongs to no order (an installer's sign-in code), like {@link #send}: only the
	 * template's parameters, and codes masked in staff views and logs.
	 */
	void sendToPhone(String recipientPhone, Template template, Map<String, String> parameters);

	/** Retention: deletes sent and failed messages finished before {@code cutoff}; queued ones stay. */
	int purgeFinishedBefore(java.time.Instant cutoff);

	/**
	 * The fixed messages and the parameters each takes: {@code order} (order number), {@code service} (a
	 * {@code ServiceType} name), {@code link} (consumer link), {@code date} ({@code yyyy-MM-dd}), {@code window}
	 * and {@code eta} ({@code HH:mm-HH:mm}), {@code cancelledBy}, {@code region}, {@code expires}.
	 */
	enum Template {
		/** {@code order}, {@code service}, {@code link}. */
		BOOKING_LINK,
		/** {@code order}, {@code link}: no visit booked yet. */
		BOOKING_REMINDER,
		/** {@code order}, {@code date}, {@code window}, {@code link}. */
		BOOKING_CONFIRMED,
		/** {@code order}, {@code date}, {@code window}, {@code link}: the day before the visit. */
		VISIT_REMINDER,
		/** {@code order}, {@code eta}, {@code link}. */
		INSTALLER_EN_ROUTE,
		/** {@code order}. */
		SERVICE_COMPLETED,
		/** {@code order}, {@code link}. */
		RATING_REQUEST,
		/** {@code order}, {@code date}, {@code window}, {@code link}: the dispatcher approved a late reschedule. */
		RESCHEDULE_APPROVED,
		/** {@code order}, {@code date}, {@code window}, {@code link}: declined; the old visit stands. */
		RESCHEDULE_DECLINED,
		/** {@code order}, {@code link}: the old link stopped working. */
		LINK_REISSUED,
		/** {@code order}, {@code cancelledBy} ({@code BRAND} or {@code CONSUMER}); never the reason. */
		ORDER_CANCELLED,
		/** {@code order}, {@code region} (a region code, named in each language), {@code expires} ({@code MM-dd HH:mm}). */
		OFFER_RECEIVED,
		/** {@code code} (4 to 8 digits): an installer's one-time sign-in code for the mobile app. */
		INSTALLER_LOGIN_CODE
	}

}
