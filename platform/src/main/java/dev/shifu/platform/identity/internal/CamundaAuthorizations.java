package dev.shifu.platform.identity.internal;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each staff group may do in Camunda's webapps. Authorization is on: admins may do everything, and Cockpit is
 * theirs alone (it shows every region's instances and their variables; dispatchers act through the route board).
 * Dispatchers work their cities' tasks in Tasklist: single sign-on makes them members of their cities' groups
 * ({@code dispatcher-330100}, created with Tasklist access and filter reads, see {@link CamundaGroups}), and every
 * dispatcher task has its order's city group as a candidate group. Customer service works its tasks in Tasklist.
 * Tasks are not granted wholesale: the engine grants each task's candidate groups READ and UPDATE on that task, so a
 * dispatcher sees and completes their cities' dispatcher tasks, customer service the return visits, an admin all.
 * Nobody but an admin can delete an instance, change its variables or manage users through the webapps. The
 * platform's own engine calls run without a Camunda user, or as the staff member with the plain {@code dispatcher}
 * group (a candidate group of every dispatcher task, with no member and no grant of its own).
 */
@Component
@Order(1)
class CamundaAuthorizations implements ApplicationRunner {

	static final String ADMINS = CamundaGroups.ADMINS;

	static final String DISPATCHERS = CamundaGroups.DISPATCHERS;

	static final String CUSTOMER_SERVICE = CamundaGroups.CUSTOMER_SERVICE;

	private final AuthorizationService authorizations;

	private final IdentityService identity;

	CamundaAuthorizations(AuthorizationService authorizations, IdentityService identity) {
		this.authorizations = authorizations;
		this.identity = identity;
	}

	@Override
	public void run(ApplicationArguments args) {
		CamundaGroups.ALL.forEach(group -> CamundaGroups.ensureExists(identity, group));
		for (Resource resource : Resources.values()) {
			grant(ADMINS, resource, "*", Permissions.ALL);
		}
		grant(CUSTOMER_SERVICE, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(CUSTOMER_SERVICE, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
		grant(CUSTOMER_SERVICE, Resources.FILTER, "*", Permissions.READ);
		// Earlier versions let the plain dispatcher group into Cockpit (every region's instances and variables) and
		// Tasklist (every region's tasks), and granted every task to both groups.
		for (Resource resource : List.of(Resources.PROCESS_DEFINITION, Resources.DECISION_DEFINITION,
				Resources.DEPLOYMENT, Resources.PROCESS_INSTANCE, Resources.FILTER, Resources.TASK)) {
			revoke(DISPATCHERS, resource, "*");
		}
		revoke(DISPATCHERS, Resources.APPLICATION, "cockpit");
		revoke(DISPATCHERS, Resources.APPLICATION, "tasklist");
		revoke(CUSTOMER_SERVICE, Resources.TASK, "*");
	}

	private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		grant(authorizations, group, resource, resourceId, permissions);
	}

	private void revoke(String group, Resource resource, String resourceId) {
		authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.forEach(a -> authorizations.deleteAuthorization(a.getId()));
	}

	/**
	 * Idempotent: the group's grant on the resource ends up with exactly these permissions, written only when it
	 * differs (region groups are checked at every sign-in).
	 */
	static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
			Permission... permissions) {
		Authorization authorization = authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.singleResult();
		int wanted = 0;
		for (Permission permission : permissions) {
			wanted |= permission.getValue();
		}
		if (authorization instanceof AuthorizationEntity entity && entity.getPermissions() == wanted) {
			return;
		}
		if (authorization == null) {
			authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(group);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		authorization.setPermissions(permissions);
		authorizations.saveAuthorization(authorization);
	}

}
