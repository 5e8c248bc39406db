package dev.shifu.platform.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.shifu.workflows.ServiceOrderProcess;

/**
 * The Camunda groups our staff roles map to, for single sign-on and for engine calls made on a staff member's
 * behalf; the task groups are the candidate groups of the model.
 * <p>
 * Dispatchers are regional: every dispatcher task also has the candidate group of its order's city
 * ({@link #dispatchersOf(String)}, e.g. {@code dispatcher-330100}), and in Camunda's webapps a dispatcher is a
 * member of their cities' groups only, never of the plain {@link #DISPATCHERS} group (which would show every
 * region's tasks). The platform's own engine calls still name the plain group ({@link #of(Set)}) and filter by
 * region themselves.
 */
public final class StaffGroups {

	public static final String ADMINS = "camunda-admin";

	public static final String DISPATCHERS = ServiceOrderProcess.Groups.DISPATCHER;

	public static final String CUSTOMER_SERVICE = ServiceOrderProcess.Groups.CUSTOMER_SERVICE;

	/** Every fixed group single sign-on manages (plus the region groups); memberships in others are left alone. */
	public static final List<String> ALL = List.of(ADMINS, DISPATCHERS, CUSTOMER_SERVICE);

	private static final String REGION_PREFIX = DISPATCHERS + "-";

	private StaffGroups() {
	}

	/** The groups of an engine call the platform makes for the staff member (the plain dispatcher group). */
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

	/**
	 * The groups of a staff member signed in to Camunda's webapps: a dispatcher is in the group of each of their
	 * cities instead of the plain dispatcher group, so Tasklist shows them their regions' tasks only.
	 * @param cities the dispatcher's assigned cities ({@link StaffRegions#assigned(String)})
	 */
	public static List<String> ofWebappUser(Set<Role> roles, Collection<String> cities) {
		List<String> groups = new ArrayList<>(of(roles));
		if (groups.remove(DISPATCHERS)) {
			new TreeSet<>(cities).stream().map(StaffGroups::cityOf).filter(c -> c != null).distinct()
				.map(StaffGroups::dispatchersOf).forEach(groups::add);
		}
		return groups;
	}

	/** The candidate group of a city's dispatchers, e.g. {@code dispatcher-330100}. */
	public static String dispatchersOf(String city) {
		return REGION_PREFIX + city;
	}

	/** Whether the group is one of {@link #dispatchersOf(String)}'s. */
	public static boolean isRegionGroup(String groupId) {
		if (groupId == null || !groupId.startsWith(REGION_PREFIX)) {
			return false;
		}
		String city = groupId.substring(REGION_PREFIX.length());
		return city.equals(cityOf(city));
	}

	/** The city of a region code (330106 to 330100); null for anything that is no region code. */
	public static String cityOf(String regionCode) {
		if (regionCode == null || !regionCode.matches("\\d{6}") || regionCode.endsWith("0000")) {
			return null;
		}
		return regionCode.substring(0, 4) + "00";
	}

}
