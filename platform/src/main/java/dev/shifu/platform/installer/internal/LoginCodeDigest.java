package dev.shifu.platform.installer.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import dev.shifu.platform.installer.internal.MobileSecurityConfig.MobileJwtKey;

/**
 * What a one-time login code is kept as: an HMAC-SHA256 under a server secret, over the phone and the code. A plain
 * hash of six digits falls to a million guesses by whoever reads the table or a backup; without the secret, the
 * stored value says nothing. The key is derived from the installer token secret ({@code shifu.mobile.auth.jwt-secret}),
 * so every node that can verify a token can verify a code, and a random token key (one node, tests) gives a random
 * code key too; codes live minutes, so a restart losing them costs one new SMS.
 */
@Component
class LoginCodeDigest {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKey key;

	LoginCodeDigest(MobileJwtKey jwtKey) {
		// A key of its own (HMAC of a fixed label under the token key), so a code digest can never pass for a token
		// signature or the other way round.
		this.key = new SecretKeySpec(mac(jwtKey.key(), "shifu/installer-login-code/v1"), ALGORITHM);
	}

	/** @return the hex digest to store (64 characters) */
	String digest(String phone, String code) {
		return HexFormat.of().formatHex(mac(key, phone + "\n" + code));
	}

	/** Compares in constant time, so the time of a miss does not tell how much of the digest matched. */
	static boolean same(String storedDigest, String candidateDigest) {
		return MessageDigest.isEqual(storedDigest.getBytes(StandardCharsets.US_ASCII),
				candidateDigest.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] mac(SecretKey key, String text) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
