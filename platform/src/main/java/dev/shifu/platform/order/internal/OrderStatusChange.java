package dev.shifu.platform.order.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.shifu.platform.order.OrderStatus;

/** One line of an order's status history: who moved it, when and why. {@code sequence} orders lines reliably. */
@Entity
@Table(name = "order_status_change")
class OrderStatusChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@jakarta.persistence.Column(name = "seq")
	private int sequence;

	@Enumerated(EnumType.STRING)
	private OrderStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private OrderStatus toStatus;

	private String actor;

	private String reason;

	private Instant changedAt;

	protected OrderStatusChange() {
	}

	OrderStatusChange(int sequence, OrderStatus from, OrderStatus to, String actor, String reason) {
		this.sequence = sequence;
		this.fromStatus = from;
		this.toStatus = to;
		this.actor = actor;
		this.reason = reason;
		this.changedAt = Instant.now();
	}

	int getSequence() {
		return sequence;
	}

	OrderStatus getFromStatus() {
		return fromStatus;
	}

	OrderStatus getToStatus() {
		return toStatus;
	}

	String getActor() {
		return actor;
	}

	String getReason() {
		return reason;
	}

	Instant getChangedAt() {
		return changedAt;
	}

}
