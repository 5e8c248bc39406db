package dev.shifu.platform.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Single sign-on into Cockpit and Tasklist: whoever passed our form login is the Camunda user, with Camunda
 * groups derived from our roles. Without it staff would sign in twice and Camunda would keep its own users.
 */
@Configuration(proxyBeanMethods = false)
class CamundaSso {

	/** Mirrors our admins at start-up, so Cockpit never asks for a first admin user. */
	@Bean
	org.springframework.boot.ApplicationRunner camundaAdminMirror(ProcessEngine engine, AppUserRepository users) {
		return args -> users.findAll()
			.stream()
			.filter(u -> u.roleSet().contains(dev.shifu.platform.identity.Role.ADMIN))
			.forEach(u -> SpringSecurityProvider.mirrorUser(engine, u.getUsername(), true));
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

		static final String CAMUNDA_ADMIN = "camunda-admin";

		@Override
		public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
				return AuthenticationResult.unsuccessful();
			}
			boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
			mirrorUser(engine, auth.getName(), admin);
			AuthenticationResult result = AuthenticationResult.successful(auth.getName());
			List<String> groups = new ArrayList<>();
			for (GrantedAuthority authority : auth.getAuthorities()) {
				switch (authority.getAuthority()) {
					case "ROLE_ADMIN" -> groups.add(CamundaAuthorizations.ADMINS);
					case "ROLE_DISPATCHER" -> groups.add(CamundaAuthorizations.DISPATCHERS);
					case "ROLE_CUSTOMER_SERVICE" -> groups.add(CamundaAuthorizations.CUSTOMER_SERVICE);
					default -> {
					}
				}
			}
			result.setGroups(groups);
			result.setTenants(List.of());
			return result;
		}

		/** Camunda's webapps only accept users its identity service knows; the password there is never used. */
		static void mirrorUser(ProcessEngine engine, String username, boolean admin) {
			var identity = engine.getIdentityService();
			try {
				if (identity.createUserQuery().userId(username).count() == 0) {
					var user = identity.newUser(username);
					user.setFirstName(username);
					user.setLastName("(Shifu)");
					user.setPassword(java.util.UUID.randomUUID().toString());
					identity.saveUser(user);
				}
				// Cockpit sends everyone to its first-admin setup page until camunda-admin has a member.
				if (admin && identity.createUserQuery().userId(username).memberOfGroup(CAMUNDA_ADMIN).count() == 0) {
					if (identity.createGroupQuery().groupId(CAMUNDA_ADMIN).count() == 0) {
						var group = identity.newGroup(CAMUNDA_ADMIN);
						group.setName("Camunda administrators");
						group.setType("SYSTEM");
						identity.saveGroup(group);
					}
					identity.createMembership(username, CAMUNDA_ADMIN);
				}
			}
			catch (RuntimeException concurrentFirstLogin) {
				// Another request mirrored the same user at the same moment; it exists now.
			}
		}

		@Override
		public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
			// Spring Security already challenged with its login form.
		}

	}

}
