package dev.shifu.platform.identity.internal;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import dev.shifu.platform.shared.Problems;

/**
 * Four chains: the JSON API (brand API keys or user basic auth, stateless), the Camunda REST API, actuator, and
 * the browser apps (Camunda webapps, Spring Boot Admin) behind a form login. Nothing but health, info and the API
 * docs is open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	private static final String ADMIN = "ADMIN";

	private static final String DISPATCHER = "DISPATCHER";

	private static final String CUSTOMER_SERVICE = "CUSTOMER_SERVICE";

	private static final String PROVIDER_ADMIN = "PROVIDER_ADMIN";

	private static final String BRAND = "BRAND";

	private static final String OPS = "OPS";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, AccountService identity, ObjectMapper mapper) throws Exception {
		http.securityMatcher("/api/**")
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new ApiKeyAuthenticationFilter(identity, mapper), BasicAuthenticationFilter.class)
			.httpBasic(b -> b.authenticationEntryPoint(entryPoint(mapper)))
			.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(mapper)).accessDeniedHandler(denied(mapper)))
			.authorizeHttpRequests(a -> a
				.requestMatchers(HttpMethod.GET, "/api/v1/orders", "/api/v1/orders/**")
				.hasAnyRole(BRAND, ADMIN, DISPATCHER, CUSTOMER_SERVICE)
				.requestMatchers("/api/v1/orders", "/api/v1/orders/**", "/api/v1/orders:import")
				.hasRole(BRAND)
				.requestMatchers("/api/v1/brand/**")
				.hasRole(BRAND)
				.requestMatchers("/api/v1/brands", "/api/v1/brands/**", "/api/v1/users", "/api/v1/users/**")
				.hasRole(ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/v1/providers", "/api/v1/providers/**")
				.hasAnyRole(ADMIN, DISPATCHER, PROVIDER_ADMIN)
				.requestMatchers("/api/v1/providers", "/api/v1/providers/**")
				.hasAnyRole(ADMIN, PROVIDER_ADMIN)
				.requestMatchers(HttpMethod.GET, "/api/v1/catalog/**")
				.authenticated()
				.requestMatchers("/api/v1/catalog/**")
				.hasRole(ADMIN)
				.anyRequest()
				.authenticated());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain camundaRestChain(HttpSecurity http, ObjectMapper mapper) throws Exception {
		http.securityMatcher("/engine-rest/**")
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(b -> b.authenticationEntryPoint(entryPoint(mapper)))
			.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(mapper)).accessDeniedHandler(denied(mapper)))
			.authorizeHttpRequests(a -> a.anyRequest().hasRole(ADMIN));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain actuatorChain(HttpSecurity http, ObjectMapper mapper) throws Exception {
		http.securityMatcher("/actuator/**")
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(b -> b.authenticationEntryPoint(entryPoint(mapper)))
			.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(mapper)).accessDeniedHandler(denied(mapper)))
			.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				.anyRequest()
				.hasAnyRole(ADMIN, OPS));
		return http.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain webChain(HttpSecurity http) throws Exception {
		http.csrf(c -> c.ignoringRequestMatchers("/admin/**", "/camunda/**"))
			.httpBasic(b -> {
			})
			.formLogin(f -> f.defaultSuccessUrl("/camunda/app/", false))
			.logout(l -> l.logoutSuccessUrl("/login?logout"))
			.headers(h -> h.frameOptions(f -> f.sameOrigin()))
			.authorizeHttpRequests(a -> a
				.requestMatchers("/login", "/error", "/favicon.ico", "/swagger-ui.html", "/swagger-ui/**",
						"/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/admin/**")
				.hasAnyRole(ADMIN, OPS)
				.requestMatchers("/camunda/**")
				.hasAnyRole(ADMIN, DISPATCHER, CUSTOMER_SERVICE)
				.anyRequest()
				.authenticated());
		return http.build();
	}

	private static AuthenticationEntryPoint entryPoint(ObjectMapper mapper) {
		return (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"shifu\", ApiKey");
			Problems.write(mapper, request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
					"Unauthenticated", "Send X-Api-Key (brands) or HTTP basic credentials (users)"));
		};
	}

	private static AccessDeniedHandler denied(ObjectMapper mapper) {
		return (request, response, ex) -> Problems.write(mapper, request, response,
				Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role may not do this"));
	}

}
