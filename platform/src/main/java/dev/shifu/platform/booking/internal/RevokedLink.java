package dev.shifu.platform.booking.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.data.jpa.repository.JpaRepository;

/** A link a brand or dispatcher replaced. Only the token's hash is kept: enough to say "replaced", never a credential. */
@Entity
@Table(name = "consumer_link_revoked")
class RevokedLink {

	@Id
	private String tokenHash;

	private Long orderId;

	private Instant revokedAt;

	private String revokedBy;

	protected RevokedLink() {
	}

	RevokedLink(String token, long orderId, String revokedBy) {
		this.tokenHash = hash(token);
		this.orderId = orderId;
		this.revokedAt = Instant.now();
		this.revokedBy = revokedBy;
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

interface RevokedLinkRepository extends JpaRepository<RevokedLink, String> {

}
