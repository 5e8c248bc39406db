package dev.shifu.platform.shared;

/** A body or batch over the configured limit: a 413 naming what was too large. */
public class PayloadTooLargeException extends RuntimeException {

	private final String field;

	public PayloadTooLargeException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
