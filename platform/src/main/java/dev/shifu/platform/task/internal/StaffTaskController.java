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

import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.task.internal.StaffTaskService.Completed;
import dev.shifu.platform.task.internal.StaffTaskService.StaffTaskView;

@RestController
// The route board page lists the same tasks with its signed-in session under /console/tasks.
@RequestMapping({ "/api/v1/tasks", "/console/tasks" })
@Tag(name = "Staff tasks", description = "Dispatcher and customer-service tasks of the order process")
class StaffTaskController {

	private final StaffTaskService tasks;

	StaffTaskController(StaffTaskService tasks) {
		this.tasks = tasks;
	}

	@GetMapping
	@Operation(summary = "Open tasks the caller works: dispatchers PHONE_CONSUMER, MANUAL_ASSIGNMENT, "
			+ "ADDRESS_RESOLUTION; customer service RETURN_VISIT; admins all")
	List<StaffTaskView> list(@RequestParam(required = false) StaffTaskType type,
			@RequestParam(required = false) Long orderId) {
		return tasks.list(CurrentActor.get(), type, orderId);
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
