package dev.shifu.platform.order.internal;

import java.security.SecureRandom;
import java.util.Base64;

final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/** 32 URL-safe characters: unguessable, so the link itself is the consumer's credential. */
	static String token() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String digits(int count) {
		StringBuilder code = new StringBuilder(count);
		for (int i = 0; i < count; i++) {
			code.append(RANDOM.nextInt(10));
		}
		return code.toString();
	}

}
