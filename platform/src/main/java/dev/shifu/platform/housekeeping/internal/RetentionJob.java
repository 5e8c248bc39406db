package dev.shifu.platform.housekeeping.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.shifu.platform.notification.Notifications;
import dev.shifu.platform.shared.Idempotency;
import dev.shifu.platform.shared.RateLimits;
import dev.shifu.platform.webhook.BrandWebhooks;

/**
 * The one cleanup job: every record kind that only grows is cut back to its retention ({@code shifu.retention.*}).
 * Each owner deletes its own rows; only finished records go (queued messages and pending deliveries stay).
 */
@Component
class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final RetentionProperties retention;

	private final Idempotency idempotency;

	private final CompletedEventPublications publications;

	private final Notifications notifications;

	private final BrandWebhooks webhooks;

	private final RateLimits rateLimits;

	private final Clock clock;

	RetentionJob(RetentionProperties retention, Idempotency idempotency, CompletedEventPublications publications,
			Notifications notifications, BrandWebhooks webhooks, RateLimits rateLimits, Optional<Clock> clock) {
		this.rateLimits = rateLimits;
		this.retention = retention;
		this.idempotency = idempotency;
		this.publications = publications;
		this.notifications = notifications;
		this.webhooks = webhooks;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Scheduled(cron = "${shifu.retention.cron:0 30 3 * * *}")
	@SchedulerLock(name = "retention", lockAtMostFor = "PT1H")
	public void run() {
		purge();
	}

	/** @return how many rows of each kind went */
	Map<String, Integer> purge() {
		Instant now = clock.instant();
		Map<String, Integer> purged = new LinkedHashMap<>();
		purged.put("idempotencyRecords", idempotency.forgetBefore(now.minus(retention.idempotencyRecords())));
		// The registry measures age on its own clock, which is the app's Clock bean.
		publications.deletePublicationsOlderThan(retention.eventPublications());
		purged.put("notifications", notifications.purgeFinishedBefore(now.minus(retention.notifications())));
		purged.put("webhookDeliveries", webhooks.purgeFinishedBefore(now.minus(retention.webhookDeliveries())));
		// Buckets that are full again (an absent bucket starts full, so no limit changes).
		purged.put("rateLimitBuckets", rateLimits.purgeExpired());
		log.info("Retention cleanup: {}", purged);
		return purged;
	}

}
