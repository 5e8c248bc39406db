package dev.shifu.platform.shared;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/** Bean Validation for objects built by hand (CSV rows), reported with the same field paths as JSON requests. */
@Component
public class RequestValidation {

	private final Validator validator;

	RequestValidation(Validator validator) {
		this.validator = validator;
	}

	public List<FieldError> errors(Object request) {
		return validator.validate(request)
			.stream()
			.map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
			.sorted(Comparator.comparing(FieldError::field))
			.toList();
	}

}
