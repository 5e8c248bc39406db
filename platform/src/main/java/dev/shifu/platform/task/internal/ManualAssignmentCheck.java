package dev.shifu.platform.task.internal;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.shifu.platform.dispatch.ManualAssignment;
import dev.shifu.platform.shared.FieldError;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.workflows.ServiceOrderProcess.Elements;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/**
 * The provider a dispatcher assigns by hand must be one dispatch finds eligible for the order (exists, active, covers
 * the address, may serve the brand, has the skills); a free-text id used to become an incident. Dispatch owns the
 * rule, so the Tasklist form, the engine REST API and the staff task API all refuse the same values.
 */
@Component
class ManualAssignmentCheck implements OutcomeCheck {

	private final ManualAssignment assignments;

	ManualAssignmentCheck(ManualAssignment assignments) {
		this.assignments = assignments;
	}

	@Override
	public String taskKey() {
		return Elements.ASSIGN_MANUALLY_TASK;
	}

	@Override
	public Optional<FieldError> check(Function<String, Object> variables) {
		Object value = variables.apply(Vars.ASSIGNED_PROVIDER_ID);
		if (value == null || value.toString().isBlank()) {
			return Optional.empty(); // the form's "required" answers this
		}
		try {
			assignments.check(Long.parseLong(String.valueOf(variables.apply(Vars.ORDER_ID))), value.toString());
			return Optional.empty();
		}
		catch (InvalidFieldException ex) {
			return Optional.of(new FieldError(Vars.ASSIGNED_PROVIDER_ID, ex.errors().get(0).message()));
		}
	}

}
