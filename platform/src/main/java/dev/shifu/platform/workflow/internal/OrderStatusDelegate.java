package dev.shifu.platform.workflow.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.workflow.ProcessVariables;
import dev.shifu.workflows.ServiceOrderProcess.Beans;
import dev.shifu.workflows.ServiceOrderProcess.Inputs;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/** Keeps the order's status and history in step with the process; the order publishes the status-change event. */
@Component(Beans.ORDER_STATUS)
class OrderStatusDelegate implements JavaDelegate {

	private final OrderLifecycle orders;

	private final Regions regions;

	OrderStatusDelegate(OrderLifecycle orders, Regions regions) {
		this.orders = orders;
		this.regions = regions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		OrderStatus status = OrderStatus.valueOf(ProcessVariables.input(execution, Inputs.NEW_STATUS));
		orders.applyStatus(ProcessVariables.orderId(execution), status, "workflow", reason(execution, status, regions));
	}

	/** Why the order moved, from whatever the process knows at this step. */
	static String reason(DelegateExecution execution, OrderStatus status, Regions regions) {
		return switch (status) {
			case BOOKED -> "booked for " + ProcessVariables.date(execution, Vars.BOOKED_DATE, regions);
			case ASSIGNED -> "accepted by provider " + ProcessVariables.text(execution, Vars.ASSIGNED_PROVIDER_ID);
			case AWAITING_BOOKING -> execution.hasVariable(Vars.EXCEPTION_REASON)
					? "revisit: " + ProcessVariables.text(execution, Vars.EXCEPTION_REASON) : "booking link sent";
			case RATED -> "rated " + ProcessVariables.text(execution, Vars.RATING_STARS) + " stars";
			case CANCELLED -> "cancelled by " + ProcessVariables.text(execution, Vars.CANCELLED_BY) + ": "
					+ ProcessVariables.text(execution, Vars.CANCEL_REASON);
			default -> null;
		};
	}

}
