package dev.shifu.platform.installer.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import dev.shifu.platform.identity.Role;

/**
 * Stand-in until the installer login (JWT) chain exists: the job endpoints of the mobile API for signed-in
 * installers over HTTP basic, stateless, no CSRF (no cookies). The JWT chain replaces this one.
 */
@Configuration
class MobileStandInSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain mobileJobsChain(HttpSecurity http) throws Exception {
		var paths = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(new org.springframework.security.web.util.matcher.OrRequestMatcher(paths.matcher("/mobile/v1/jobs/**"),
				paths.matcher("/mobile/v1/sync")))
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(b -> {
			})
			.authorizeHttpRequests(a -> a.anyRequest().hasRole(Role.INSTALLER.name()));
		return http.build();
	}

}
