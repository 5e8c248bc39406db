package dev.shifu.platform.support;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Runs an order's process by hand, as the process tests do: the job executor is off in tests, so async steps run
 * when {@link #drain} says, and timers fire only when a test fires them. Waiting is bounded and only covers the
 * asynchronous hand-over of events (the outbox listener), never a timing assertion.
 */
public final class ProcessDriver {

	private static final int MAX_ROUNDS = 200;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final HistoryService history;

	private final TaskService tasks;

	public ProcessDriver(RuntimeService runtime, ManagementService management, HistoryService history, TaskService tasks) {
		this.runtime = runtime;
		this.management = management;
		this.history = history;
		this.tasks = tasks;
	}

	public String instanceOf(long orderId) {
		return eventually(() -> {
			ProcessInstance pi = runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(String.valueOf(orderId))
				.singleResult();
			return pi == null ? null : pi.getId();
		}, "process of order " + orderId);
	}

	/** Runs every job of the order's process that is due now, until none is left. */
	public void drain(long orderId) {
		String instance = historicInstance(orderId);
		for (int round = 0; round < MAX_ROUNDS; round++) {
			List<Job> due = management.createJobQuery().processInstanceId(instance).executable().list();
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> management.executeJob(job.getId()));
		}
		throw new AssertionError("jobs of order " + orderId + " keep coming");
	}

	/** Drains until {@code condition} holds; covers events that reach the process through the async outbox. */
	public void drainUntil(long orderId, Supplier<Boolean> condition, String what) {
		eventually(() -> {
			drain(orderId);
			return condition.get() ? Boolean.TRUE : null;
		}, what);
	}

	public void fireTimer(long orderId, String activityId) {
		Job timer = management.createJobQuery()
			.processInstanceId(instanceOf(orderId))
			.activityId(activityId)
			.timers()
			.singleResult();
		if (timer == null) {
			throw new AssertionError("no timer " + activityId + " on order " + orderId);
		}
		management.executeJob(timer.getId());
		drain(orderId);
	}

	public String openTask(long orderId, String taskKey) {
		var task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(orderId)).taskDefinitionKey(taskKey).singleResult();
		return task == null ? null : task.getId();
	}

	public boolean isWaitingAt(long orderId, String activityId) {
		return runtime.createExecutionQuery()
			.processInstanceBusinessKey(String.valueOf(orderId))
			.activityId(activityId)
			.count() > 0;
	}

	/** The end event the order's process finished at, or null while it runs. */
	public String endedAt(long orderId) {
		var instance = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(String.valueOf(orderId))
			.singleResult();
		return instance == null ? null : instance.getEndActivityId();
	}

	public long incidents(long orderId) {
		return runtime.createIncidentQuery().processInstanceId(historicInstance(orderId)).count();
	}

	private String historicInstance(long orderId) {
		return eventually(() -> {
			var pi = history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(String.valueOf(orderId))
				.singleResult();
			return pi == null ? null : pi.getId();
		}, "process of order " + orderId);
	}

	/** Up to a minute: on a loaded machine the outbox listener that starts a process can take a while. */
	private static <T> T eventually(Supplier<T> probe, String what) {
		for (int i = 0; i < 1200; i++) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("gave up waiting for " + what);
	}

}
