package dev.shifu.platform.workflow.internal;

import java.sql.SQLTransactionRollbackException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;

import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.order.ProcessCancellation;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.workflow.OrderProcess;
import dev.shifu.platform.workflow.ProcessVariables;
import dev.shifu.workflows.ExceptionReason;
import dev.shifu.workflows.ServiceOrderProcess;
import dev.shifu.workflows.ServiceOrderProcess.Messages;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/**
 * The only place that knows the model's message names and payload variables. Each message is correlated by
 * business key (the order id) in the caller's transaction; a message the process is not waiting for, or a clash
 * with another step of the same order (Camunda's optimistic lock, a database lock conflict), is a 409.
 */
@Service
class CamundaOrderProcess implements OrderProcess, ProcessCancellation {

	private final RuntimeService runtime;

	private final HistoryService history;

	private final ProcessClaims claims;

	private final Regions regions;

	private final org.camunda.bpm.engine.ManagementService management;

	/** The progress steps that run asynchronously after each installer report, before the process listens again. */
	private static final java.util.List<String> PROGRESS_STEPS = java.util.List.of("StatusEnRouteTask", "StatusArrivedTask",
			"StatusStartedTask");

	CamundaOrderProcess(RuntimeService runtime, HistoryService history, ProcessClaims claims,
			Regions regions, org.camunda.bpm.engine.ManagementService management) {
		this.management = management;
		this.runtime = runtime;
		this.history = history;
		this.claims = claims;
		this.regions = regions;
	}

	@Override
	public boolean awaitsBooking(long orderId) {
		return isWaitingFor(orderId, Messages.BOOKING_CONFIRMED);
	}

	@Override
	public boolean acceptsBookingChange(long orderId) {
		return isWaitingFor(orderId, Messages.BOOKING_CHANGED);
	}

	@Override
	public void visitBooked(long orderId, LocalDate day) {
		correlate(orderId, Messages.BOOKING_CONFIRMED, Map.of(Vars.BOOKED_DATE, startOf(orderId, day)));
	}

	@Override
	public void visitMoved(long orderId, LocalDate day) {
		correlate(orderId, Messages.BOOKING_CHANGED, Map.of(Vars.BOOKED_DATE, startOf(orderId, day)));
	}

	/** Goods can arrive while nothing waits for them (already noted, or before booking): not an error. */
	@Override
	public void goodsArrived(long orderId) {
		guarded(orderId, Messages.GOODS_ARRIVED, () -> builder(orderId, Messages.GOODS_ARRIVED).correlateAllWithResult());
	}

	@Override
	public void offerAccepted(long orderId, long providerId) {
		correlateOffer(orderId, Messages.OFFER_ACCEPTED, providerId);
	}

	@Override
	public void offerDeclined(long orderId, long providerId) {
		correlateOffer(orderId, Messages.OFFER_DECLINED, providerId);
	}

	@Override
	public void installerEnRoute(long orderId) {
		catchUpProgress(orderId);
		correlate(orderId, Messages.INSTALLER_EN_ROUTE, Map.of());
	}

	@Override
	public void installerArrived(long orderId) {
		catchUpProgress(orderId);
		correlate(orderId, Messages.INSTALLER_ARRIVED, Map.of());
	}

	@Override
	public void installerStarted(long orderId) {
		catchUpProgress(orderId);
		correlate(orderId, Messages.INSTALLER_STARTED, Map.of());
	}

	/** The verification delegate runs in this transaction, so its verdict is among the variables right after. */
	@Override
	public CodeCheck installerCompleted(long orderId, String verificationCode) {
		catchUpProgress(orderId);
		Map<String, Object> variables = new HashMap<>();
		if (verificationCode != null) {
			// Transient: checked by the next step in this transaction, never stored, so no history or Cockpit shows it.
			variables.put(Vars.VERIFICATION_CODE, org.camunda.bpm.engine.variable.Variables.stringValue(verificationCode, true));
		}
		Map<String, Object> after = guarded(orderId, Messages.INSTALLER_COMPLETED, () -> builder(orderId, Messages.INSTALLER_COMPLETED)
			.setVariables(variables)
			.correlateWithResultAndVariables(true)
			.getVariables());
		Object valid = after.get(Vars.VERIFICATION_CODE_VALID);
		// Absent: no code check ran on the way (the rework sub-process), which is not the same as a verified code.
		return valid == null ? CodeCheck.NOT_CHECKED : Boolean.TRUE.equals(valid) ? CodeCheck.VERIFIED : CodeCheck.WRONG;
	}

	@Override
	public void installerException(long orderId, ExceptionReason reason, String note) {
		catchUpProgress(orderId);
		correlate(orderId, Messages.INSTALLER_EXCEPTION,
				Map.of(Vars.EXCEPTION_REASON, reason.name(), Vars.EXCEPTION_NOTE, note == null ? "" : note));
	}

	@Override
	public void ratingSubmitted(long orderId, int stars, List<String> tags, String comment) {
		correlate(orderId, Messages.RATING_SUBMITTED, Map.of(Vars.RATING_STARS, stars, Vars.RATING_TAGS,
				tags == null ? "" : String.join(",", tags), Vars.RATING_COMMENT, comment == null ? "" : comment));
	}

	@Override
	public Optional<Long> assignedProviderId(long orderId) {
		return number(orderId, Vars.ASSIGNED_PROVIDER_ID);
	}

	@Override
	public Optional<LocalDate> bookedDay(long orderId) {
		return instance(orderId).map(pi -> ProcessVariables.day(runtime.getVariable(pi.getId(), Vars.BOOKED_DATE), zone(pi)));
	}

	@Override
	public Optional<Long> assignedInstallerId(long orderId) {
		return number(orderId, Vars.ASSIGNED_INSTALLER_ID);
	}

	@Override
	public void installerAssigned(long orderId, long installerId) {
		instance(orderId).ifPresent(pi -> runtime.setVariable(pi.getId(), ServiceOrderProcess.Vars.ASSIGNED_INSTALLER_ID,
				String.valueOf(installerId)));
	}

	/**
	 * A cancellation is the process's to take: the message starts the interrupting cancellation sub-process, which
	 * exists only inside the fulfilment. A completion that committed first has ended the fulfilment (409); one that
	 * runs at the same moment collides on the same executions (409 for whichever commits second). An order without
	 * a process claims its {@code order_process} row instead, so none starts after the cancellation.
	 */
	@Override
	public void cancel(long orderId, boolean byConsumer, String reason) {
		if (instance(orderId).isEmpty() && claims.claimNoProcess(orderId)) {
			return;
		}
		try {
			correlate(orderId, Messages.ORDER_CANCELLED,
					Map.of(Vars.CANCELLED_BY, byConsumer ? "CONSUMER" : "BRAND", Vars.CANCEL_REASON, reason));
		}
		catch (ConflictException ex) {
			if (ex.code().equals("not-waiting")) {
				throw new ConflictException("illegal-transition", "Order " + orderId + " is completed and cannot be cancelled");
			}
			throw ex;
		}
	}

	Optional<ProcessInstance> instance(long orderId) {
		return Optional.ofNullable(runtime.createProcessInstanceQuery()
			.processDefinitionKey(ServiceOrderProcess.PROCESS_ID)
			.processInstanceBusinessKey(String.valueOf(orderId))
			.singleResult());
	}

	private boolean isWaitingFor(long orderId, String message) {
		return runtime.createEventSubscriptionQuery()
			.eventType("message")
			.eventName(message)
			.processInstanceId(instance(orderId).map(ProcessInstance::getId).orElse("-"))
			.count() > 0;
	}

	/** A stale answer (from a provider whose offer expired or was declined) does not match and is refused. */
	private void correlateOffer(long orderId, String message, long providerId) {
		guarded(orderId, message, () -> builder(orderId, message)
			.processInstanceVariableEquals(Vars.OFFERED_PROVIDER_ID, String.valueOf(providerId))
			.correlate());
	}

	/**
	 * Runs the order's queued progress step (the status after the previous installer report) now, in the caller's
	 * transaction: reports replayed back to back from an offline queue would otherwise find the process not yet
	 * listening again. A job executor running the same step at the same moment is a 409 concurrent-change.
	 */
	private void catchUpProgress(long orderId) {
		guarded(orderId, "progress", () -> instance(orderId).ifPresent(pi -> PROGRESS_STEPS.forEach(step -> management
			.createJobQuery()
			.processInstanceId(pi.getId())
			.activityId(step)
			.executable()
			.list()
			.forEach(job -> management.executeJob(job.getId())))));
	}

	private void correlate(long orderId, String message, Map<String, Object> variables) {
		guarded(orderId, message, () -> builder(orderId, message).setVariables(variables).correlate());
	}

	/**
	 * From the running process, else from the history of an ended one: a provider's late report on a cancelled or
	 * closed order is then refused as a conflict with the order's state, not as an unknown job.
	 */
	private Optional<Long> number(long orderId, String name) {
		return instance(orderId).map(pi -> runtime.getVariable(pi.getId(), name))
			.or(() -> historicValue(orderId, name))
			.map(String::valueOf)
			.filter(v -> !v.isBlank())
			.map(Long::valueOf);
	}

	private Optional<Object> historicValue(long orderId, String name) {
		return history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ServiceOrderProcess.PROCESS_ID)
			.processInstanceBusinessKey(String.valueOf(orderId))
			.list()
			.stream()
			.findFirst()
			.map(pi -> history.createHistoricVariableInstanceQuery()
				.processInstanceId(pi.getId())
				.variableName(name)
				.disableCustomObjectDeserialization()
				.list())
			.flatMap(values -> values.stream().findFirst())
			.map(v -> v.getValue());
	}

	/** The day as the process stores it: its start in the order's zone, as the installation-day timer reads it. */
	private Date startOf(long orderId, LocalDate day) {
		return ProcessVariables.startOf(day, instance(orderId).map(this::zone).orElseGet(regions::defaultZone));
	}

	private ZoneId zone(ProcessInstance pi) {
		return ProcessVariables.zone(name -> runtime.getVariable(pi.getId(), name), regions);
	}

	private MessageCorrelationBuilder builder(long orderId, String message) {
		return runtime.createMessageCorrelation(message).processInstanceBusinessKey(String.valueOf(orderId));
	}

	private static void guarded(long orderId, String message, Runnable step) {
		guarded(orderId, message, () -> {
			step.run();
			return null;
		});
	}

	private static <T> T guarded(long orderId, String message, Supplier<T> step) {
		try {
			return step.get();
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw new ConflictException("not-waiting", "Order " + orderId + " is not waiting for " + message + " now");
		}
		catch (OptimisticLockingException | PessimisticLockingFailureException ex) {
			throw concurrent(orderId);
		}
		catch (ProcessEngineException ex) {
			if (isLockConflict(ex)) {
				throw concurrent(orderId);
			}
			throw ex;
		}
	}

	/**
	 * Lost a race with another step of the same order: MariaDB broke a deadlock by rolling this transaction back, or
	 * the subscription this correlation found was consumed (by a cancellation or completion that committed in
	 * between) before the engine delivered the message to it.
	 */
	private static boolean isLockConflict(Throwable ex) {
		if (ex.getMessage() != null && ex.getMessage().contains("does not have a subscription to a message event")) {
			return true;
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLTransactionRollbackException || t instanceof OptimisticLockingException) {
				return true;
			}
		}
		return false;
	}

	/** Another step of the same order (a timer, a second request) changed it at the same moment. */
	private static ConflictException concurrent(long orderId) {
		return new ConflictException("concurrent-change", "Order " + orderId + " changed at the same moment; try again");
	}

}
