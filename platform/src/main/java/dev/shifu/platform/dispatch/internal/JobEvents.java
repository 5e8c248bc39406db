package dev.shifu.platform.dispatch.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.dispatch.VisitRecord;
import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.network.PartnerStatus;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.schedule.PlannedVisits;
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

	/**
	 * {@code installerId}: who does the visit (the crew's lead), when the provider sends someone else than the plan
	 * did; without it the plan's installer (or crew) is recorded.
	 */
	record JobEvent(@NotNull Type type, @Size(max = 12) String verificationCode, ExceptionReason exceptionReason,
			@Size(max = 500) String note, Long installerId) {
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

	private final Visits visits;

	private final PlannedVisits plan;

	private final NetworkDirectory network;

	JobEvents(OrderProcess process, Idempotency idempotency, OrderLifecycle orders, Visits visits, PlannedVisits plan,
			NetworkDirectory network) {
		this.process = process;
		this.idempotency = idempotency;
		this.orders = orders;
		this.visits = visits;
		this.plan = plan;
		this.network = network;
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
		recordInstaller(providerId, orderId, event.installerId());
		switch (event.type()) {
			case EN_ROUTE -> process.installerEnRoute(orderId);
			case ARRIVED -> process.installerArrived(orderId);
			case STARTED -> process.installerStarted(orderId);
			case COMPLETED -> complete(orderId, event);
			case EXCEPTION -> {
				if (event.exceptionReason() == null) {
					throw new InvalidFieldException(List.of(new FieldError("exceptionReason", "is required for an EXCEPTION")));
				}
				process.installerException(orderId, event.exceptionReason(), event.note());
				if (event.exceptionReason() == ExceptionReason.GOODS_DAMAGED) {
					// The brand reports the replacement goods against the order, as it did the first goods.
					orders.goodsDamaged(orderId);
				}
			}
		}
		idempotency.remember(scope, key, hash, String.valueOf(orderId));
		return Map.of("orderId", orderId, "type", event.type(), "accepted", true);
	}

	/**
	 * Who does the visit: the installer the provider names, else the crew the live plan sent. Recorded on the visit
	 * and told to the process, so a revisit prefers them and ratings, complaints and rework are credited to them.
	 */
	private void recordInstaller(long providerId, long orderId, Long reported) {
		List<Long> crew;
		VisitRecord.Source source;
		if (reported != null) {
			network.installer(reported)
				.filter(i -> i.providerId() == providerId && i.status() == PartnerStatus.ACTIVE)
				.orElseThrow(() -> new InvalidFieldException("installerId", "is not an active installer of provider " + providerId));
			crew = List.of(reported);
			source = VisitRecord.Source.REPORTED;
		}
		else {
			crew = plan.crewOf(orderId);
			source = VisitRecord.Source.PLAN;
		}
		visits.served(orderId, crew, source);
		visits.current(orderId).flatMap(VisitRecord::leadInstaller).ifPresent(lead -> process.installerAssigned(orderId, lead));
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
