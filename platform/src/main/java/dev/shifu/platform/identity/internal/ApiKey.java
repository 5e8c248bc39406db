package dev.shifu.platform.identity.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A brand's API key: only a SHA-256 of the secret is kept; the key id lets us look it up without scanning. */
@Entity
@Table(name = "api_key")
class ApiKey {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long brandId;

	private String keyId;

	private String secretHash;

	private Instant createdAt;

	private Instant revokedAt;

	protected ApiKey() {
	}

	ApiKey(long brandId, String keyId, String secretHash) {
		this.brandId = brandId;
		this.keyId = keyId;
		this.secretHash = secretHash;
		this.createdAt = Instant.now();
	}

	void revoke() {
		if (revokedAt == null) {
			revokedAt = Instant.now();
		}
	}

	boolean isActive() {
		return revokedAt == null;
	}

	Long getBrandId() {
		return brandId;
	}

	String getKeyId() {
		return keyId;
	}

	String getSecretHash() {
		return secretHash;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getRevokedAt() {
		return revokedAt;
	}

}
