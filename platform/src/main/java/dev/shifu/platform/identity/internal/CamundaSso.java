package dev.shifu.platform.identity.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.support.WebApplicationContextUtils;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffGroups;
import dev.shifu.platform.identity.StaffRegions;

/**
 * Single sign-on into Cockpit and Tasklist: whoever passed our form login is the Camunda user, with Camunda
 * groups derived from our roles. Without it staff would sign in twice and Camunda would keep its own users.
 * <p>
 * The groups must live in Camunda's identity store, not only in what we hand over here: Camunda's
 * {@code AuthenticationFilter} (auth cache, on by default with a 5-minute TTL) treats the authentication that
 * {@link ContainerBasedAuthenticationFilter} creates as expired at once (it carries no cache validation time) and
 * rebuilds it from the identity service in the same request, and the container filter then keeps that rebuilt one,
 * because it only replaces an authentication of another user. Groups that exist only in the hand-over are gone
 * before Tasklist checks them: {@code authorizedApps} was {@code ["welcome"]} and no task was visible. So every
 * sign-in writes the user's group memberships (role changes included) into the identity store.
 */
@Configuration(proxyBeanMethods = false)
class CamundaSso {

	/**
	 * Camunda's own user for the platform: a member of {@code camunda-admin} nobody can sign in as (random password,
	 * and Camunda's login is behind ours). It exists so that the group is never empty.
	 */
	static final String PLATFORM_USER = "shifu-platform";

	/**
	 * Mirrors our admins at start-up. While {@code camunda-admin} has no member, Camunda sends everyone who opens a
	 * webapp to its first-admin setup page, where any signed-in dispatcher could create a Camunda admin; so when no
	 * admin of ours exists yet, the platform's own user fills the group.
	 */
	@Bean
	org.springframework.boot.ApplicationRunner camundaAdminMirror(ProcessEngine engine, AppUserRepository users,
			StaffRegions staffRegions) {
		return args -> {
			users.findAll()
				.stream()
				.filter(u -> u.roleSet().contains(Role.ADMIN))
				.forEach(u -> SpringSecurityProvider.mirrorUser(engine, u.getUsername(),
						CamundaGroups.of(u.roleSet(), staffRegions.assigned(u.getUsername()))));
			if (engine.getIdentityService().createUserQuery().memberOfGroup(CamundaGroups.ADMINS).count() == 0) {
				SpringSecurityProvider.mirrorUser(engine, PLATFORM_USER, List.of(CamundaGroups.ADMINS));
			}
		};
	}

	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
		var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
		registration.setInitParameters(Map.of("authentication-provider", SpringSecurityProvider.class.getName()));
		registration.addUrlPatterns("/camunda/*");
		// After Spring Security (which sits at -100), so the security context is populated.
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
		return registration;
	}

	public static class SpringSecurityProvider implements AuthenticationProvider {

		private static final Logger log = LoggerFactory.getLogger(SpringSecurityProvider.class);

		/** Session attribute: who was mirrored for this session (user, engine, roles), so a session writes once. */
		private static final String MIRRORED = SpringSecurityProvider.class.getName() + ".mirrored";

		/** Session attribute: the Camunda groups written for this session's user. */
		private static final String GROUPS = SpringSecurityProvider.class.getName() + ".groups";

		@Override
		public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
				return AuthenticationResult.unsuccessful();
			}
			Set<Role> roles = EnumSet.noneOf(Role.class);
			for (GrantedAuthority authority : auth.getAuthorities()) {
				for (Role role : Role.values()) {
					if (role.authority().equals(authority.getAuthority())) {
						roles.add(role);
					}
				}
			}
			// A dispatcher's regions are read once per sign-in, like the roles: changes to either take effect at the
			// next sign-in. The sign-in's details (the session it started from) tell a new sign-in in the same
			// session apart, as the session itself survives a login (its id changes, its attributes stay).
			String mirrored = auth.getName() + "@" + engine.getName() + "=" + roles + "#"
					+ java.util.Objects.hashCode(auth.getDetails());
			HttpSession session = request.getSession();
			if (!mirrored.equals(session.getAttribute(MIRRORED))) {
				// A webapp's first requests come in parallel: one mirrors while the others wait for it. A request
				// that went on meanwhile would build its Camunda authentication from half-written memberships (no
				// tasklist among its apps), and Camunda's auth cache would keep that for minutes: a blank Tasklist.
				synchronized (org.springframework.web.util.WebUtils.getSessionMutex(session)) {
					if (!mirrored.equals(session.getAttribute(MIRRORED))) {
						Set<String> cities = roles.contains(Role.DISPATCHER)
								? WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext())
									.getBean(StaffRegions.class)
									.assigned(auth.getName())
								: Set.of();
						List<String> groups = new ArrayList<>(CamundaGroups.of(roles, cities));
						mirrorUser(engine, auth.getName(), groups);
						session.setAttribute(GROUPS, groups);
						session.setAttribute(MIRRORED, mirrored);
					}
				}
			}
			@SuppressWarnings("unchecked")
			List<String> groups = (List<String>) session.getAttribute(GROUPS);
			AuthenticationResult result = AuthenticationResult.successful(auth.getName());
			result.setGroups(groups);
			result.setTenants(List.of());
			return result;
		}

		/**
		 * Camunda's webapps only accept users its identity service knows (the password there is never used), and
		 * they read the user's groups from it: make its memberships in the groups we manage (the fixed ones and
		 * every city's dispatcher group) exactly {@code groups}, creating region groups on demand.
		 */
		static void mirrorUser(ProcessEngine engine, String username, List<String> groups) {
			// Each step re-reads what is there: a concurrent first sign-in (the same user, or another dispatcher
			// of a new city) that made a row first only costs another round.
			for (int attempt = 1;; attempt++) {
				try {
					mirrorOnce(engine, username, groups);
					return;
				}
				catch (RuntimeException concurrent) {
					if (attempt == 3) {
						log.warn("Could not write the Camunda groups of {}: {}", username, concurrent.toString());
						return;
					}
				}
			}
		}

		private static void mirrorOnce(ProcessEngine engine, String username, List<String> groups) {
			IdentityService identity = engine.getIdentityService();
			if (identity.createUserQuery().userId(username).count() == 0) {
				User user = identity.newUser(username);
				user.setFirstName(username);
				user.setLastName("(Shifu)");
				user.setPassword(UUID.randomUUID().toString());
				identity.saveUser(user);
			}
			Set<String> current = new HashSet<>();
			identity.createGroupQuery().groupMember(username).list().forEach(g -> current.add(g.getId()));
			for (String group : groups) {
				if (StaffGroups.isRegionGroup(group)) {
					CamundaGroups.ensureRegionGroup(identity, engine.getAuthorizationService(), group);
				}
				if (!current.contains(group)) {
					CamundaGroups.ensureExists(identity, group);
					identity.createMembership(username, group);
				}
			}
			for (String group : current) {
				if (CamundaGroups.managed(group) && !groups.contains(group)) {
					identity.deleteMembership(username, group);
				}
			}
		}

		@Override
		public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
			// Spring Security already challenged with its login form.
		}

	}

}
