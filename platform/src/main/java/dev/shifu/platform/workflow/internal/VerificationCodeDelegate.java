package dev.shifu.platform.workflow.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.workflow.ProcessVariables;
import dev.shifu.workflows.ServiceOrderProcess.Beans;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/** Runs in the transaction that delivers the installer's completion, so the installer hears at once. */
@Component(Beans.VERIFICATION_CODE)
class VerificationCodeDelegate implements JavaDelegate {

	private final OrderLifecycle orders;

	VerificationCodeDelegate(OrderLifecycle orders) {
		this.orders = orders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		boolean valid = orders.checkVerificationCode(ProcessVariables.orderId(execution),
				ProcessVariables.text(execution, Vars.VERIFICATION_CODE));
		execution.setVariable(Vars.VERIFICATION_CODE_VALID, valid);
	}

}
