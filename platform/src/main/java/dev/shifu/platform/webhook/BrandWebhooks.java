package dev.shifu.platform.webhook;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends an event to a brand's webhook. The delivery is written in the caller's transaction (it is an outbox row), so
 * it goes out if and only if the caller commits; a dispatcher sends it after the commit, signs it, and retries it
 * with backoff. Order status changes are delivered without any call here.
 */
public interface BrandWebhooks {

	/** Type of the event sent for every {@code OrderEvents.OrderStatusChanged}. */
	String ORDER_STATUS_CHANGED = "order.status_changed";

	/** Type for damaged goods found on site; the workflow sends it with the replacement details. */
	String ORDER_GOODS_DAMAGED = "order.goods_damaged";

	/**
	 * Type for a complaint opened on the order (a low rating, a return visit's issue); the rating context sends it
	 * with the consumer's stars, tags and comment, HTML-safe like every body.
	 */
	String ORDER_COMPLAINT_OPENED = "order.complaint_opened";

	/**
	 * Queues an event with a new event id.
	 * @param eventType letters, digits, {@code _} and {@code .}, at most 64, e.g. {@link #ORDER_GOODS_DAMAGED}
	 * @param orderId the order the event is about, or null
	 * @param data the event's {@code data} object; serialised to JSON now (values: strings, numbers, booleans, dates,
	 * maps, lists)
	 * @return the event id, or empty when the brand has no webhook registered (nothing is stored then)
	 */
	Optional<UUID> enqueue(long brandId, String eventType, Long orderId, Map<String, ?> data);

	/**
	 * Like {@link #enqueue(long, String, Long, Map)}, but the event id is derived from the brand, type and
	 * {@code deduplicationKey}: calling again with the same key (a retried job, a redelivered message) queues nothing
	 * and returns the same id.
	 */
	Optional<UUID> enqueue(long brandId, String eventType, Long orderId, Map<String, ?> data, String deduplicationKey);

	/**
	 * Retention: deletes delivered and failed deliveries, with their attempts, whose last attempt (or creation) was
	 * before {@code cutoff}; pending deliveries stay.
	 * @return the number of deliveries deleted
	 */
	int purgeFinishedBefore(java.time.Instant cutoff);

}
