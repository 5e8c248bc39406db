package dev.shifu.platform.webhook.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A brand's one webhook endpoint and its signing secret. */
@Entity
@Table(name = "webhook_endpoint")
class WebhookEndpoint {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long brandId;

	private String url;

	private String secret;

	private boolean active;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant secretRotatedAt;

	@Version
	private long version;

	protected WebhookEndpoint() {
	}

	WebhookEndpoint(long brandId, String url, boolean active, String secret, Instant now) {
		this.brandId = brandId;
		this.url = url;
		this.active = active;
		this.secret = secret;
		this.createdAt = now;
		this.updatedAt = now;
		this.secretRotatedAt = now;
	}

	void update(String url, boolean active, Instant now) {
		this.url = url;
		this.active = active;
		this.updatedAt = now;
	}

	void rotate(String secret, Instant now) {
		this.secret = secret;
		this.secretRotatedAt = now;
		this.updatedAt = now;
	}

	Long getBrandId() {
		return brandId;
	}

	String getUrl() {
		return url;
	}

	String getSecret() {
		return secret;
	}

	boolean isActive() {
		return active;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}

	Instant getSecretRotatedAt() {
		return secretRotatedAt;
	}

}
