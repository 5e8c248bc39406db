package dev.shifu.platform.dispatch.internal;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.shared.FieldError;
import dev.shifu.platform.shared.TooManyAttemptsException;
import dev.shifu.platform.shared.Idempotency;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.platform.workflow.OrderProcess;
import dev.shifu.workflows.ExceptionReason;

/**
 * A job's progress as its provider reports it, turned into process messages. A replay with the same
 * Idempotency-Key returns the first answer and does not move the process twice.
 */
@Service
class JobEvents {

	enum Type {
		EN_ROUTE, ARRIVED, STARTED, COMPLETED, EXCEPTION
	}

	record JobEvent(@NotNull Type type, @Size(max = 12) String verificationCode, ExceptionReason exceptionReason,
			@Size(max = 500) String note) {
	}

	/** A completion whose code does not match: the job is not complete, and the installer must hear why. */
	static class WrongCode extends InvalidFieldException {

		WrongCode() {
			super("verificationCode", "does not match the consumer's code");
		}

	}

	private final OrderProcess process;

	private final Idempotency idempotency;

	private final OrderLifecycle orders;

	JobEvents(OrderProcess process, Idempotency idempotency, OrderLifecycle orders) {
		this.process = process;
		this.idempotency = idempotency;
		this.orders = orders;
	}

	/** A wrong code is answered as an error but still committed: the failure is counted and the process waits on. */
	@Transactional(noRollbackFor = WrongCode.class)
	Map<String, Object> report(Actor actor, long providerId, long orderId, JobEvent event, String key) {
		if (!actor.has(Role.ADMIN) && !Long.valueOf(providerId).equals(actor.providerId())) {
			throw new NotFoundException("provider", providerId);
		}
		if (!process.assignedProviderId(orderId).map(a -> a == providerId).orElse(false)) {
			throw new NotFoundException("job", orderId);
		}
		String scope = "provider:" + providerId + ":job-events";
		String hash = Idempotency.hash(Map.of("orderId", orderId, "event", event));
		if (idempotency.previousResult(scope, key, hash).isPresent()) {
			return Map.of("orderId", orderId, "type", event.type(), "accepted", true, "replayed", true);
		}
		switch (event.type()) {
			case EN_ROUTE -> process.installerEnRoute(orderId);
			case ARRIVED -> process.installerArrived(orderId);
			case STARTED -> process.installerStarted(orderId);
			case COMPLETED -> complete(orderId, event);
			case EXCEPTION -> {
				if (event.exceptionReason() == null) {
					throw new InvalidFieldException(java.util.List.of(new FieldError("exceptionReason", "is required for an EXCEPTION")));
				}
				process.installerException(orderId, event.exceptionReason(), event.note());
			}
		}
		idempotency.remember(scope, key, hash, String.valueOf(orderId));
		return Map.of("orderId", orderId, "type", event.type(), "accepted", true);
	}

	private void complete(long orderId, JobEvent event) {
		orders.verificationLockedUntil(orderId).ifPresent(until -> {
			throw new TooManyAttemptsException("verificationCode",
					"Too many wrong codes: ask the consumer to read the code in their link, and try again later", until);
		});
		if (!process.installerCompleted(orderId, event.verificationCode())) {
			throw new WrongCode();
		}
	}

}
