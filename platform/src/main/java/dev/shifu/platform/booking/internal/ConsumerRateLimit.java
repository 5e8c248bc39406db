package dev.shifu.platform.booking.internal;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.shifu.platform.shared.Problems;
import dev.shifu.platform.shared.RateLimits;
import dev.shifu.platform.shared.TooManyRequestsException;

/**
 * Token buckets per link and per client address in front of the consumer link, before security and any other
 * database work: one link cannot hammer its order, and one address cannot walk through guessed tokens. The buckets
 * are the shared ones ({@link RateLimits}), so N nodes together allow the limit once; the token is hashed there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ConsumerRateLimit extends OncePerRequestFilter {

	private final ConsumerLinkProperties properties;

	private final RateLimits limits;

	private final ObjectMapper mapper;

	/**
	 * The link's limits sit on the windows query's hot path: counted on the node, written to the shared store every
	 * few calls or each second, so a request costs no database round trip of its own (each node may overshoot by
	 * this many before the others' counts reach it).
	 */
	private static final long SYNC_EVERY = 10;

	ConsumerRateLimit(ConsumerLinkProperties properties, RateLimits limits, ObjectMapper mapper) {
		this.properties = properties;
		this.limits = limits;
		this.mapper = mapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return token(request) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RateLimits.Verdict ip = limits.tryConsume(
				RateLimits.Limit.perPeriod("consumer-address", properties.perIp(), properties.period()).syncedEvery(SYNC_EVERY),
				request.getRemoteAddr());
		if (!ip.allowed()) {
			refuse(request, response, ip, "address");
			return;
		}
		RateLimits.Verdict link = limits.tryConsume(
				RateLimits.Limit.perPeriod("consumer-link", properties.perToken(), properties.period()).syncedEvery(SYNC_EVERY),
				token(request));
		if (!link.allowed()) {
			refuse(request, response, link, "token");
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, RateLimits.Verdict verdict,
			String per) throws IOException {
		long seconds = verdict.retryAfterSeconds();
		TooManyRequestsException refusal = TooManyRequestsException.of(per,
				"requests from this " + (per.equals("token") ? "link" : "address"), seconds);
		response.setHeader("Retry-After", String.valueOf(seconds));
		Problems.write(mapper, request, response, refusal.problem());
	}

	/** The link's token from {@code /api/v1/consumer/{token}/…} or {@code /c/{token}}; null for other paths. */
	static String token(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String rest;
		if (path.startsWith("/api/v1/consumer/")) {
			rest = path.substring("/api/v1/consumer/".length());
		}
		else if (path.startsWith("/c/")) {
			rest = path.substring(3);
		}
		else {
			return null;
		}
		int slash = rest.indexOf('/');
		String token = slash < 0 ? rest : rest.substring(0, slash);
		return token.isEmpty() ? null : token.length() > 100 ? token.substring(0, 100) : token;
	}

}
