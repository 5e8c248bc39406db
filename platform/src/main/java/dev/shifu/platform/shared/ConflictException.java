package dev.shifu.platform.shared;

/** The request collides with the current state (illegal transition, reused idempotency key): a 409. */
public class ConflictException extends RuntimeException {

	private final String code;

	public ConflictException(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return code;
	}

}
