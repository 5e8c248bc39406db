package dev.shifu.platform.workflow.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.workflows.ServiceOrderProcess.Beans;
import dev.shifu.workflows.ServiceOrderProcess.Inputs;

@Component(Beans.SLA_WARNING)
class SlaWarningDelegate implements JavaDelegate {

	private final OrderLifecycle orders;

	SlaWarningDelegate(OrderLifecycle orders) {
		this.orders = orders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		orders.recordWarning(Delegates.orderId(execution), Delegates.input(execution, Inputs.WARNING_LEVEL),
				Delegates.input(execution, Inputs.WARNING_REASON));
	}

}
