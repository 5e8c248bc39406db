package dev.shifu.platform.installer.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.shifu.platform.shared.RateLimits;
import dev.shifu.platform.shared.TooManyAttemptsException;

/**
 * Token buckets (the shared {@link RateLimits}) in front of installer sign-in, per phone and per client address: failed sign-ins (password
 * or one-time code) and code requests (each sends an SMS) spend tokens. While a bucket is empty every attempt for
 * that phone or from that address answers 429 with Retry-After, before any password is checked, so the right password
 * does not help a guesser either. The buckets are shared by all nodes.
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

	private final Limits limits;

	private final RateLimits buckets;

	SignInRateLimit(Limits limits, RateLimits buckets) {
		this.limits = limits;
		this.buckets = buckets;
	}

	/** Refuses (429) while the phone or the caller's address has no failed sign-in left. */
	void checkSignIn(String phone) {
		refuseIfEmpty(perPhone(), phone, "phone");
		refuseIfEmpty(perAddress(), address(), "address");
	}

	/** A sign-in failed (wrong password or code, unknown phone): one token of each bucket. */
	void failed(String phone) {
		buckets.spend(perPhone(), phone);
		buckets.spend(perAddress(), address());
	}

	/** A code request spends one of the address's tokens, or is refused (429). */
	void codeRequested() {
		RateLimits.Verdict verdict = buckets.tryConsume(
				RateLimits.Limit.perPeriod("installer-code-address", limits.codeRequestsPerAddress(), limits.period()),
				address());
		if (!verdict.allowed()) {
			throw refusal("address", verdict.retryAfterSeconds());
		}
	}

	private RateLimits.Limit perPhone() {
		return RateLimits.Limit.perPeriod("installer-sign-in-phone", limits.failuresPerPhone(), limits.period());
	}

	private RateLimits.Limit perAddress() {
		return RateLimits.Limit.perPeriod("installer-sign-in-address", limits.failuresPerAddress(), limits.period());
	}

	private void refuseIfEmpty(RateLimits.Limit limit, String subject, String field) {
		RateLimits.Verdict verdict = buckets.peek(limit, subject);
		if (!verdict.allowed()) {
			throw refusal(field, verdict.retryAfterSeconds());
		}
	}

	private static TooManyAttemptsException refusal(String field, long seconds) {
		return new TooManyAttemptsException(field, "Too many sign-in attempts from this " + field + "; try again in "
				+ seconds + " s. 登录尝试过多，请稍后再试。", Instant.now().plusSeconds(seconds + 1));
	}

	private static String address() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			return request.getRequest().getRemoteAddr();
		}
		return "unknown";
	}

}
