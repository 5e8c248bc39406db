package dev.shifu.platform.identity.internal;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each staff group may do in Camunda's webapps. Authorization is on: admins may do everything; dispatchers read
 * processes in Cockpit and work tasks in Tasklist; customer service works its tasks. Nobody but an admin can delete
 * an instance, change its variables or manage users through the webapps. The platform's own engine calls run
 * without a Camunda user and are not checked.
 */
@Component
@Order(1)
class CamundaAuthorizations implements ApplicationRunner {

	static final String ADMINS = "camunda-admin";

	static final String DISPATCHERS = "dispatcher";

	static final String CUSTOMER_SERVICE = "customer-service";

	private final AuthorizationService authorizations;

	CamundaAuthorizations(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Resource resource : Resources.values()) {
			grant(ADMINS, resource, "*", Permissions.ALL);
		}
		grant(DISPATCHERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(DISPATCHERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(DISPATCHERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE,
				Permissions.READ_HISTORY, Permissions.READ_TASK);
		grant(DISPATCHERS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
		grant(DISPATCHERS, Resources.DEPLOYMENT, "*", Permissions.READ);
		grant(DISPATCHERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
		grant(DISPATCHERS, Resources.TASK, "*", Permissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN);
		grant(DISPATCHERS, Resources.FILTER, "*", Permissions.READ);
		grant(CUSTOMER_SERVICE, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(CUSTOMER_SERVICE, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_TASK);
		grant(CUSTOMER_SERVICE, Resources.TASK, "*", Permissions.READ, TaskPermissions.TASK_WORK);
		grant(CUSTOMER_SERVICE, Resources.FILTER, "*", Permissions.READ);
	}

	/** Idempotent: an existing grant of the group on the resource is left as it is. */
	private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		boolean exists = authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.count() > 0;
		if (exists) {
			return;
		}
		Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(group);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		List.of(permissions).forEach(authorization::addPermission);
		authorizations.saveAuthorization(authorization);
	}

}
