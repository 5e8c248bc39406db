package dev.shifu.platform.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import dev.shifu.platform.identity.Role;
import dev.shifu.workflows.ServiceOrderProcess;

/** The Camunda groups our staff roles map to; the task groups are the candidate groups of the model. */
final class CamundaGroups {

	static final String ADMINS = "camunda-admin";

	static final String DISPATCHERS = ServiceOrderProcess.Groups.DISPATCHER;

	static final String CUSTOMER_SERVICE = ServiceOrderProcess.Groups.CUSTOMER_SERVICE;

	/** Every group single sign-on manages; memberships in other groups (made in Camunda Admin) are left alone. */
	static final List<String> ALL = List.of(ADMINS, DISPATCHERS, CUSTOMER_SERVICE);

	private CamundaGroups() {
	}

	static List<String> of(Set<Role> roles) {
		List<String> groups = new ArrayList<>();
		if (roles.contains(Role.ADMIN)) {
			groups.add(ADMINS);
		}
		if (roles.contains(Role.DISPATCHER)) {
			groups.add(DISPATCHERS);
		}
		if (roles.contains(Role.CUSTOMER_SERVICE)) {
			groups.add(CUSTOMER_SERVICE);
		}
		return groups;
	}

	static void ensureExists(IdentityService identity, String id) {
		if (identity.createGroupQuery().groupId(id).count() > 0) {
			return;
		}
		Group group = identity.newGroup(id);
		switch (id) {
			case ADMINS -> {
				group.setName("Camunda administrators");
				group.setType("SYSTEM");
			}
			case DISPATCHERS -> {
				group.setName("Dispatchers");
				group.setType("WORKFLOW");
			}
			default -> {
				group.setName("Customer service");
				group.setType("WORKFLOW");
			}
		}
		identity.saveGroup(group);
	}

}
