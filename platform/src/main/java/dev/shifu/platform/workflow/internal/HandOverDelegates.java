package dev.shifu.platform.workflow.internal;

import org.camunda.bpm.engine.delegate.JavaDelegate;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.order.JobId;
import dev.shifu.platform.webhook.BrandWebhooks;
import dev.shifu.platform.workflow.WorkflowEvents;
import dev.shifu.platform.workflow.ProcessVariables;
import dev.shifu.workflows.ServiceOrderProcess.Beans;
import dev.shifu.workflows.ServiceOrderProcess.Inputs;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/**
 * Steps where the process hands work to another context: they publish an event in the process transaction, so the
 * hand-over commits with the process step and reaches its listener through the event publication registry.
 */
@Configuration(proxyBeanMethods = false)
class HandOverDelegates {

	/** The schedule (planner issue) plans the visit; the job id is the order's {@link JobId}. */
	@Bean(Beans.SCHEDULE_JOB)
	JavaDelegate scheduleJobDelegate(ApplicationEventPublisher events, Regions regions) {
		return execution -> {
			long orderId = ProcessVariables.orderId(execution);
			String visitType = ProcessVariables.input(execution, Inputs.VISIT_TYPE);
			// The schedule's id of the visit: one scheme everywhere (an order has one open visit at a time).
			String jobId = JobId.of(orderId).value();
			execution.setVariable(Vars.SCHEDULED_JOB_ID, jobId);
			events.publishEvent(new WorkflowEvents.JobToSchedule(orderId, jobId,
					ProcessVariables.number(execution, Vars.ASSIGNED_PROVIDER_ID), ProcessVariables.date(execution, Vars.BOOKED_DATE, regions),
					visitType, ProcessVariables.number(execution, Vars.PREFERRED_INSTALLER_ID),
					visitType.equals("REWORK") ? ProcessVariables.number(execution, Vars.AVOIDED_INSTALLER_ID) : null));
		};
	}

	@Bean(Beans.BOOKING_RELEASE)
	JavaDelegate bookingReleaseDelegate(ApplicationEventPublisher events, Regions regions) {
		return execution -> events.publishEvent(new WorkflowEvents.BookingReleased(ProcessVariables.orderId(execution),
				ProcessVariables.text(execution, Vars.SCHEDULED_JOB_ID), ProcessVariables.date(execution, Vars.BOOKED_DATE, regions)));
	}

	/** Damaged goods: the brand must send replacements, so it hears at once, once per revisit. */
	@Bean(Beans.BRAND_WEBHOOK)
	JavaDelegate brandWebhookDelegate(BrandWebhooks webhooks) {
		return execution -> {
			long orderId = ProcessVariables.orderId(execution);
			String event = ProcessVariables.input(execution, Inputs.WEBHOOK_EVENT);
			String type = "GOODS_DAMAGED".equals(event) ? BrandWebhooks.ORDER_GOODS_DAMAGED : "order." + event.toLowerCase();
			Long revisits = ProcessVariables.number(execution, Vars.REVISIT_COUNT);
			Map<String, Object> data = new HashMap<>();
			data.put("note", ProcessVariables.text(execution, Vars.EXCEPTION_NOTE));
			data.put("visit", revisits == null ? 0 : revisits);
			webhooks.enqueue(Long.parseLong(ProcessVariables.text(execution, Vars.BRAND_ID)), type, orderId, data,
					orderId + ":" + type + ":" + data.get("visit"));
		};
	}

}
