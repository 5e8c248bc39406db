package dev.shifu.platform.dispatch.internal;


import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidator;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.workflow.ProcessVariables;
import dev.shifu.workflows.ServiceOrderProcess.Beans;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/**
 * Where the manual-assignment task checks its provider id: the Tasklist form's validator shows the reason in the
 * form; the complete listener refuses every other completion (engine REST, Cockpit) as a bad request, so a wrong id
 * is never an incident further on.
 */
@Configuration(proxyBeanMethods = false)
class ManualAssignmentHooks {

	@Bean(Beans.MANUAL_ASSIGNMENT_VALIDATOR)
	FormFieldValidator manualAssignmentValidator(ManualAssignments assignments) {
		return (value, context) -> {
			try {
				assignments.check(ProcessVariables.orderId(context.getExecution()), value == null ? null : String.valueOf(value));
				return true;
			}
			catch (InvalidFieldException ex) {
				throw new FormFieldValidatorException(ManualAssignments.FIELD, "Provider id", context.getConfiguration(),
						value, ex.errors().get(0).message());
			}
		};
	}

	@Bean(Beans.MANUAL_ASSIGNMENT_LISTENER)
	TaskListener manualAssignmentListener(ManualAssignments assignments, dev.shifu.platform.catalog.Regions regions) {
		return task -> {
			Object value = task.getVariable(Vars.ASSIGNED_PROVIDER_ID);
			try {
				assignments.assigned(ProcessVariables.orderId(task.getExecution()), value == null ? null : String.valueOf(value),
						ProcessVariables.date(task.getExecution(), Vars.BOOKED_DATE, regions));
			}
			catch (InvalidFieldException ex) {
				throw new BadUserRequestException(ManualAssignments.FIELD + ": " + ex.errors().get(0).message());
			}
		};
	}

}
