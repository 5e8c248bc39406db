package dev.shifu.platform.task.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.shifu.platform.shared.FieldError;

/**
 * Validates every user task's outcome where the process takes it, whatever the path: a built-in {@code complete}
 * listener (custom-listener skipping cannot switch it off) checks the variables against the task's
 * {@code camunda:formData} (required, enum values, types) and the {@link OutcomeCheck}s for that task, so
 * {@code /engine-rest} can no longer close an order with an outcome {@code MAYBE}; and the task's form handler checks
 * a Tasklist form submit the same way before Camunda converts it (where a bad enum value was a 500). Added by parse
 * listener for every user task of every model, so the BPMN needs no listener of its own.
 */
@Component
class TaskOutcomeValidation extends AbstractProcessEnginePlugin {

	private final ObjectProvider<OutcomeCheck> checks;

	TaskOutcomeValidation(ObjectProvider<OutcomeCheck> checks) {
		this.checks = checks;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired().add(new UnwrapRejection());
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
					Rules rules = new Rules(activity.getId(), FormFieldRule.of(userTask), checks);
					TaskDefinition definition = behavior.getTaskDefinition();
					definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, rules);
					definition.setTaskFormHandler(new CheckedFormHandler(definition.getTaskFormHandler(), rules));
				}
			}

		});
	}

	/**
	 * The engine wraps whatever a task listener throws (ENGINE-03051), which Camunda REST answers with a 500. Outside
	 * the transaction (it has rolled back by then), this hands the rejection itself on, so every caller sees a
	 * {@link org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException}: a 400 with our message.
	 */
	static final class UnwrapRejection extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			try {
				return next.execute(command);
			}
			catch (ProcessEngineException ex) {
				for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
					if (cause instanceof OutcomeRejectedException rejected) {
						throw rejected;
					}
				}
				throw ex;
			}
		}

	}

	/** The rules of one user task. */
	record Rules(String taskKey, List<FormFieldRule> fields, ObjectProvider<OutcomeCheck> checks) implements TaskListener {

		@Override
		public void notify(DelegateTask task) {
			List<FieldError> errors = new ArrayList<>();
			for (FormFieldRule field : fields) {
				field.check(task.getVariable(field.id())).ifPresent(errors::add);
			}
			checks.orderedStream()
				.filter(check -> check.taskKey().equals(taskKey))
				.forEach(check -> check.check(task::getVariable).ifPresent(errors::add));
			if (!errors.isEmpty()) {
				throw new OutcomeRejectedException(taskKey, errors);
			}
		}

		/** A form submit: the submitted values, before Camunda's own conversion. */
		void checkSubmitted(VariableMap submitted) {
			List<FieldError> errors = new ArrayList<>();
			for (FormFieldRule field : fields) {
				if (submitted.containsKey(field.id())) {
					field.check(submitted.get(field.id())).ifPresent(errors::add);
				}
			}
			if (!errors.isEmpty()) {
				throw new OutcomeRejectedException(taskKey, errors);
			}
		}

	}

	/** Camunda's form handler with our checks in front of its conversion. */
	record CheckedFormHandler(TaskFormHandler delegate, Rules rules) implements TaskFormHandler {

		@Override
		public TaskFormData createTaskForm(TaskEntity task) {
			return delegate.createTaskForm(task);
		}

		@Override
		public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity definition,
				BpmnParse parse) {
			delegate.parseConfiguration(element, deployment, definition, parse);
		}

		@Override
		public void submitFormVariables(VariableMap properties, VariableScope scope) {
			rules.checkSubmitted(properties);
			delegate.submitFormVariables(properties, scope);
		}

	}

}
