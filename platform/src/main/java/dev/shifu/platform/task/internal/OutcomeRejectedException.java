package dev.shifu.platform.task.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import dev.shifu.platform.shared.FieldError;

/**
 * A task outcome the model does not allow. A {@link FormFieldValidationException}, so Camunda REST and Tasklist
 * answer 400 with the message instead of a 500, and the transaction rolls back: nothing moves on.
 */
class OutcomeRejectedException extends FormFieldValidationException {

	private final transient List<FieldError> errors;

	OutcomeRejectedException(String taskKey, List<FieldError> errors) {
		super(errors.get(0).field(), "Task " + taskKey + " cannot be completed: "
				+ errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
		this.errors = List.copyOf(errors);
	}

	List<FieldError> errors() {
		return errors;
	}

}
