package dev.shifu.platform.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.order.OrderEvents;
import dev.shifu.platform.webhook.BrandWebhooks;

/**
 * Turns events into delivery rows. Order status changes arrive through Spring Modulith's event publication registry
 * (after the order's commit, retried until this listener succeeds), other events through {@link BrandWebhooks} in
 * the caller's transaction. Event ids are derived from what the event is, so a listener run twice, or a caller
 * retrying with the same key, stores one delivery.
 */
@Service
@Transactional
class DeliveryOutbox implements BrandWebhooks {

	static final int MAX_PAYLOAD_BYTES = 60_000;

	private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9_.]{1,64}");

	/**
	 * Its own mapper: nulls stay in the payload ({@code "from": null}), dates are ISO-8601 strings, and the body is
	 * HTML-safe (a consumer's {@code <script>} arrives as {@code \u003Cscript\u003E}): receivers paste event data into
	 * their own consoles and tickets, and the signature covers these exact bytes.
	 */
	private static final ObjectMapper PAYLOAD = dev.shifu.platform.shared.HtmlSafeJson.mapper()
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.build();

	private final WebhookEndpointRepository endpoints;

	private final WebhookDeliveryRepository deliveries;

	private final WebhookTime time;

	DeliveryOutbox(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries, WebhookTime time) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.time = time;
	}

	@Override
	public int purgeFinishedBefore(Instant cutoff) {
		deliveries.deleteFinishedAttemptsBefore(cutoff);
		return deliveries.deleteFinishedBefore(cutoff);
	}

	@ApplicationModuleListener
	void on(OrderEvents.OrderStatusChanged event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("from", event.from() == null ? null : event.from().name());
		data.put("to", event.to().name());
		data.put("actor", event.actor());
		data.put("reason", event.reason());
		data.put("sequence", event.sequence());
		data.put("externalOrderId", event.externalOrderId());
		UUID eventId = eventId(event.brandId(), ORDER_STATUS_CHANGED, event.orderId() + ":" + event.sequence());
		queue(event.brandId(), ORDER_STATUS_CHANGED, event.orderId(), event.at(), data, eventId);
	}

	@Override
	public Optional<UUID> enqueue(long brandId, String eventType, Long orderId, Map<String, ?> data) {
		checkType(eventType);
		return queue(brandId, eventType, orderId, time.now(), data, UUID.randomUUID());
	}

	@Override
	public Optional<UUID> enqueue(long brandId, String eventType, Long orderId, Map<String, ?> data,
			String deduplicationKey) {
		checkType(eventType);
		if (deduplicationKey == null || deduplicationKey.isBlank()) {
			throw new IllegalArgumentException("deduplicationKey must not be blank");
		}
		return queue(brandId, eventType, orderId, time.now(), data, eventId(brandId, eventType, deduplicationKey));
	}

	private Optional<UUID> queue(long brandId, String type, Long orderId, Instant occurredAt, Map<String, ?> data,
			UUID eventId) {
		Objects.requireNonNull(data, "data");
		if (endpoints.findByBrandId(brandId).isEmpty()) {
			return Optional.empty();
		}
		if (!deliveries.existsByEventId(eventId.toString())) {
			String body = render(eventId, type, occurredAt, orderId, data);
			deliveries.save(new WebhookDelivery(brandId, eventId, type, orderId, body, time.now()));
		}
		return Optional.of(eventId);
	}

	static UUID eventId(long brandId, String type, String key) {
		return UUID.nameUUIDFromBytes((brandId + "|" + type + "|" + key).getBytes(StandardCharsets.UTF_8));
	}

	private static void checkType(String eventType) {
		if (eventType == null || !EVENT_TYPE.matcher(eventType).matches()) {
			throw new IllegalArgumentException("eventType must be 1-64 letters, digits, _ or .: " + eventType);
		}
	}

	private static String render(UUID eventId, String type, Instant occurredAt, Long orderId, Map<String, ?> data) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("eventId", eventId.toString());
		body.put("type", type);
		body.put("occurredAt", occurredAt.toString());
		if (orderId != null) {
			body.put("orderId", orderId);
		}
		body.put("data", data);
		String json;
		try {
			json = PAYLOAD.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("The event data cannot be written as JSON: " + ex.getOriginalMessage(), ex);
		}
		if (json.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
			throw new IllegalArgumentException("The event is larger than " + MAX_PAYLOAD_BYTES + " bytes");
		}
		return json;
	}

}
