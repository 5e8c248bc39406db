package dev.shifu.platform.installer.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.network.InstallerView;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.network.PartnerStatus;
import dev.shifu.platform.network.ProviderView;
import dev.shifu.platform.shared.Idempotency;
import dev.shifu.platform.shared.PhoneNumbers;
import dev.shifu.platform.shared.TooManyAttemptsException;

/**
 * Installer sign-in: phone and password, or a one-time code sent through the notification outbox. A sign-in opens a
 * session; its access tokens are short-lived JWTs and its refresh tokens rotate. A refresh token presented twice
 * means a copy is about: the whole session is revoked. Every request checks the session and that the installer and
 * the provider are still active, so a suspension locks out at once.
 */
@Service
@Transactional(noRollbackFor = { BadCredentialsException.class, TooManyAttemptsException.class })
class MobileAuth {

	static final String SESSION_CLAIM = "sid";

	static final String PROVIDER_CLAIM = "pid";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Compared against when the phone is unknown, so a miss takes as long as a wrong password. */
	private final String dummyHash;

	private final InstallerCredentialRepository credentials;

	private final InstallerSessionRepository sessions;

	private final RefreshTokenRepository refreshTokens;

	private final LoginCodeRepository codes;

	private final NetworkDirectory network;

	private final PasswordEncoder passwords;

	private final JwtEncoder jwt;

	private final MobileAuthSettings settings;

	private final LoginCodeSender codeSender;

	private final LoginCodeDigest codeDigest;

	MobileAuth(InstallerCredentialRepository credentials, InstallerSessionRepository sessions,
			RefreshTokenRepository refreshTokens, LoginCodeRepository codes, NetworkDirectory network,
			PasswordEncoder passwords, JwtEncoder jwt, MobileAuthSettings settings, LoginCodeSender codeSender,
			LoginCodeDigest codeDigest) {
		this.credentials = credentials;
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.codes = codes;
		this.network = network;
		this.passwords = passwords;
		this.jwt = jwt;
		this.settings = settings;
		this.codeSender = codeSender;
		this.codeDigest = codeDigest;
		this.dummyHash = passwords.encode("not-a-password-" + RANDOM.nextLong());
	}

	/** What a sign-in or refresh hands out; the refresh token is shown only here. */
	record Tokens(String accessToken, long expiresInSeconds, String refreshToken, long refreshExpiresInSeconds) {
	}

	/** The signed-in installer behind a request. */
	record MobileInstaller(Actor actor, long installerId, long providerId, String sessionId, boolean canAnswerOffers)
			implements dev.shifu.platform.identity.CurrentActor.ActorHolder {
	}

	Tokens login(String rawPhone, String password, String deviceName) {
		String phone = PhoneNumbers.normalise("phone", rawPhone);
		Optional<InstallerCredential> credential = credentials.findByPhone(phone);
		String hash = credential.map(InstallerCredential::getPasswordHash).orElse(null);
		boolean matches = passwords.matches(password, hash == null ? dummyHash : hash) && hash != null;
		if (!matches) {
			throw new BadCredentialsException("wrong phone or password");
		}
		return openSession(credential.get().getInstallerId(), deviceName);
	}

	/** Queues a code when the phone belongs to an installer; answers the same either way. */
	long requestCode(String rawPhone) {
		String phone = PhoneNumbers.normalise("phone", rawPhone);
		Instant now = Instant.now();
		if (codes.countByPhoneAndCreatedAtAfter(phone, now.minusSeconds(3600)) >= settings.codesPerHour()) {
			throw new TooManyAttemptsException("phone", "too many codes requested; try again later", now.plusSeconds(3600));
		}
		if (credentials.findByPhone(phone).flatMap(c -> active(c.getInstallerId())).isPresent()) {
			String code = String.format("%06d", RANDOM.nextInt(1_000_000));
			codes.save(new LoginCode(phone, codeDigest.digest(phone, code), now.plus(settings.codeTtl())));
			codeSender.send(phone, code);
		}
		return settings.codeTtl().toSeconds();
	}

	Tokens loginWithCode(String rawPhone, String code, String deviceName) {
		String phone = PhoneNumbers.normalise("phone", rawPhone);
		LoginCode stored = codes.findFirstByPhoneOrderByIdDesc(phone)
			.filter(c -> c.usable(Instant.now(), settings.codeAttempts()))
			.orElseThrow(() -> new BadCredentialsException("no valid code"));
		if (!stored.tryCode(codeDigest.digest(phone, code == null ? "" : code))) {
			throw new BadCredentialsException("wrong code");
		}
		InstallerCredential credential = credentials.findByPhone(phone)
			.orElseThrow(() -> new BadCredentialsException("unknown phone"));
		return openSession(credential.getInstallerId(), deviceName);
	}

	Tokens refresh(String presented) {
		RefreshToken token = refreshTokens.findByTokenHash(Idempotency.sha256(presented))
			.orElseThrow(() -> new BadCredentialsException("unknown refresh token"));
		InstallerSession session = sessions.findById(token.getSessionId())
			.orElseThrow(() -> new BadCredentialsException("unknown session"));
		if (token.isUsed()) {
			// A used token again: someone holds a copy. End the session for both of them.
			session.revoke("REFRESH_TOKEN_REUSE");
			throw new BadCredentialsException("refresh token reused; session revoked");
		}
		if (!session.isActive() || token.isExpired(Instant.now())) {
			throw new BadCredentialsException("session ended");
		}
		token.use();
		MobileInstaller who = check(session);
		return issue(session, who);
	}

	void logout(String sessionId) {
		sessions.findById(sessionId).ifPresent(s -> s.revoke("LOGOUT"));
	}

	/** Whether the session still lets its installer in (alive, installer and provider active): long streams ask it. */
	@Transactional(readOnly = true)
	boolean admits(String sessionId) {
		return sessions.findById(sessionId)
			.filter(InstallerSession::isActive)
			.flatMap(s -> active(s.getInstallerId()))
			.isPresent();
	}

	/** The per-request check behind every bearer token: the session lives, the installer and provider are active. */
	@Transactional(readOnly = true)
	MobileInstaller authenticate(Jwt token) {
		String sessionId = token.getClaimAsString(SESSION_CLAIM);
		InstallerSession session = sessionId == null ? null : sessions.findById(sessionId).orElse(null);
		if (session == null || !session.isActive() || !String.valueOf(session.getInstallerId()).equals(token.getSubject())) {
			throw new BadCredentialsException("session ended");
		}
		return check(session);
	}

	private MobileInstaller check(InstallerSession session) {
		InstallerView installer = active(session.getInstallerId())
			.orElseThrow(() -> new org.springframework.security.authentication.DisabledException("installer or provider suspended"));
		boolean admin = credentials.findById(installer.id()).map(InstallerCredential::isProviderAdmin).orElse(false);
		boolean solo = network.activeInstallers(installer.providerId()).size() == 1;
		Actor actor = new Actor("installer:" + installer.id(), Set.of(Role.INSTALLER), null, installer.providerId(),
				installer.id());
		return new MobileInstaller(actor, installer.id(), installer.providerId(), session.getId(), admin || solo);
	}

	private Optional<InstallerView> active(long installerId) {
		return network.installer(installerId)
			.filter(i -> i.status() == PartnerStatus.ACTIVE)
			.filter(i -> network.provider(i.providerId()).map(ProviderView::status).orElse(null) == PartnerStatus.ACTIVE);
	}

	private Tokens openSession(long installerId, String deviceName) {
		InstallerView installer = active(installerId)
			.orElseThrow(() -> new BadCredentialsException("installer or provider suspended"));
		InstallerSession session = sessions.save(new InstallerSession(installerId, installer.providerId(), deviceName));
		return issue(session, check(session));
	}

	private Tokens issue(InstallerSession session, MobileInstaller who) {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("shifu-mobile")
			.subject(String.valueOf(who.installerId()))
			.issuedAt(now)
			.expiresAt(now.plus(settings.accessTokenTtl()))
			.id(java.util.UUID.randomUUID().toString())
			.claims(c -> c.putAll(Map.of(SESSION_CLAIM, session.getId(), PROVIDER_CLAIM, who.providerId())))
			.build();
		String access = jwt.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		refreshTokens.save(new RefreshToken(session.getId(), Idempotency.sha256(refresh), now.plus(settings.refreshTokenTtl())));
		return new Tokens(access, settings.accessTokenTtl().toSeconds(), refresh, settings.refreshTokenTtl().toSeconds());
	}

}
