package dev.shifu.platform.webhook.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.shifu.platform.shared.RateLimits;

/**
 * {@code shifu.webhooks.replay-limit.*}: replays a brand may ask for per {@code period} (each one is an HTTP call
 * to its endpoint made before the answer), shared by all nodes.
 */
@ConfigurationProperties("shifu.webhooks.replay-limit")
record ReplayLimit(@DefaultValue("30") int perBrand, @DefaultValue("PT1M") Duration period) {

	RateLimits.Limit limit() {
		return RateLimits.Limit.perPeriod("webhook-replay", perBrand, period);
	}

}
