package dev.shifu.platform.workflow.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.workflow.ProcessVariables;
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
		orders.recordWarning(ProcessVariables.orderId(execution), ProcessVariables.input(execution, Inputs.WARNING_LEVEL),
				ProcessVariables.input(execution, Inputs.WARNING_REASON));
	}

}
