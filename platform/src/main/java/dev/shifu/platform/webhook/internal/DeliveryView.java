package dev.shifu.platform.webhook.internal;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

/** One entry of the brand's delivery log: the event as sent and every attempt. */
@Schema(description = "A webhook delivery with its attempts")
record DeliveryView(long id, String eventId, String type, Long orderId,
		@Schema(description = "PENDING (will be tried at nextAttemptAt), DELIVERED (2xx) or FAILED (gave up)") DeliveryStatus status,
		Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, int attemptCount, Integer lastStatusCode,
		String lastError, @JsonRawValue @Schema(type = "object", description = "The JSON body as sent") String payload,
		List<AttemptView> attempts) {

	record AttemptView(int number, DeliveryAttempt.Trigger trigger, Instant at, String url, Integer statusCode,
			String error, long durationMs, String response) {
	}

	static DeliveryView of(WebhookDelivery d) {
		List<AttemptView> attempts = d.getAttempts()
			.stream()
			.map(a -> new AttemptView(a.getNumber(), a.getTrigger(), a.getStartedAt(), a.getUrl(), a.getStatusCode(),
					a.getError(), a.getDurationMs(), a.getResponseExcerpt()))
			.toList();
		return new DeliveryView(d.getId(), d.getEventId(), d.getEventType(), d.getOrderId(), d.getStatus(),
				d.getCreatedAt(), d.getNextAttemptAt(), d.getDeliveredAt(), d.getAttemptCount(), d.getLastStatusCode(),
				d.getLastError(), d.getPayload(), attempts);
	}

}
