package dev.shifu.platform.shared;

import java.time.Instant;

/** Too many failed attempts at a guarded action (a wrong completion code): a 429 until {@code retryAfter}. */
public class TooManyAttemptsException extends RuntimeException {

	private final String field;

	private final Instant retryAfter;

	public TooManyAttemptsException(String field, String message, Instant retryAfter) {
		super(message);
		this.field = field;
		this.retryAfter = retryAfter;
	}

	public String field() {
		return field;
	}

	public Instant retryAfter() {
		return retryAfter;
	}

}
