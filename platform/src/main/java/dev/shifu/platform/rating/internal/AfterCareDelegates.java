package dev.shifu.platform.rating.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shifu.platform.dispatch.ReworkPolicy;
import dev.shifu.platform.network.NetworkAdministration;
import dev.shifu.platform.webhook.BrandWebhooks;
import dev.shifu.platform.workflow.ProcessVariables;
import dev.shifu.workflows.ServiceOrderProcess.Beans;
import dev.shifu.workflows.ServiceOrderProcess.Inputs;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/** Complaints and rework, credited to the installer who did the visit. */
@Configuration(proxyBeanMethods = false)
class AfterCareDelegates {

	/**
	 * Opens the complaint, credits it to the lead installer, and tells the brand ({@code order.complaint_opened}) in
	 * the same transaction: the webhook row commits with the complaint or not at all, once per complaint.
	 */
	@Bean(Beans.COMPLAINT)
	JavaDelegate complaintDelegate(ComplaintRepository complaints, ServedBy servedBy, NetworkAdministration network,
			BrandWebhooks webhooks) {
		return execution -> {
			long orderId = ProcessVariables.orderId(execution);
			String source = String.valueOf(execution.getVariableLocal(Inputs.COMPLAINT_SOURCE));
			boolean lowRating = "LOW_RATING".equals(source);
			String details = lowRating
					? execution.getVariable(Vars.RATING_STARS) + " stars; " + text(execution, Vars.RATING_TAGS) + "; "
							+ text(execution, Vars.RATING_COMMENT)
					: text(execution, Vars.RETURN_VISIT_NOTE);
			Long installer = servedBy.lead(orderId, ProcessVariables.number(execution, Vars.ASSIGNED_INSTALLER_ID));
			Complaint complaint = complaints.save(new Complaint(orderId, installer, source, details));
			if (installer != null) {
				network.recordComplaint(installer);
			}
			execution.setVariable("complaintId", String.valueOf(complaint.getId()));
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("complaintId", complaint.getId());
			data.put("source", source);
			if (lowRating) {
				data.put("stars", ProcessVariables.number(execution, Vars.RATING_STARS));
				String tags = text(execution, Vars.RATING_TAGS);
				data.put("tags", tags.isEmpty() ? List.of() : List.of(tags.split(",")));
				// The consumer's own words, kept for the brand's follow-up; the body's HTML-safe escaping defuses markup.
				data.put("comment", text(execution, Vars.RATING_COMMENT));
			}
			else {
				data.put("note", text(execution, Vars.RETURN_VISIT_NOTE));
			}
			webhooks.enqueue(Long.parseLong(ProcessVariables.text(execution, Vars.BRAND_ID)),
					BrandWebhooks.ORDER_COMPLAINT_OPENED, orderId, data, "complaint:" + complaint.getId());
		};
	}

	/**
	 * Counts the rework against every installer of the visit's crew, and says who should do it: by the brand's
	 * policy the same installer (preferred) or, by default, someone else (the original installer avoided).
	 */
	@Bean(Beans.REWORK)
	JavaDelegate reworkDelegate(ReworkRepository reworks, ServedBy servedBy, NetworkAdministration network,
			ReworkPolicy policy) {
		return execution -> {
			long orderId = ProcessVariables.orderId(execution);
			Long providerId = ProcessVariables.number(execution, Vars.ASSIGNED_PROVIDER_ID);
			List<Long> crew = servedBy.crew(orderId, ProcessVariables.number(execution, Vars.ASSIGNED_INSTALLER_ID));
			if (crew.isEmpty()) {
				reworks.save(new Rework(orderId, null, providerId));
			}
			for (Long installer : crew) {
				reworks.save(new Rework(orderId, installer, providerId));
				network.recordRework(installer);
			}
			String lead = crew.isEmpty() ? null : String.valueOf(crew.get(0));
			boolean same = policy.reworkBySameInstaller(Long.parseLong(ProcessVariables.text(execution, Vars.BRAND_ID)));
			execution.setVariable(Vars.PREFERRED_INSTALLER_ID, same ? lead : null);
			execution.setVariable(Vars.AVOIDED_INSTALLER_ID, same ? null : lead);
		};
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? "" : String.valueOf(value);
	}

}
