package dev.shifu.platform.webhook.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

/**
 * One event for one brand and its delivery state. The payload is fixed when the event is queued, so every attempt
 * and every replay sends the same body with the same event id; only the timestamp and signature are new.
 */
@Entity
@Table(name = "webhook_delivery")
class WebhookDelivery {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long brandId;

	private String eventId;

	private String eventType;

	private Long orderId;

	private String payload;

	@Enumerated(EnumType.STRING)
	private DeliveryStatus status;

	private Instant createdAt;

	private Instant nextAttemptAt;

	private Instant cycleStartedAt;

	private int cycleAttempts;

	private int attemptCount;

	private Instant lastAttemptAt;

	private Integer lastStatusCode;

	private String lastError;

	private Instant deliveredAt;

	private Instant claimedUntil;

	private String claimToken;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "delivery_id", nullable = false)
	@OrderBy("number")
	@BatchSize(size = 100)
	private List<DeliveryAttempt> attempts = new ArrayList<>();

	@Version
	private long version;

	protected WebhookDelivery() {
	}

	WebhookDelivery(long brandId, UUID eventId, String eventType, Long orderId, String payload, Instant now) {
		this.brandId = brandId;
		this.eventId = eventId.toString();
		this.eventType = eventType;
		this.orderId = orderId;
		this.payload = payload;
		this.status = DeliveryStatus.PENDING;
		this.createdAt = now;
		this.nextAttemptAt = now;
	}

	boolean isClaimed(Instant now) {
		return claimedUntil != null && claimedUntil.isAfter(now);
	}

	/** A replay starts a new retry cycle now and claims the delivery for the caller's immediate attempt. */
	void replay(Instant now, String token, Duration lease) {
		status = DeliveryStatus.PENDING;
		cycleStartedAt = null;
		cycleAttempts = 0;
		nextAttemptAt = now;
		deliveredAt = null;
		claimToken = token;
		claimedUntil = now.plus(lease);
	}

	/** Lets go of a claim without an attempt. */
	void release() {
		claimToken = null;
		claimedUntil = null;
	}

	/** Gives up without another attempt, e.g. because the brand removed its endpoint. */
	void abandon(String reason) {
		if (status == DeliveryStatus.PENDING) {
			status = DeliveryStatus.FAILED;
			nextAttemptAt = null;
			lastError = reason;
			claimToken = null;
			claimedUntil = null;
		}
	}

	/**
	 * Records an attempt. When this attempt still held the claim, it also decides what happens next: a 2xx is
	 * DELIVERED; a failure is retried after the backoff, but never later than the cycle's max age, and a failure at
	 * or after the max age is FAILED.
	 */
	void attempted(DeliveryAttempt.Trigger trigger, String claim, Instant startedAt, Instant finishedAt, String url,
			WebhookSender.Outcome outcome, Backoff backoff, Duration maxAge) {
		attempts.add(new DeliveryAttempt(attemptCount + 1, trigger, startedAt, url, outcome));
		attemptCount++;
		lastAttemptAt = startedAt;
		lastStatusCode = outcome.statusCode();
		lastError = outcome.error();
		if (claim == null || !claim.equals(claimToken)) {
			return;
		}
		claimToken = null;
		claimedUntil = null;
		if (cycleStartedAt == null) {
			cycleStartedAt = startedAt;
		}
		cycleAttempts++;
		if (outcome.delivered()) {
			status = DeliveryStatus.DELIVERED;
			deliveredAt = finishedAt;
			nextAttemptAt = null;
			return;
		}
		Instant giveUpAt = cycleStartedAt.plus(maxAge);
		if (!finishedAt.isBefore(giveUpAt)) {
			status = DeliveryStatus.FAILED;
			nextAttemptAt = null;
			return;
		}
		Instant next = finishedAt.plus(backoff.delayAfter(cycleAttempts));
		status = DeliveryStatus.PENDING;
		nextAttemptAt = next.isAfter(giveUpAt) ? giveUpAt : next;
	}

	Long getId() {
		return id;
	}

	Long getBrandId() {
		return brandId;
	}

	String getEventId() {
		return eventId;
	}

	String getEventType() {
		return eventType;
	}

	Long getOrderId() {
		return orderId;
	}

	String getPayload() {
		return payload;
	}

	DeliveryStatus getStatus() {
		return status;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getNextAttemptAt() {
		return nextAttemptAt;
	}

	Instant getCycleStartedAt() {
		return cycleStartedAt;
	}

	int getAttemptCount() {
		return attemptCount;
	}

	Instant getLastAttemptAt() {
		return lastAttemptAt;
	}

	Integer getLastStatusCode() {
		return lastStatusCode;
	}

	String getLastError() {
		return lastError;
	}

	Instant getDeliveredAt() {
		return deliveredAt;
	}

	String getClaimToken() {
		return claimToken;
	}

	List<DeliveryAttempt> getAttempts() {
		return attempts;
	}

}
