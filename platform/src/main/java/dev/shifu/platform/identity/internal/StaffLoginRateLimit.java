package dev.shifu.platform.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.shifu.platform.shared.Problems;
import dev.shifu.platform.shared.RateLimits;
import dev.shifu.platform.shared.TooManyRequestsException;

/**
 * Staff login (brand, provider and platform users; the form login of the web apps and HTTP basic on the APIs):
 * failed logins spend tokens of the user's and of the address's shared bucket. While either is empty, every login
 * as that user or from that address answers 429 with Retry-After before the password is checked, so the right
 * password does not help a guesser either. Successful logins spend nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class StaffLoginRateLimit extends OncePerRequestFilter {

	/** {@code shifu.staff-login-limit.*}: failed logins allowed per user name and per address, each {@code period}. */
	@ConfigurationProperties("shifu.staff-login-limit")
	record Limits(@DefaultValue("10") int failuresPerUser, @DefaultValue("100") int failuresPerAddress,
			@DefaultValue("PT15M") Duration period) {
	}

	@Configuration
	@EnableConfigurationProperties(Limits.class)
	static class Config {

	}

	private final Limits limits;

	private final RateLimits buckets;

	private final ObjectMapper mapper;

	StaffLoginRateLimit(Limits limits, RateLimits buckets, ObjectMapper mapper) {
		this.limits = limits;
		this.buckets = buckets;
		this.mapper = mapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = username(request);
		if (username != null) {
			RateLimits.Verdict user = buckets.peek(perUser(), username);
			RateLimits.Verdict address = user.allowed() ? buckets.peek(perAddress(), request.getRemoteAddr()) : user;
			if (!address.allowed()) {
				String field = user.allowed() ? "address" : "username";
				response.setHeader("Retry-After", String.valueOf(address.retryAfterSeconds()));
				Problems.write(mapper, request, response, TooManyRequestsException
					.of(field, "failed logins " + (user.allowed() ? "from this address" : "as this user"),
							address.retryAfterSeconds())
					.problem());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** A wrong password or an unknown user, from the form login or HTTP basic (Spring Security's failure event). */
	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt)) {
			return;
		}
		buckets.spend(perUser(), normalised(attempt.getName()));
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			buckets.spend(perAddress(), request.getRequest().getRemoteAddr());
		}
	}

	private RateLimits.Limit perUser() {
		return RateLimits.Limit.perPeriod("staff-login-user", limits.failuresPerUser(), limits.period());
	}

	private RateLimits.Limit perAddress() {
		return RateLimits.Limit.perPeriod("staff-login-address", limits.failuresPerAddress(), limits.period());
	}

	/** The user name a request logs in as: the form login's field, or HTTP basic's; null for any other request. */
	static String username(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if ("POST".equals(request.getMethod()) && path.equals("/login")) {
			String username = request.getParameter("username");
			return username == null ? null : normalised(username);
		}
		String header = request.getHeader("Authorization");
		if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : normalised(decoded.substring(0, colon));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String normalised(String username) {
		String trimmed = username.trim().toLowerCase(Locale.ROOT);
		return trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
	}

}
