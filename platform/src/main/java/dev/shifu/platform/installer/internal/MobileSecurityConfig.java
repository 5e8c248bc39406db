package dev.shifu.platform.installer.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.shifu.platform.shared.DatabaseOutage;
import dev.shifu.platform.shared.Problems;

/**
 * The mobile API's own chain: stateless, bearer JWTs only (Spring Security's resource server, Nimbus), checked on
 * every request against the session and the installer's and provider's status. Only sign-in and refresh are open.
 * Installer tokens open nothing outside {@code /mobile/v1}: the other chains do not read bearer tokens.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MobileAuthSettings.class)
class MobileSecurityConfig {

	private static final Logger log = LoggerFactory.getLogger(MobileSecurityConfig.class);

	static final String BASE = "/mobile/v1";

	@Bean
	MobileJwtKey mobileJwtKey(MobileAuthSettings settings) {
		byte[] secret;
		if (settings.jwtSecret() == null || settings.jwtSecret().isBlank()) {
			log.warn("shifu.mobile.auth.jwt-secret is not set: installer tokens are signed with a random key and die "
					+ "with this process; set it (32+ bytes, the same on every node) in production");
			secret = new byte[32];
			new SecureRandom().nextBytes(secret);
		}
		else {
			secret = settings.jwtSecret().getBytes(StandardCharsets.UTF_8);
			if (secret.length < 32) {
				throw new IllegalStateException("shifu.mobile.auth.jwt-secret must be at least 32 bytes");
			}
		}
		return new MobileJwtKey(new SecretKeySpec(secret, "HmacSHA256"));
	}

	/** The HMAC key of installer access tokens (a type of its own, so no other chain picks it up). */
	record MobileJwtKey(SecretKey key) {
	}

	@Bean
	JwtEncoder mobileJwtEncoder(MobileJwtKey key) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(key.key()));
	}

	@Bean
	JwtDecoder mobileJwtDecoder(MobileJwtKey key) {
		// Validates the signature, exp and nbf (60 s clock skew).
		return NimbusJwtDecoder.withSecretKey(key.key()).macAlgorithm(MacAlgorithm.HS256).build();
	}

	@Bean
	@Order(0)
	SecurityFilterChain mobileChain(HttpSecurity http, JwtDecoder mobileJwtDecoder, MobileAuth auth, ObjectMapper mapper)
			throws Exception {
		http.securityMatcher(path(BASE + "/**"))
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(c -> c.disable())
			.oauth2ResourceServer(o -> o.authenticationEntryPoint(entryPoint(mapper))
				.accessDeniedHandler(denied(mapper))
				.jwt(j -> j.decoder(mobileJwtDecoder).jwtAuthenticationConverter(jwt -> authenticated(auth.authenticate(jwt)))))
			.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(mapper)).accessDeniedHandler(denied(mapper)))
			.authorizeHttpRequests(a -> a
				.requestMatchers(path(HttpMethod.POST, BASE + "/auth/login"), path(HttpMethod.POST, BASE + "/auth/code"),
						path(HttpMethod.POST, BASE + "/auth/code/login"), path(HttpMethod.POST, BASE + "/auth/refresh"))
				.permitAll()
				.anyRequest()
				.hasRole("INSTALLER"));
		return http.build();
	}

	private static AbstractAuthenticationToken authenticated(MobileAuth.MobileInstaller who) {
		AbstractAuthenticationToken token = new AbstractAuthenticationToken(AuthorityUtils.createAuthorityList(
				who.actor().roles().stream().map(dev.shifu.platform.identity.Role::authority).toArray(String[]::new))) {

			@Override
			public Object getCredentials() {
				return "";
			}

			@Override
			public Object getPrincipal() {
				return who;
			}

		};
		token.setAuthenticated(true);
		return token;
	}

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
			boolean bearer = request.getHeader("Authorization") != null;
			response.setHeader("WWW-Authenticate", bearer ? "Bearer error=\"invalid_token\"" : "Bearer");
			Problems.write(mapper, request, response, bearer
					? Problems.of(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid token",
							"The access token is expired, revoked or invalid, or the installer or provider is suspended")
					: Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
							ex instanceof org.springframework.security.authentication.BadCredentialsException
									|| ex instanceof org.springframework.security.authentication.DisabledException
									? "Wrong phone, password or code, or the sign-in is no longer valid"
									: "Send an access token: Authorization: Bearer ..."));
		};
	}

	private static AccessDeniedHandler denied(ObjectMapper mapper) {
		return (request, response, ex) -> Problems.write(mapper, request, response,
				Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Installers may not do this"));
	}

}
