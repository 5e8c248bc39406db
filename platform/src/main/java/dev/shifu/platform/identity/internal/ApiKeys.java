package dev.shifu.platform.identity.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

import dev.shifu.platform.shared.Idempotency;

/** Key format {@code sk_<keyId>_<secret>}: the id is a lookup handle, the secret is compared by hash. */
final class ApiKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeys() {
	}

	record Parts(String keyId, String secret) {
	}

	static String newKey() {
		return "sk_" + random(8) + "_" + random(24);
	}

	static Optional<Parts> parse(String presented) {
		if (presented == null) {
			return Optional.empty();
		}
		String[] parts = presented.trim().split("_");
		if (parts.length != 3 || !parts[0].equals("sk") || parts[1].isEmpty() || parts[2].isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Parts(parts[1], parts[2]));
	}

	static String hash(String secret) {
		return Idempotency.sha256(secret);
	}

	static boolean matches(String secret, String expectedHash) {
		return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
				expectedHash.getBytes(StandardCharsets.US_ASCII));
	}

	private static String random(int bytes) {
		byte[] buf = new byte[bytes];
		RANDOM.nextBytes(buf);
		return HexFormat.of().formatHex(buf);
	}

}
