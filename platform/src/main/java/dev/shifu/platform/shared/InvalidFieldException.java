package dev.shifu.platform.shared;

import java.util.List;

/** A request that is well-formed but names a value the domain rejects; becomes a 400 with the fields. */
public class InvalidFieldException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidFieldException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	public InvalidFieldException(List<FieldError> errors) {
		super(errors.isEmpty() ? "invalid request" : errors.get(0).field() + ": " + errors.get(0).message());
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

}
