package dev.shifu.platform.notification.internal;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.notification.Notifications;
import dev.shifu.platform.notification.Notifications.Template;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.platform.workflow.ProcessVariables;
import dev.shifu.workflows.ServiceOrderProcess.Beans;
import dev.shifu.workflows.ServiceOrderProcess.Inputs;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/** The process's messages to the consumer (and, on cancellation, to the assigned provider). */
@Component(Beans.NOTIFICATION)
class NotificationDelegate implements JavaDelegate {

	private final Notifications notifications;

	private final OrderLifecycle orders;

	private final NetworkDirectory network;

	private final String publicUrl;

	NotificationDelegate(Notifications notifications, OrderLifecycle orders, NetworkDirectory network,
			@Value("${shifu.public-url}") String publicUrl) {
		this.notifications = notifications;
		this.orders = orders;
		this.network = network;
		this.publicUrl = publicUrl;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long orderId = ProcessVariables.orderId(execution);
		OrderSnapshot order = orders.find(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
		Template template = Template.valueOf(ProcessVariables.input(execution, Inputs.NOTIFICATION_TEMPLATE));
		Map<String, String> parameters = new HashMap<>();
		parameters.put("order", order.externalOrderId());
		parameters.put("service", order.serviceType().name());
		parameters.put("link", publicUrl + "/c/" + order.consumerToken());
		// Who cancelled, never why: the reason is free text from a brand or a consumer.
		Object cancelledBy = execution.getVariable(Vars.CANCELLED_BY);
		parameters.put("cancelledBy", cancelledBy == null ? null : String.valueOf(cancelledBy));
		notifications.send(orderId, order.consumerPhone(), template, parameters);
		Object provider = execution.getVariable(Vars.ASSIGNED_PROVIDER_ID);
		if (template == Template.ORDER_CANCELLED && provider != null) {
			network.provider(Long.parseLong(String.valueOf(provider)))
				.filter(p -> p.contactPhone() != null)
				.ifPresent(p -> notifications.send(orderId, p.contactPhone(), template, parameters));
		}
	}

}
