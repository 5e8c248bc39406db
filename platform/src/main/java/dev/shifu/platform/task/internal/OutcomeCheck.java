package dev.shifu.platform.task.internal;

import java.util.Optional;
import java.util.function.Function;

import dev.shifu.platform.shared.FieldError;

/** A rule on a task's outcome beyond what its form declares (e.g. the chosen provider must exist). */
interface OutcomeCheck {

	/** The user task this check applies to. */
	String taskKey();

	Optional<FieldError> check(Function<String, Object> variables);

}
