package dev.shifu.platform.order.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A graded SLA warning on an order: WARN (not booked in time), ALERT (contact SLA), SEVERE (promise at risk). */
@Entity
@Table(name = "order_warning")
class OrderWarning {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String level;

	private String reason;

	private Instant raisedAt;

	protected OrderWarning() {
	}

	OrderWarning(String level, String reason) {
		this.level = level;
		this.reason = reason;
		this.raisedAt = Instant.now();
	}

	String getLevel() {
		return level;
	}

	String getReason() {
		return reason;
	}

	Instant getRaisedAt() {
		return raisedAt;
	}

}
