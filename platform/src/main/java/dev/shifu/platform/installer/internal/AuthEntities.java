package dev.shifu.platform.installer.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.data.jpa.repository.JpaRepository;

/** An installer's mobile sign-in: phone (E.164, unique) and password hash; provider admins may answer offers. */
@Entity
@Table(name = "installer_credential")
class InstallerCredential {

	@Id
	private Long installerId;

	private String phone;

	private String passwordHash;

	private boolean providerAdmin;

	private Instant updatedAt;

	protected InstallerCredential() {
	}

	InstallerCredential(long installerId, String phone, String passwordHash, boolean providerAdmin) {
		this.installerId = installerId;
		update(phone, passwordHash, providerAdmin);
	}

	void update(String phone, String passwordHash, boolean providerAdmin) {
		this.phone = phone;
		this.passwordHash = passwordHash;
		this.providerAdmin = providerAdmin;
		this.updatedAt = Instant.now();
	}

	Long getInstallerId() {
		return installerId;
	}

	String getPhone() {
		return phone;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	boolean isProviderAdmin() {
		return providerAdmin;
	}

}

/** One sign-in on a device. Revoked by logout or refresh-token reuse; every token of it stops working. */
@Entity
@Table(name = "installer_session")
class InstallerSession {

	@Id
	private String id;

	private Long installerId;

	private Long providerId;

	private String deviceName;

	private Instant createdAt;

	private Instant revokedAt;

	private String revokeReason;

	protected InstallerSession() {
	}

	InstallerSession(long installerId, long providerId, String deviceName) {
		this.id = UUID.randomUUID().toString();
		this.installerId = installerId;
		this.providerId = providerId;
		this.deviceName = deviceName;
		this.createdAt = Instant.now();
	}

	void revoke(String reason) {
		if (revokedAt == null) {
			revokedAt = Instant.now();
			revokeReason = reason;
		}
	}

	boolean isActive() {
		return revokedAt == null;
	}

	String getId() {
		return id;
	}

	Long getInstallerId() {
		return installerId;
	}

	Long getProviderId() {
		return providerId;
	}

	String getRevokeReason() {
		return revokeReason;
	}

}

/** A refresh token of a session, kept as its SHA-256; it works once. */
@Entity
@Table(name = "installer_refresh_token")
class RefreshToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String sessionId;

	private String tokenHash;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant usedAt;

	protected RefreshToken() {
	}

	RefreshToken(String sessionId, String tokenHash, Instant expiresAt) {
		this.sessionId = sessionId;
		this.tokenHash = tokenHash;
		this.createdAt = Instant.now();
		this.expiresAt = expiresAt;
	}

	void use() {
		usedAt = Instant.now();
	}

	boolean isUsed() {
		return usedAt != null;
	}

	boolean isExpired(Instant now) {
		return expiresAt.isBefore(now);
	}

	String getSessionId() {
		return sessionId;
	}

}

/** A one-time login code sent by SMS, kept only as its keyed digest ({@link LoginCodeDigest}); a few wrong tries void it. */
@Entity
@Table(name = "installer_login_code")
class LoginCode {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String phone;

	private String codeHash;

	private Instant createdAt;

	private Instant expiresAt;

	private int attempts;

	private Instant usedAt;

	protected LoginCode() {
	}

	LoginCode(String phone, String codeHash, Instant expiresAt) {
		this.phone = phone;
		this.codeHash = codeHash;
		this.createdAt = Instant.now();
		this.expiresAt = expiresAt;
	}

	boolean usable(Instant now, int maxAttempts) {
		return usedAt == null && expiresAt.isAfter(now) && attempts < maxAttempts;
	}

	/** @return whether the code matched; a match uses it up, a miss counts */
	boolean tryCode(String digest) {
		if (LoginCodeDigest.same(codeHash, digest)) {
			usedAt = Instant.now();
			return true;
		}
		attempts++;
		return false;
	}

}

interface InstallerCredentialRepository extends JpaRepository<InstallerCredential, Long> {

	Optional<InstallerCredential> findByPhone(String phone);

}

interface InstallerSessionRepository extends JpaRepository<InstallerSession, String> {

	List<InstallerSession> findByInstallerIdAndRevokedAtIsNull(long installerId);

}

interface RefreshTokenRepository extends JpaRepository<RefreshToken, Long> {

	Optional<RefreshToken> findByTokenHash(String tokenHash);

}

interface LoginCodeRepository extends JpaRepository<LoginCode, Long> {

	Optional<LoginCode> findFirstByPhoneOrderByIdDesc(String phone);

	long countByPhoneAndCreatedAtAfter(String phone, Instant after);

}
