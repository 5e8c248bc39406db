package dev.shifu.platform.webhook.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.NotFoundException;

/**
 * The delivery rows' transactions: claiming, recording attempts, and the brand's view of its log. Each method is
 * one short transaction; the HTTP call happens between them, never inside one.
 */
@Component
@Transactional
class DeliveryStore {

	private final WebhookDeliveryRepository deliveries;

	private final WebhookEndpointRepository endpoints;

	private final Backoff backoff;

	private final WebhookProperties properties;

	DeliveryStore(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints, Backoff backoff,
			WebhookProperties properties) {
		this.deliveries = deliveries;
		this.endpoints = endpoints;
		this.backoff = backoff;
		this.properties = properties;
	}

	/** A delivery this dispatcher may send: the claim token proves it when the attempt is recorded. */
	record Claim(long deliveryId, String token, DeliveryAttempt.Trigger trigger, String url, String secret,
			String eventId, String eventType, String payload) {
	}

	record Filter(DeliveryStatus status, Long orderId) {
	}

	@Transactional(readOnly = true)
	List<Long> dueIds(Instant now, int limit) {
		return deliveries.findDueIds(now, Limit.of(limit));
	}

	Optional<Claim> claimDue(long id, Instant now, Duration lease) {
		String token = UUID.randomUUID().toString();
		if (deliveries.claim(id, token, now, now.plus(lease)) == 0) {
			return Optional.empty();
		}
		WebhookDelivery delivery = deliveries.findById(id).orElseThrow();
		Optional<WebhookEndpoint> endpoint = endpoints.findByBrandId(delivery.getBrandId());
		if (endpoint.isEmpty()) {
			delivery.abandon("no webhook endpoint registered");
			return Optional.empty();
		}
		if (!endpoint.get().isActive()) {
			// Paused between the query and the claim: leave it for when the brand resumes.
			delivery.release();
			return Optional.empty();
		}
		return Optional.of(claim(delivery, endpoint.get(), token, DeliveryAttempt.Trigger.SCHEDULED));
	}

	/** Claims one of the brand's deliveries for an immediate resend; another brand's id is not found. */
	Claim claimForReplay(long brandId, long id, Instant now, Duration lease) {
		WebhookDelivery delivery = deliveries.findByIdAndBrandId(id, brandId)
			.orElseThrow(() -> new NotFoundException("webhook delivery", id));
		WebhookEndpoint endpoint = endpoints.findByBrandId(brandId)
			.orElseThrow(() -> new ConflictException("no-webhook", "Register a webhook before replaying deliveries"));
		if (!endpoint.isActive()) {
			throw new ConflictException("webhook-paused", "The webhook is paused; set active to true to replay");
		}
		if (delivery.isClaimed(now)) {
			throw new ConflictException("delivery-in-flight",
					"The delivery is being sent right now; look at its attempts and replay later if needed");
		}
		String token = UUID.randomUUID().toString();
		delivery.replay(now, token, lease);
		return claim(delivery, endpoint, token, DeliveryAttempt.Trigger.REPLAY);
	}

	void record(Claim claim, Instant startedAt, Instant finishedAt, WebhookSender.Outcome outcome) {
		WebhookDelivery delivery = deliveries.findById(claim.deliveryId()).orElseThrow();
		delivery.attempted(claim.trigger(), claim.token(), startedAt, finishedAt, claim.url(), outcome, backoff,
				properties.maxAge());
	}

	/** The brand removed its endpoint: nothing pending will be sent any more. */
	void abandonPending(long brandId, String reason) {
		deliveries.findByBrandIdAndStatus(brandId, DeliveryStatus.PENDING).forEach(d -> d.abandon(reason));
	}

	@Transactional(readOnly = true)
	Page<DeliveryView> list(long brandId, Filter filter, Pageable page) {
		return deliveries.findAll(spec(brandId, filter), page).map(DeliveryView::of);
	}

	@Transactional(readOnly = true)
	DeliveryView view(long brandId, long id) {
		return deliveries.findByIdAndBrandId(id, brandId)
			.map(DeliveryView::of)
			.orElseThrow(() -> new NotFoundException("webhook delivery", id));
	}

	private static Claim claim(WebhookDelivery delivery, WebhookEndpoint endpoint, String token,
			DeliveryAttempt.Trigger trigger) {
		return new Claim(delivery.getId(), token, trigger, endpoint.getUrl(), endpoint.getSecret(),
				delivery.getEventId(), delivery.getEventType(), delivery.getPayload());
	}

	private static Specification<WebhookDelivery> spec(long brandId, Filter filter) {
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			where.add(cb.equal(root.get("brandId"), brandId));
			if (filter.status() != null) {
				where.add(cb.equal(root.get("status"), filter.status()));
			}
			if (filter.orderId() != null) {
				where.add(cb.equal(root.get("orderId"), filter.orderId()));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}

}
