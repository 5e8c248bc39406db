package dev.shifu.platform.webhook.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the dispatcher every {@code shifu.webhooks.interval}; off with {@code shifu.webhooks.scheduler-enabled=false}. */
@Component
@ConditionalOnProperty(prefix = "shifu.webhooks", name = "scheduler-enabled", havingValue = "true", matchIfMissing = true)
class WebhookScheduler {

	private static final Logger log = LoggerFactory.getLogger(WebhookScheduler.class);

	/** Full batches are followed at once by the next, up to this many per run, so a backlog drains quickly. */
	private static final int MAX_BATCHES_PER_RUN = 20;

	private final WebhookDispatcher dispatcher;

	private final WebhookProperties properties;

	WebhookScheduler(WebhookDispatcher dispatcher, WebhookProperties properties) {
		this.dispatcher = dispatcher;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${shifu.webhooks.interval:5s}", initialDelayString = "${shifu.webhooks.interval:5s}")
	void dispatch() {
		try {
			for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
				if (dispatcher.dispatchDue() < properties.batchSize()) {
					return;
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Webhook dispatch failed; the next run retries: {}", ex.toString());
		}
	}

}
