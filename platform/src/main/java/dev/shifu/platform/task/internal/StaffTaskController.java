package dev.shifu.platform.task.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.springframework.security.access.AccessDeniedException;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.task.internal.StaffTaskService.Completed;
import dev.shifu.platform.task.internal.StaffTaskService.StaffTaskView;

@RestController
// The route board page lists the same tasks with its signed-in session under /console/tasks.
@RequestMapping({ "/api/v1/tasks", "/console/tasks" })
@Tag(name = "Staff tasks", description = "Dispatcher and customer-service tasks of the order process")
class StaffTaskController {

	private final StaffTaskService tasks;

	private final StaffRegions staffRegions;

	StaffTaskController(StaffTaskService tasks, StaffRegions staffRegions) {
		this.tasks = tasks;
		this.staffRegions = staffRegions;
	}

	@GetMapping
	@Operation(summary = "Open tasks the caller works: dispatchers PHONE_CONSUMER, MANUAL_ASSIGNMENT, "
			+ "ADDRESS_RESOLUTION; customer service RETURN_VISIT; admins all. With region (a city, 330100), only the "
			+ "tasks of its districts' orders, and only for a dispatcher of that city (the route board's list)")
	List<StaffTaskView> list(@RequestParam(required = false) StaffTaskType type,
			@RequestParam(required = false) Long orderId, @RequestParam(required = false) String region) {
		Actor actor = CurrentActor.get();
		String prefix = null;
		if (region != null) {
			if (!region.matches("\\d{4}00")) {
				throw new InvalidFieldException("region", "must be a city code of 6 digits ending in 00, e.g. 330100");
			}
			if (actor.has(Role.DISPATCHER) && !staffRegions.mayWorkIn(actor, region)) {
				throw new AccessDeniedException("region " + region + " is not one of the caller's regions");
			}
			prefix = region.substring(0, 4);
		}
		return tasks.list(actor, type, orderId, prefix);
	}

	@GetMapping("/{taskId}")
	@Operation(summary = "One open task")
	StaffTaskView get(@PathVariable String taskId) {
		return tasks.get(CurrentActor.get(), taskId);
	}

	@PostMapping("/{taskId}/complete")
	@Operation(summary = "Complete a task with its typed outcome; a completed task answers 409")
	Completed complete(@PathVariable String taskId, @Valid @RequestBody TaskCompletion completion) {
		return tasks.complete(CurrentActor.get(), taskId, completion);
	}

}
