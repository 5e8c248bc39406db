package dev.shifu.platform.order.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.shared.RateLimits;

/**
 * Order intake quota per brand API key, shared by all nodes: {@code perKey} orders per {@code period}, refilled
 * smoothly, so a brand over its quota is slowed to its rate (429 with Retry-After) rather than cut off for the rest
 * of the period. A refused POST stores nothing; retried after the wait with the same Idempotency-Key, it stores the
 * order once. {@code perBrand} overrides the quota by brand code (every key of that brand gets it).
 */
@Component
class IntakeQuota {

	/** {@code shifu.orders.intake-quota.*}. */
	@ConfigurationProperties("shifu.orders.intake-quota")
	record Quota(@DefaultValue("30000") int perKey, @DefaultValue("PT1M") Duration period,
			Map<String, Integer> perBrand) {

		Quota {
			perBrand = perBrand == null ? Map.of() : Map.copyOf(perBrand);
		}

	}

	@Configuration
	@EnableConfigurationProperties(Quota.class)
	static class Config {

	}

	private final Quota quota;

	private final RateLimits limits;

	IntakeQuota(Quota quota, RateLimits limits) {
		this.quota = quota;
		this.limits = limits;
	}

	/** Spends one order of the calling key's quota, or throws 429 (nothing stored). */
	void spendOne(Actor brand) {
		String code = brand.name().startsWith("brand:") ? brand.name().substring("brand:".length()) : brand.name();
		int perKey = quota.perBrand().getOrDefault(code, quota.perKey());
		String key = CurrentActor.apiKeyId().orElse("brand:" + brand.brandId());
		limits.enforce(RateLimits.Limit.smooth("order-intake", perKey, quota.period()), key, "X-Api-Key",
				"orders for this API key (quota " + perKey + " per " + quota.period() + ")");
	}

}
