package dev.shifu.platform.housekeeping.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long finished records are kept ({@code shifu.retention.*}); the cleanup runs at {@code cron}.
 * @param idempotencyRecords a retried POST or an offline replay older than this acts like a new request
 * @param eventPublications completed publications of the event registry
 * @param notifications sent and failed consumer and provider messages (queued ones are kept)
 * @param webhookDeliveries delivered and failed webhook deliveries with their attempts (pending ones are kept)
 */
@ConfigurationProperties("shifu.retention")
record RetentionProperties(@DefaultValue("0 30 3 * * *") String cron, @DefaultValue("P7D") Duration idempotencyRecords,
		@DefaultValue("P7D") Duration eventPublications, @DefaultValue("P90D") Duration notifications,
		@DefaultValue("P30D") Duration webhookDeliveries) {
}
