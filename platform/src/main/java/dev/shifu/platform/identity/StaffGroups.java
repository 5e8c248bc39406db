package dev.shifu.platform.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.shifu.workflows.ServiceOrderProcess;

/**
 * The Camunda groups our staff roles map to, for single sign-on and for engine calls made on a staff member's
 * behalf; the task groups are the candidate groups of the model.
 */
public final class StaffGroups {

	public static final String ADMINS = "camunda-admin";

	public static final String DISPATCHERS = ServiceOrderProcess.Groups.DISPATCHER;

	public static final String CUSTOMER_SERVICE = ServiceOrderProcess.Groups.CUSTOMER_SERVICE;

	/** Every group single sign-on manages; memberships in other groups (made in Camunda Admin) are left alone. */
	public static final List<String> ALL = List.of(ADMINS, DISPATCHERS, CUSTOMER_SERVICE);

	private StaffGroups() {
	}

	public static List<String> of(Set<Role> roles) {
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

}
