package dev.shifu.platform.rating.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One rework visit counted against an installer (and its provider). */
@Entity
@Table(name = "rework")
class Rework {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long orderId;

	private Long installerId;

	private Long providerId;

	private Instant createdAt;

	protected Rework() {
	}

	Rework(long orderId, Long installerId, Long providerId) {
		this.orderId = orderId;
		this.installerId = installerId;
		this.providerId = providerId;
		this.createdAt = Instant.now();
	}

}
