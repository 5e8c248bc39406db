package dev.shifu.platform.identity.internal;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each staff group may do in Camunda's webapps. Authorization is on: admins may do everything; dispatchers read
 * processes in Cockpit and work their tasks in Tasklist; customer service works its tasks in Tasklist. Tasks are
 * not granted wholesale: the engine grants each task's candidate group READ and UPDATE on that task, so a
 * dispatcher sees and completes the dispatcher tasks, customer service the return visits, an admin all. Nobody but
 * an admin can delete an instance, change its variables or manage users through the webapps. The platform's own
 * engine calls run without a Camunda user and are not checked.
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
		grant(DISPATCHERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(DISPATCHERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(DISPATCHERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE,
				Permissions.READ_HISTORY);
		grant(DISPATCHERS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
		grant(DISPATCHERS, Resources.DEPLOYMENT, "*", Permissions.READ);
		grant(DISPATCHERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
		grant(DISPATCHERS, Resources.FILTER, "*", Permissions.READ);
		grant(CUSTOMER_SERVICE, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(CUSTOMER_SERVICE, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
		grant(CUSTOMER_SERVICE, Resources.FILTER, "*", Permissions.READ);
		// Earlier versions granted every task to both groups, so each saw (and could complete) the other's tasks.
		revoke(DISPATCHERS, Resources.TASK, "*");
		revoke(CUSTOMER_SERVICE, Resources.TASK, "*");
	}

	/** Idempotent: the group's grant on the resource ends up with exactly these permissions. */
	private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.singleResult();
		if (authorization == null) {
			authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(group);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		authorization.setPermissions(permissions);
		authorizations.saveAuthorization(authorization);
	}

	private void revoke(String group, Resource resource, String resourceId) {
		authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.forEach(a -> authorizations.deleteAuthorization(a.getId()));
	}

}
