package dev.shifu.platform.rating.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "complaint")
class Complaint {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long orderId;

	private Long installerId;

	private String source;

	private String details;

	private String status;

	private Instant createdAt;

	protected Complaint() {
	}

	Complaint(long orderId, Long installerId, String source, String details) {
		this.orderId = orderId;
		this.installerId = installerId;
		this.source = source;
		this.details = details;
		this.status = "OPEN";
		this.createdAt = Instant.now();
	}

	Long getId() {
		return id;
	}

	Long getOrderId() {
		return orderId;
	}

	Long getInstallerId() {
		return installerId;
	}

	String getSource() {
		return source;
	}

	String getDetails() {
		return details;
	}

	String getStatus() {
		return status;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

}
