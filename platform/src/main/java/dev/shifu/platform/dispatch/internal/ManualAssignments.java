package dev.shifu.platform.dispatch.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.dispatch.ManualAssignment;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.network.ProviderType;
import dev.shifu.platform.network.ProviderView;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.platform.workflow.OrderProcess;
import dev.shifu.workflows.ServiceOrderProcess.Elements;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/**
 * Manual assignment after the offers ran out: the dispatcher chooses from the eligible providers; any other value is
 * refused with the reason, whether it comes through {@link #assign}, the Tasklist form (its validator) or a plain
 * task completion (its complete listener), so a bad id never reaches the process.
 */
@Service
@Transactional
class ManualAssignments implements ManualAssignment {

	static final String FIELD = Vars.ASSIGNED_PROVIDER_ID;

	private final NetworkDirectory network;

	private final OrderLifecycle orders;

	private final Eligibility eligibility;

	private final OrderProcess process;

	private final TaskService tasks;

	private final Visits visits;

	ManualAssignments(NetworkDirectory network, OrderLifecycle orders, Eligibility eligibility, OrderProcess process,
			TaskService tasks, Visits visits) {
		this.network = network;
		this.orders = orders;
		this.eligibility = eligibility;
		this.process = process;
		this.tasks = tasks;
		this.visits = visits;
	}

	@Override
	@Transactional(readOnly = true)
	public List<EligibleProvider> eligibleProviders(long orderId) {
		OrderSnapshot order = order(orderId);
		LocalDate day = bookedDate(orderId);
		return network.activeProviders()
			.stream()
			.filter(p -> eligibility.eligible(p, order))
			.sorted(Comparator.comparing((ProviderView p) -> p.type() == ProviderType.DEALER ? 0 : 1)
				.thenComparing(Comparator.comparingDouble(ProviderView::rating).reversed())
				.thenComparing(ProviderView::id))
			.map(p -> new EligibleProvider(p.id(), p.name(), p.type().name(), p.rating(),
					p.dailyCapacity().getOrDefault(order.serviceType(), 0), eligibility.assignedOnDay(p, order, day)))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public void check(long orderId, String providerId) {
		check(order(orderId), providerId);
	}

	@Override
	public void assign(long orderId, long providerId) {
		check(orderId, String.valueOf(providerId));
		Task task = tasks.createTaskQuery()
			.processInstanceBusinessKey(String.valueOf(orderId))
			.taskDefinitionKey(Elements.ASSIGN_MANUALLY_TASK)
			.singleResult();
		if (task == null) {
			throw new ConflictException("not-waiting", "Order " + orderId + " is not waiting for a manual assignment");
		}
		tasks.complete(task.getId(), Map.of(FIELD, String.valueOf(providerId)));
	}

	/** The task was completed with a checked provider: the visit is now the provider's (and takes its capacity). */
	void assigned(long orderId, String providerId, LocalDate bookedDate) {
		OrderSnapshot order = order(orderId);
		check(order, providerId);
		visits.assigned(orderId, Long.parseLong(providerId.trim()), order.serviceType(), bookedDate);
	}

	private void check(OrderSnapshot order, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidFieldException(FIELD, "is required: choose one of the eligible providers");
		}
		long id;
		try {
			id = Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidFieldException(FIELD, "must be a provider id (a number), not '" + abbreviate(value) + "'");
		}
		ProviderView provider = network.provider(id)
			.orElseThrow(() -> new InvalidFieldException(FIELD, "no provider " + id + " exists"));
		List<String> problems = eligibility.problems(provider, order);
		if (!problems.isEmpty()) {
			throw new InvalidFieldException(FIELD, "provider " + id + " " + String.join(", ", problems));
		}
	}

	private OrderSnapshot order(long orderId) {
		return orders.find(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
	}

	private LocalDate bookedDate(long orderId) {
		return process.bookedDay(orderId).orElse(null);
	}

	private static String abbreviate(String value) {
		return value.length() > 20 ? value.substring(0, 20) + "…" : value;
	}

}
