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
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.shifu.platform.shared.DatabaseOutage;
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
		http.securityMatcher(path("/api/**"))
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new ApiKeyAuthenticationFilter(identity, mapper), BasicAuthenticationFilter.class)
			.httpBasic(b -> b.authenticationEntryPoint(entryPoint(mapper)))
			.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(mapper)).accessDeniedHandler(denied(mapper)))
			.authorizeHttpRequests(a -> a
				.requestMatchers(path(HttpMethod.DELETE, "/api/v1/orders/*/verification-lock"))
				.hasAnyRole(ADMIN, DISPATCHER)
				.requestMatchers(path("/api/v1/tasks"), path("/api/v1/tasks/**"))
				.hasAnyRole(ADMIN, DISPATCHER, CUSTOMER_SERVICE)
				.requestMatchers(path(HttpMethod.GET, "/api/v1/orders"), path(HttpMethod.GET, "/api/v1/orders/**"))
				.hasAnyRole(BRAND, ADMIN, DISPATCHER, CUSTOMER_SERVICE)
				.requestMatchers(path("/api/v1/orders"), path("/api/v1/orders/**"), path("/api/v1/orders:import"))
				.hasRole(BRAND)
				.requestMatchers(path("/api/v1/brand/**"))
				.hasRole(BRAND)
				.requestMatchers(path("/api/v1/brands"), path("/api/v1/brands/**"), path("/api/v1/users"), path("/api/v1/users/**"))
				.hasRole(ADMIN)
				.requestMatchers(path(HttpMethod.GET, "/api/v1/providers"), path(HttpMethod.GET, "/api/v1/providers/**"))
				.hasAnyRole(ADMIN, DISPATCHER, PROVIDER_ADMIN)
				.requestMatchers(path("/api/v1/providers"), path("/api/v1/providers/**"))
				.hasAnyRole(ADMIN, PROVIDER_ADMIN)
				// The consumer's link token is the credential; it opens that one order only.
				.requestMatchers(path("/api/v1/consumer/**"))
				.permitAll()
				.requestMatchers(path(HttpMethod.GET, "/api/v1/offers"), path(HttpMethod.GET, "/api/v1/offers/**"))
				.hasAnyRole(ADMIN, DISPATCHER, PROVIDER_ADMIN)
				.requestMatchers(path("/api/v1/offers/**"))
				.hasAnyRole(ADMIN, PROVIDER_ADMIN)
				.requestMatchers(path("/api/v1/schedules"), path("/api/v1/schedules/**"), path("/api/v1/dispatch/**"))
				.hasAnyRole(ADMIN, DISPATCHER)
				.requestMatchers(path("/api/v1/notifications"), path("/api/v1/complaints"))
				.hasAnyRole(ADMIN, DISPATCHER, CUSTOMER_SERVICE)
				.requestMatchers(path(HttpMethod.GET, "/api/v1/catalog/**"))
				.authenticated()
				.requestMatchers(path("/api/v1/catalog/**"))
				.hasRole(ADMIN)
				.anyRequest()
				.authenticated());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain camundaRestChain(HttpSecurity http, ObjectMapper mapper) throws Exception {
		http.securityMatcher(path("/engine-rest/**"))
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
		http.securityMatcher(path("/actuator/**"))
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(b -> b.authenticationEntryPoint(entryPoint(mapper)))
			.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(mapper)).accessDeniedHandler(denied(mapper)))
			.authorizeHttpRequests(a -> a.requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/actuator/info"))
				.permitAll()
				.anyRequest()
				.hasAnyRole(ADMIN, OPS));
		return http.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain webChain(HttpSecurity http, ObjectMapper mapper) throws Exception {
		// The console's JSON routes (the board API, staff tasks) answer refusals as problem+json; its pages redirect to login.
		RequestMatcher consoleApi = new AndRequestMatcher(path("/console/**"),
				new NegatedRequestMatcher(path(HttpMethod.GET, "/console/board")));
		// Spring Boot Admin's UI sends the XSRF-TOKEN cookie back as a header; Camunda's webapps guard themselves.
		http.csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
			.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
			.ignoringRequestMatchers(path(HttpMethod.POST, "/admin/instances"), path(HttpMethod.DELETE, "/admin/instances/*"),
					path("/admin/actuator/**"), path("/camunda/**")))
			.httpBasic(b -> {
			})
			.formLogin(f -> f.defaultSuccessUrl("/camunda/app/", false))
			.logout(l -> l.logoutSuccessUrl("/login?logout"))
			.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(entryPoint(mapper), consoleApi)
				.defaultAccessDeniedHandlerFor(denied(mapper), consoleApi))
			.headers(h -> h.frameOptions(f -> f.sameOrigin()))
			.authorizeHttpRequests(a -> a
				.requestMatchers(path("/login"), path("/error"), path("/favicon.ico"), path("/swagger-ui.html"), path("/swagger-ui/**"), path("/v3/api-docs"), path("/v3/api-docs.yaml"), path("/v3/api-docs/**"),
						path("/c/**"), path("/consumer.html"))
				.permitAll()
				.requestMatchers(path("/admin/**"))
				.hasAnyRole(ADMIN, OPS)
				.requestMatchers(path("/camunda/**"))
				.hasAnyRole(ADMIN, DISPATCHER, CUSTOMER_SERVICE)
				// The dispatcher's route board page and the board API it calls with the session (CSRF header).
				.requestMatchers(path("/console/**"))
				.hasAnyRole(ADMIN, DISPATCHER)
				.anyRequest()
				.authenticated());
		return http.build();
	}

	/** Full-path matchers: Camunda's REST and webapp servlets sit outside the DispatcherServlet. */
	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	private static RequestMatcher path(HttpMethod method, String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
	}

	private static AuthenticationEntryPoint entryPoint(ObjectMapper mapper) {
		return (request, response, ex) -> {
			if (DatabaseOutage.causedBy(ex)) {
				// The credentials could not be checked, not found wrong.
				response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
				Problems.write(mapper, request, response, DatabaseOutage.problem());
				return;
			}
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
