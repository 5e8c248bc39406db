package dev.shifu.platform.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shifu.notifications.*}.
 *
 * @param batchSize messages one sender run claims at most
 * @param claimTimeout how long a claim holds; a node that dies mid-send frees its messages after it
 * @param backoffBase wait after the first failure, doubled per attempt
 * @param backoffMax longest wait between attempts
 * @param maxAttempts attempts before a message is FAILED
 * @param brandWebhook whether consumer messages also go to the brand's webhook (event {@code consumer.notification})
 * @param email the email channel, off by default
 */
@ConfigurationProperties("shifu.notifications")
record NotificationProperties(@DefaultValue("50") int batchSize, @DefaultValue("PT2M") Duration claimTimeout,
		@DefaultValue("PT30S") Duration backoffBase, @DefaultValue("PT1H") Duration backoffMax,
		@DefaultValue("8") int maxAttempts, @DefaultValue("true") boolean brandWebhook, @DefaultValue Email email) {

	/** {@code from}: the sender address. Needs {@code spring.mail.host} as well. */
	record Email(@DefaultValue("false") boolean enabled, @DefaultValue("noreply@shifu.dev") String from) {
	}

}
