package dev.shifu.platform.identity;

import java.util.Set;

/**
 * The authenticated caller as the domain sees it. Exactly one tenant id is set for tenant-bound roles: a brand's
 * {@code brandId}, a provider admin's {@code providerId}, an installer's {@code installerId}.
 */
public record Actor(String name, Set<Role> roles, Long brandId, Long providerId, Long installerId) {

	public Actor {
		roles = Set.copyOf(roles);
	}

	public static Actor brand(long brandId, String code) {
		return new Actor("brand:" + code, Set.of(Role.BRAND), brandId, null, null);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isBrand() {
		return has(Role.BRAND);
	}

	/** Platform staff see every tenant's data (phones masked). */
	public boolean isPlatformStaff() {
		return has(Role.ADMIN) || has(Role.DISPATCHER) || has(Role.CUSTOMER_SERVICE);
	}

}
