package dev.shifu.platform.notification;

import java.util.Map;

public interface Notifications {

	/** Queues a message in the caller's transaction; it is sent after commit, at least once. */
	void send(long orderId, String recipientPhone, Template template, Map<String, String> parameters);

	/** Retention: deletes sent and failed messages finished before {@code cutoff}; queued ones stay. */
	int purgeFinishedBefore(java.time.Instant cutoff);

	enum Template {
		BOOKING_LINK, BOOKING_REMINDER, RATING_REQUEST, ORDER_CANCELLED, OFFER_RECEIVED
	}

}
