package dev.shifu.platform.task.internal;

import java.util.Arrays;
import java.util.Optional;

import dev.shifu.platform.identity.StaffGroups;
import dev.shifu.workflows.ServiceOrderProcess.Elements;

/** The user tasks of the order process that staff work, each with its candidate group. */
enum StaffTaskType {

	PHONE_CONSUMER(Elements.PHONE_CONSUMER_TASK, StaffGroups.DISPATCHERS),

	MANUAL_ASSIGNMENT(Elements.ASSIGN_MANUALLY_TASK, StaffGroups.DISPATCHERS),

	ADDRESS_RESOLUTION(Elements.RESOLVE_ADDRESS_TASK, StaffGroups.DISPATCHERS),

	RETURN_VISIT(Elements.RETURN_VISIT_TASK, StaffGroups.CUSTOMER_SERVICE);

	private final String taskKey;

	private final String group;

	StaffTaskType(String taskKey, String group) {
		this.taskKey = taskKey;
		this.group = group;
	}

	String taskKey() {
		return taskKey;
	}

	String group() {
		return group;
	}

	static Optional<StaffTaskType> ofTaskKey(String taskKey) {
		return Arrays.stream(values()).filter(t -> t.taskKey.equals(taskKey)).findFirst();
	}

}
