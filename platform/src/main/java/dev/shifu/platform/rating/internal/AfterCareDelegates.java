package dev.shifu.platform.rating.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shifu.platform.schedule.PlannedVisits;
import dev.shifu.platform.workflow.ProcessVariables;
import dev.shifu.workflows.ServiceOrderProcess.Beans;
import dev.shifu.workflows.ServiceOrderProcess.Inputs;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

@Configuration(proxyBeanMethods = false)
class AfterCareDelegates {

	@Bean(Beans.COMPLAINT)
	JavaDelegate complaintDelegate(ComplaintRepository complaints, PlannedVisits visits) {
		return execution -> {
			String source = String.valueOf(execution.getVariableLocal(Inputs.COMPLAINT_SOURCE));
			String details = "LOW_RATING".equals(source)
					? execution.getVariable(Vars.RATING_STARS) + " stars; " + text(execution, Vars.RATING_TAGS) + "; "
							+ text(execution, Vars.RATING_COMMENT)
					: text(execution, Vars.RETURN_VISIT_NOTE);
			Complaint complaint = complaints.save(new Complaint(ProcessVariables.orderId(execution),
					installer(execution, visits), source, details));
			execution.setVariable("complaintId", String.valueOf(complaint.getId()));
		};
	}

	@Bean(Beans.REWORK)
	JavaDelegate reworkDelegate(ReworkRepository reworks, PlannedVisits visits) {
		return execution -> reworks.save(new Rework(ProcessVariables.orderId(execution), installer(execution, visits),
				ProcessVariables.number(execution, Vars.ASSIGNED_PROVIDER_ID)));
	}

	/** The installer the process knows of, else the one the stored plan sent. */
	private static Long installer(DelegateExecution execution, PlannedVisits visits) {
		Long known = ProcessVariables.number(execution, Vars.ASSIGNED_INSTALLER_ID);
		return known != null ? known : visits.installerOf(ProcessVariables.orderId(execution)).orElse(null);
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? "" : String.valueOf(value);
	}

}
