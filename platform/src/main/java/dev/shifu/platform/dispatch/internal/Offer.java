package dev.shifu.platform.dispatch.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.shifu.platform.shared.ConflictException;

/** A job offered to one provider until it answers or the offer expires. Answers are only taken while OFFERED. */
@Entity
@Table(name = "offer")
class Offer {

	enum Status {
		OFFERED, ACCEPTED, DECLINED, EXPIRED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long orderId;

	private Long providerId;

	private int attempt;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant offeredAt;

	private Instant expiresAt;

	private Instant answeredAt;

	private String answeredBy;

	private String declineReason;

	@Version
	private long version;

	protected Offer() {
	}

	Offer(long orderId, long providerId, int attempt, Instant expiresAt) {
		this.orderId = orderId;
		this.providerId = providerId;
		this.attempt = attempt;
		this.status = Status.OFFERED;
		this.offeredAt = Instant.now();
		this.expiresAt = expiresAt;
	}

	void accept(String by) {
		answer(Status.ACCEPTED, by, null);
	}

	void decline(String by, String reason) {
		answer(Status.DECLINED, by, reason);
	}

	void expire() {
		if (status == Status.OFFERED) {
			status = Status.EXPIRED;
		}
	}

	private void answer(Status answer, String by, String reason) {
		if (status != Status.OFFERED) {
			throw new ConflictException("offer-closed", "Offer " + id + " is " + status);
		}
		status = answer;
		answeredAt = Instant.now();
		answeredBy = by;
		declineReason = reason;
	}

	Long getId() {
		return id;
	}

	Long getOrderId() {
		return orderId;
	}

	Long getProviderId() {
		return providerId;
	}

	int getAttempt() {
		return attempt;
	}

	Status getStatus() {
		return status;
	}

	Instant getOfferedAt() {
		return offeredAt;
	}

	Instant getExpiresAt() {
		return expiresAt;
	}

	Instant getAnsweredAt() {
		return answeredAt;
	}

	String getDeclineReason() {
		return declineReason;
	}

}
