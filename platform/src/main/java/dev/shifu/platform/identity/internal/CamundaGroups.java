package dev.shifu.platform.identity.internal;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffGroups;

/** Creates the groups of {@link StaffGroups} in Camunda's identity store, the region groups with their grants. */
final class CamundaGroups {

	static final String ADMINS = StaffGroups.ADMINS;

	static final String DISPATCHERS = StaffGroups.DISPATCHERS;

	static final String CUSTOMER_SERVICE = StaffGroups.CUSTOMER_SERVICE;

	static final List<String> ALL = StaffGroups.ALL;

	private CamundaGroups() {
	}

	/** The groups of a staff member in Camunda's webapps (a dispatcher's are their cities' groups). */
	static List<String> of(Set<Role> roles, Set<String> cities) {
		return StaffGroups.ofWebappUser(roles, cities);
	}

	/** Whether single sign-on manages the user's membership in this group. */
	static boolean managed(String group) {
		return ALL.contains(group) || StaffGroups.isRegionGroup(group);
	}

	static void ensureExists(IdentityService identity, String id) {
		if (identity.createGroupQuery().groupId(id).count() > 0) {
			return;
		}
		Group group = identity.newGroup(id);
		if (StaffGroups.isRegionGroup(id)) {
			group.setName("Dispatchers of " + id.substring(id.lastIndexOf('-') + 1));
			group.setType("WORKFLOW");
		}
		else {
			switch (id) {
				case ADMINS -> {
					group.setName("Camunda administrators");
					group.setType("SYSTEM");
				}
				case DISPATCHERS -> {
					group.setName("Dispatchers (the platform's engine calls; no member)");
					group.setType("WORKFLOW");
				}
				default -> {
					group.setName("Customer service");
					group.setType("WORKFLOW");
				}
			}
		}
		identity.saveGroup(group);
	}

	/**
	 * A city's dispatcher group, made when its first dispatcher signs in: it opens Tasklist and reads its filters.
	 * Its tasks are granted one by one, as the engine does for every candidate group.
	 */
	static void ensureRegionGroup(IdentityService identity, AuthorizationService authorizations, String id) {
		ensureExists(identity, id);
		CamundaAuthorizations.grant(authorizations, id, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		CamundaAuthorizations.grant(authorizations, id, Resources.FILTER, "*", Permissions.READ);
	}

}
