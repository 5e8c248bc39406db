package dev.shifu.platform.rating.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shifu.platform.workflow.ProcessVariables;
import dev.shifu.workflows.ServiceOrderProcess.Beans;
import dev.shifu.workflows.ServiceOrderProcess.Inputs;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

@Configuration(proxyBeanMethods = false)
class AfterCareDelegates {

	@Bean(Beans.COMPLAINT)
	JavaDelegate complaintDelegate(ComplaintRepository complaints) {
		return execution -> {
			String source = String.valueOf(execution.getVariableLocal(Inputs.COMPLAINT_SOURCE));
			String details = "LOW_RATING".equals(source)
					? execution.getVariable(Vars.RATING_STARS) + " stars; " + text(execution, Vars.RATING_TAGS) + "; "
							+ text(execution, Vars.RATING_COMMENT)
					: text(execution, Vars.RETURN_VISIT_NOTE);
			Complaint complaint = complaints.save(new Complaint(ProcessVariables.orderId(execution), ProcessVariables.number(execution, Vars.ASSIGNED_INSTALLER_ID),
					source, details));
			execution.setVariable("complaintId", String.valueOf(complaint.getId()));
		};
	}

	@Bean(Beans.REWORK)
	JavaDelegate reworkDelegate(ReworkRepository reworks) {
		return execution -> reworks.save(new Rework(ProcessVariables.orderId(execution), ProcessVariables.number(execution, Vars.ASSIGNED_INSTALLER_ID),
				ProcessVariables.number(execution, Vars.ASSIGNED_PROVIDER_ID)));
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? "" : String.valueOf(value);
	}

}
