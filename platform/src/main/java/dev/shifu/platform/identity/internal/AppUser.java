package dev.shifu.platform.identity.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.Role;

@Entity
@Table(name = "app_user")
class AppUser {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String passwordHash;

	private String displayName;

	/** Comma-separated {@link Role} names: a handful per user, never queried by role. */
	private String roles;

	private Long providerId;

	private Long installerId;

	private boolean enabled;

	protected AppUser() {
	}

	AppUser(String username, String passwordHash, String displayName, Set<Role> roles, Long providerId,
			Long installerId) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
		this.providerId = providerId;
		this.installerId = installerId;
		this.enabled = true;
	}

	Set<Role> roleSet() {
		Set<Role> set = EnumSet.noneOf(Role.class);
		Arrays.stream(roles.split(",")).filter(r -> !r.isBlank()).map(Role::valueOf).forEach(set::add);
		return set;
	}

	Actor toActor() {
		return new Actor(username, roleSet(), null, providerId, installerId);
	}

	Long getId() {
		return id;
	}

	String getUsername() {
		return username;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	String getDisplayName() {
		return displayName;
	}

	Long getProviderId() {
		return providerId;
	}

	boolean isEnabled() {
		return enabled;
	}

}
