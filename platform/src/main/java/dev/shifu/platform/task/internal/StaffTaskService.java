package dev.shifu.platform.task.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffGroups;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.FieldError;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/**
 * Staff tasks through the engine, as the staff member: queries and completions run with the caller's Camunda user
 * and groups, so the engine's own per-task grants (candidate group) decide who sees and completes what, exactly as
 * in Tasklist. Everything the caller may not see is a 404.
 */
@Service
class StaffTaskService {

	private final TaskService tasks;

	private final IdentityService identity;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final StaffRegions staffRegions;

	StaffTaskService(TaskService tasks, IdentityService identity, RuntimeService runtime, HistoryService history,
			StaffRegions staffRegions) {
		this.staffRegions = staffRegions;
		this.tasks = tasks;
		this.identity = identity;
		this.runtime = runtime;
		this.history = history;
	}

	record StaffTaskView(String id, StaffTaskType type, long orderId, String name, Instant created,
			Map<String, Object> context) {
	}

	record Completed(String id, StaffTaskType type, long orderId, String status) {
	}

	/** @param regionPrefix when set, only tasks of orders whose region code starts with it (a city's districts) */
	List<StaffTaskView> list(Actor actor, StaffTaskType type, Long orderId, String regionPrefix) {
		Set<StaffTaskType> types = typesOf(actor);
		if (type != null && !types.contains(type)) {
			throw new AccessDeniedException("task type " + type);
		}
		Set<StaffTaskType> wanted = type == null ? types : EnumSet.of(type);
		if (wanted.isEmpty()) {
			return List.of();
		}
		List<Task> visible = as(actor, () -> {
			var query = tasks.createTaskQuery()
				.taskDefinitionKeyIn(wanted.stream().map(StaffTaskType::taskKey).toArray(String[]::new))
				.orderByTaskCreateTime()
				.asc();
			if (orderId != null) {
				query.processInstanceBusinessKey(String.valueOf(orderId));
			}
			if (regionPrefix != null) {
				query.processVariableValueLike(Vars.REGION_CODE, regionPrefix + "%");
			}
			return query.listPage(0, 500);
		});
		return visible.stream().filter(task -> inRegions(actor, task)).map(this::view).toList();
	}

	/**
	 * Dispatcher tasks are limited to the dispatcher's regions (failing closed: none assigned, none seen); admins see
	 * every region, and customer service's return visits are not regional.
	 */
	private boolean inRegions(Actor actor, Task task) {
		if (actor.has(Role.ADMIN) || typeOf(task) == StaffTaskType.RETURN_VISIT) {
			return true;
		}
		Object code = runtime.getVariable(task.getProcessInstanceId(), Vars.REGION_CODE);
		return code instanceof String region && region.length() >= 4
				&& staffRegions.mayWorkIn(actor, region.substring(0, 4) + "00");
	}

	private static final java.util.regex.Pattern TASK_ID = java.util.regex.Pattern.compile("[A-Za-z0-9:_.-]{1,64}");

	StaffTaskView get(Actor actor, String taskId) {
		return view(visibleTask(actor, taskId));
	}

	Completed complete(Actor actor, String taskId, TaskCompletion completion) {
		Task task = visibleTask(actor, taskId);
		StaffTaskType type = typeOf(task);
		if (completion.type() != type) {
			throw new InvalidFieldException("type", "this task is a " + type + " task");
		}
		long orderId = orderId(task);
		try {
			as(actor, () -> {
				tasks.complete(taskId, completion.variables());
				return null;
			});
		}
		catch (OutcomeRejectedException rejected) {
			List<FieldError> errors = new ArrayList<>();
			rejected.errors().forEach(e -> errors.add(new FieldError(completion.field(e.field()), e.message())));
			throw new InvalidFieldException(errors);
		}
		catch (NullValueException gone) {
			throw new ConflictException("task-completed", "Task " + taskId + " was completed meanwhile");
		}
		catch (AuthorizationException denied) {
			throw new AccessDeniedException("task " + taskId);
		}
		return new Completed(taskId, type, orderId, "COMPLETED");
	}

	/** The task if the caller may see it; a completed one is a 409 (a retried completion never acts twice). */
	private Task visibleTask(Actor actor, String taskId) {
		// Camunda's ids are short ASCII; anything else names no task (and a 4-byte character would fail the query on
		// MySQL's utf8 engine tables).
		if (!TASK_ID.matcher(taskId).matches()) {
			throw new NotFoundException("task", "?");
		}
		Task task = as(actor, () -> tasks.createTaskQuery().taskId(taskId).singleResult());
		if (task == null || StaffTaskType.ofTaskKey(task.getTaskDefinitionKey()).isEmpty()
				|| !typesOf(actor).contains(typeOf(task)) || !inRegions(actor, task)) {
			// Staff have no history grants; a finished staff task's id says nothing about an order.
			boolean done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
			if (task == null && done) {
				throw new ConflictException("task-completed", "Task " + taskId + " is already completed");
			}
			throw new NotFoundException("task", taskId);
		}
		return task;
	}

	private StaffTaskView view(Task task) {
		StaffTaskType type = typeOf(task);
		Map<String, Object> context = new LinkedHashMap<>();
		List<String> shown = switch (type) {
			case PHONE_CONSUMER -> List.of(Vars.BOOKED_DATE);
			case MANUAL_ASSIGNMENT -> List.of(Vars.REGION_CODE, Vars.SERVICE_TYPE, Vars.BOOKED_DATE);
			case ADDRESS_RESOLUTION -> List.of(Vars.EXCEPTION_REASON, Vars.EXCEPTION_NOTE, Vars.BOOKED_DATE);
			case RETURN_VISIT -> List.of(Vars.RATING_STARS);
		};
		Map<String, Object> variables = runtime.getVariables(task.getExecutionId(), shown);
		shown.forEach(name -> Optional.ofNullable(variables.get(name)).ifPresent(v -> context.put(name, v)));
		return new StaffTaskView(task.getId(), type, orderId(task), task.getName(),
				task.getCreateTime() == null ? null : task.getCreateTime().toInstant(), context);
	}

	private long orderId(Task task) {
		Object id = runtime.getVariable(task.getProcessInstanceId(), Vars.ORDER_ID);
		return Long.parseLong(String.valueOf(id));
	}

	private static StaffTaskType typeOf(Task task) {
		return StaffTaskType.ofTaskKey(task.getTaskDefinitionKey()).orElseThrow();
	}

	/** Admins work every staff task; others those of their groups. */
	private static Set<StaffTaskType> typesOf(Actor actor) {
		List<String> groups = StaffGroups.of(actor.roles());
		Set<StaffTaskType> types = EnumSet.noneOf(StaffTaskType.class);
		for (StaffTaskType type : StaffTaskType.values()) {
			if (groups.contains(StaffGroups.ADMINS) || groups.contains(type.group())) {
				types.add(type);
			}
		}
		return types;
	}

	/** Runs an engine call as the caller's Camunda user, so the engine's authorizations apply. */
	private <T> T as(Actor actor, Supplier<T> call) {
		identity.setAuthentication(actor.name(), StaffGroups.of(actor.roles()));
		try {
			return call.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
