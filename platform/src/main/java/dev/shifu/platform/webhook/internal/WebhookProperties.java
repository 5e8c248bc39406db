package dev.shifu.platform.webhook.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shifu.webhooks.*}: how often and how hard the dispatcher tries.
 * @param schedulerEnabled run the dispatcher on a schedule; tests switch it off and call it by hand
 * @param interval pause between dispatcher runs
 * @param batchSize deliveries claimed per run
 * @param backoffBase wait after the first failed attempt; it doubles with every further failure
 * @param backoffMax the longest wait between two attempts
 * @param backoffJitter up to this fraction is added at random to each wait, so receivers coming back are not hit
 * by every retry at once
 * @param maxAge give up (FAILED) when an attempt fails this long after the first attempt of the cycle
 * @param connectTimeout TCP and TLS connect timeout
 * @param readTimeout how long the receiver may take to answer
 * @param allowPrivateNetworks allow endpoints on loopback, private and link-local addresses (tests, local demos);
 * off in production so a brand cannot make us call our own network
 */
@ConfigurationProperties("shifu.webhooks")
record WebhookProperties(@DefaultValue("true") boolean schedulerEnabled, @DefaultValue("5s") Duration interval,
		@DefaultValue("50") int batchSize, @DefaultValue("30s") Duration backoffBase,
		@DefaultValue("1h") Duration backoffMax, @DefaultValue("0.2") double backoffJitter,
		@DefaultValue("24h") Duration maxAge, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout, @DefaultValue("false") boolean allowPrivateNetworks) {

	WebhookProperties {
		positive("interval", interval);
		positive("backoff-base", backoffBase);
		positive("backoff-max", backoffMax);
		positive("max-age", maxAge);
		positive("connect-timeout", connectTimeout);
		positive("read-timeout", readTimeout);
		if (batchSize < 1 || batchSize > 1000) {
			throw new IllegalArgumentException("shifu.webhooks.batch-size must be 1 to 1000");
		}
		if (backoffJitter < 0 || backoffJitter > 1) {
			throw new IllegalArgumentException("shifu.webhooks.backoff-jitter must be 0 to 1");
		}
		if (backoffMax.compareTo(backoffBase) < 0) {
			throw new IllegalArgumentException("shifu.webhooks.backoff-max must not be below backoff-base");
		}
	}

	/** How long a claimed delivery stays ours: longer than any attempt can take. */
	Duration claimLease() {
		return connectTimeout.plus(readTimeout).plusSeconds(30);
	}

	private static void positive(String name, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("shifu.webhooks." + name + " must be a positive duration");
		}
	}

}
