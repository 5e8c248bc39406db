package dev.shifu.platform.shared;

/** A part or body of a type the endpoint does not take (e.g. a photo that is not an image): a 415 naming it. */
public class UnsupportedContentException extends RuntimeException {

	private final String field;

	public UnsupportedContentException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
