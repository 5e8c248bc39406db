package dev.shifu.platform.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets and signatures. A secret is {@code whsec_} and 32 random bytes in hex; the HMAC key is the UTF-8 bytes of
 * the whole secret string. The signature is {@code v1=} and the hex HMAC-SHA256 of {@code timestamp + "." + body},
 * the timestamp in epoch seconds as sent in {@code Shifu-Timestamp}.
 */
final class WebhookSigning {

	static final String SECRET_PREFIX = "whsec_";

	static final String VERSION = "v1=";

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSigning() {
	}

	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return SECRET_PREFIX + HexFormat.of().formatHex(bytes);
	}

	/** Enough to tell two secrets apart, not enough to use one: {@code whsec_…1a2b}. */
	static String hint(String secret) {
		return SECRET_PREFIX + "…" + secret.substring(secret.length() - 4);
	}

	static String signature(String secret, long timestamp, String body) {
		return VERSION + hmacSha256Hex(secret, timestamp + "." + body);
	}

	static String hmacSha256Hex(String key, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
