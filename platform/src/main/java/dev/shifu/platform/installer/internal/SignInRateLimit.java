package dev.shifu.platform.installer.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.shifu.platform.shared.TooManyAttemptsException;

/**
 * Token buckets (Bucket4j) in front of installer sign-in, per phone and per client address: failed sign-ins (password
 * or one-time code) and code requests (each sends an SMS) spend tokens. While a bucket is empty every attempt for
 * that phone or from that address answers 429 with Retry-After, before any password is checked, so the right password
 * does not help a guesser either. Buckets live in this node's memory; several nodes each allow the limit.
 */
@Component
class SignInRateLimit {

	/**
	 * {@code shifu.mobile.sign-in-limit.*}: how many failed sign-ins per phone and per address, and code requests per
	 * address, each {@code period}.
	 */
	@ConfigurationProperties("shifu.mobile.sign-in-limit")
	record Limits(@DefaultValue("5") int failuresPerPhone, @DefaultValue("20") int failuresPerAddress,
			@DefaultValue("10") int codeRequestsPerAddress, @DefaultValue("PT15M") Duration period) {
	}

	@Configuration
	@EnableConfigurationProperties(Limits.class)
	static class Config {

	}

	private static final int MAX_TRACKED = 50_000;

	private final Limits limits;

	private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_TRACKED;
		}
	});

	SignInRateLimit(Limits limits) {
		this.limits = limits;
	}

	/** Refuses (429) while the phone or the caller's address has no failed sign-in left. */
	void checkSignIn(String phone) {
		refuseIfEmpty("fail-phone:" + phone, limits.failuresPerPhone(), "phone");
		refuseIfEmpty("fail-address:" + address(), limits.failuresPerAddress(), "address");
	}

	/** A sign-in failed (wrong password or code, unknown phone): one token of each bucket. */
	void failed(String phone) {
		bucket("fail-phone:" + phone, limits.failuresPerPhone()).tryConsume(1);
		bucket("fail-address:" + address(), limits.failuresPerAddress()).tryConsume(1);
	}

	/** A code request spends one of the address's tokens, or is refused (429). */
	void codeRequested() {
		Bucket bucket = bucket("code-address:" + address(), limits.codeRequestsPerAddress());
		var probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw refusal("address", probe.getNanosToWaitForRefill());
		}
	}

	private void refuseIfEmpty(String key, int capacity, String field) {
		EstimationProbe probe = bucket(key, capacity).estimateAbilityToConsume(1);
		if (!probe.canBeConsumed()) {
			throw refusal(field, probe.getNanosToWaitForRefill());
		}
	}

	private static TooManyAttemptsException refusal(String field, long nanos) {
		Duration wait = Duration.ofNanos(Math.max(nanos, 1_000_000_000L));
		return new TooManyAttemptsException(field, "Too many sign-in attempts from this " + field + "; try again in "
				+ Math.max(1, wait.toSeconds()) + " s. 登录尝试过多，请稍后再试。", Instant.now().plus(wait).plusSeconds(1));
	}

	private Bucket bucket(String key, int capacity) {
		return buckets.computeIfAbsent(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, limits.period()).build())
			.build());
	}

	private static String address() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			return request.getRequest().getRemoteAddr();
		}
		return "unknown";
	}

}
