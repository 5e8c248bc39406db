package dev.shifu.platform.booking.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.shifu.platform.shared.Problems;

/**
 * Token buckets (Bucket4j) per link and per client address in front of the consumer link, before security and any
 * database work: one link cannot hammer its order, and one address cannot walk through guessed tokens. Buckets live
 * in this node's memory (a few thousand active links); several nodes each allow the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ConsumerRateLimit extends OncePerRequestFilter {

	private static final int MAX_TRACKED = 50_000;

	private final ConsumerLinkProperties properties;

	private final ObjectMapper mapper;

	private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_TRACKED;
		}
	});

	ConsumerRateLimit(ConsumerLinkProperties properties, ObjectMapper mapper) {
		this.properties = properties;
		this.mapper = mapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return token(request) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ConsumptionProbe ip = bucket("ip:" + request.getRemoteAddr(), properties.perIp()).tryConsumeAndReturnRemaining(1);
		if (!ip.isConsumed()) {
			refuse(request, response, ip, "address");
			return;
		}
		ConsumptionProbe link = bucket("token:" + token(request), properties.perToken()).tryConsumeAndReturnRemaining(1);
		if (!link.isConsumed()) {
			refuse(request, response, link, "token");
			return;
		}
		chain.doFilter(request, response);
	}

	private Bucket bucket(String key, int capacity) {
		return buckets.computeIfAbsent(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, properties.period()).build())
			.build());
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, ConsumptionProbe probe, String per)
			throws IOException {
		long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
				"Too many requests from this " + (per.equals("token") ? "link" : "address") + "; try again in " + seconds
						+ " s. 请求过于频繁，请 " + seconds + " 秒后再试。");
		problem.setProperty("field", per);
		problem.setProperty("retryAfterSeconds", seconds);
		response.setHeader("Retry-After", String.valueOf(seconds));
		Problems.write(mapper, request, response, problem);
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
