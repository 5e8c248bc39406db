package dev.shifu.platform.webhook.internal;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ WebhookProperties.class, ReplayLimit.class })
class WebhookConfig {

	@Bean
	WebhookUrls webhookUrls(WebhookProperties properties) {
		return new WebhookUrls(properties.allowPrivateNetworks());
	}

	@Bean
	Backoff webhookBackoff(WebhookProperties properties) {
		return new Backoff(properties.backoffBase(), properties.backoffMax(), properties.backoffJitter(),
				() -> ThreadLocalRandom.current().nextDouble());
	}

}
