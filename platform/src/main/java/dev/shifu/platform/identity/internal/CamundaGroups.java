package dev.shifu.platform.identity.internal;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffGroups;

/** Creates the groups of {@link StaffGroups} in Camunda's identity store. */
final class CamundaGroups {

	static final String ADMINS = StaffGroups.ADMINS;

	static final String DISPATCHERS = StaffGroups.DISPATCHERS;

	static final String CUSTOMER_SERVICE = StaffGroups.CUSTOMER_SERVICE;

	static final List<String> ALL = StaffGroups.ALL;

	private CamundaGroups() {
	}

	static List<String> of(Set<Role> roles) {
		return StaffGroups.of(roles);
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
