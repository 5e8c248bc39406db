package dev.shifu.platform.workflow.internal;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.springframework.stereotype.Service;

import dev.shifu.platform.order.CancellationGuard;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.workflow.OrderProcess;
import dev.shifu.workflows.ServiceOrderProcess;
import dev.shifu.workflows.ServiceOrderProcess.Messages;

@Service
class CamundaOrderProcess implements OrderProcess, CancellationGuard {

	private final RuntimeService runtime;

	CamundaOrderProcess(RuntimeService runtime) {
		this.runtime = runtime;
	}

	@Override
	public void correlate(long orderId, String message, Map<String, Object> variables) {
		try {
			builder(orderId, message).setVariables(variables).correlate();
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw notWaiting(orderId, message);
		}
		catch (OptimisticLockingException ex) {
			throw concurrent(orderId);
		}
	}

	@Override
	public Map<String, Object> correlateAndRead(long orderId, String message, Map<String, Object> variables) {
		try {
			return builder(orderId, message).setVariables(variables).correlateWithResultAndVariables(true).getVariables();
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw notWaiting(orderId, message);
		}
		catch (OptimisticLockingException ex) {
			throw concurrent(orderId);
		}
	}

	@Override
	public void correlateMatching(long orderId, String message, String name, String value,
			Map<String, Object> variables) {
		try {
			builder(orderId, message).processInstanceVariableEquals(name, value).setVariables(variables).correlate();
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw notWaiting(orderId, message);
		}
		catch (OptimisticLockingException ex) {
			throw concurrent(orderId);
		}
	}

	@Override
	public boolean correlateIfWaiting(long orderId, String message, Map<String, Object> variables) {
		try {
			return !builder(orderId, message).setVariables(variables).correlateAllWithResult().isEmpty();
		}
		catch (OptimisticLockingException ex) {
			throw concurrent(orderId);
		}
	}

	@Override
	public boolean isWaitingFor(long orderId, String message) {
		return runtime.createEventSubscriptionQuery()
			.eventType("message")
			.eventName(message)
			.processInstanceId(instance(orderId).map(ProcessInstance::getId).orElse("-"))
			.count() > 0;
	}

	@Override
	public Optional<Object> variable(long orderId, String name) {
		return instance(orderId).map(pi -> runtime.getVariable(pi.getId(), name));
	}

	@Override
	public void installerAssigned(long orderId, long installerId) {
		instance(orderId).ifPresent(pi -> runtime.setVariable(pi.getId(), ServiceOrderProcess.Vars.ASSIGNED_INSTALLER_ID,
				String.valueOf(installerId)));
	}

	/**
	 * Once the process has left the fulfilment (the job is completed), it no longer listens for a cancellation; an
	 * order whose process has not started yet is still cancellable.
	 */
	@Override
	public void checkCancellable(long orderId) {
		if (instance(orderId).isPresent() && !isWaitingFor(orderId, Messages.ORDER_CANCELLED)) {
			throw new ConflictException("illegal-transition", "Order " + orderId + " is completed and cannot be cancelled");
		}
	}

	Optional<ProcessInstance> instance(long orderId) {
		return Optional.ofNullable(runtime.createProcessInstanceQuery()
			.processDefinitionKey(ServiceOrderProcess.PROCESS_ID)
			.processInstanceBusinessKey(String.valueOf(orderId))
			.singleResult());
	}

	private MessageCorrelationBuilder builder(long orderId, String message) {
		return runtime.createMessageCorrelation(message).processInstanceBusinessKey(String.valueOf(orderId));
	}

	/** Another step of the same order (a timer, a second request) changed it at the same moment. */
	private static ConflictException concurrent(long orderId) {
		return new ConflictException("concurrent-change", "Order " + orderId + " changed at the same moment; try again");
	}

	private static ConflictException notWaiting(long orderId, String message) {
		return new ConflictException("not-waiting", "Order " + orderId + " is not waiting for " + message + " now");
	}

}
