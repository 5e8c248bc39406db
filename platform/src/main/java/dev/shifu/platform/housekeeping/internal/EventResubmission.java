package dev.shifu.platform.housekeeping.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Spring Modulith retries a failed listener only at restart; this resubmits incomplete publications while the app
 * runs. A publication is resubmitted once it is {@code resubmit-after} old, then after waits that double per attempt
 * up to {@code backoff-max}, so a listener that keeps failing is not hammered. Attempts are counted in memory: after
 * a restart the registry republishes everything outstanding anyway, and the count starts again.
 */
@Component
class EventResubmission {

	private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

	/** Queued listeners that make a backlog (a surge), not the few of normal traffic. */
	static final int BACKLOG = 100;

	record Attempts(int count, Instant next) {
	}

	private final IncompleteEventPublications incomplete;

	private final EventProperties properties;

	private final Clock clock;

	private final Map<UUID, Attempts> attempts = new ConcurrentHashMap<>();

	/** The async listeners' pool: while it has a backlog, incomplete publications are mostly just waiting in it. */
	private final ThreadPoolTaskExecutor listeners;

	EventResubmission(IncompleteEventPublications incomplete, EventProperties properties, Optional<Clock> clock,
			@Qualifier("taskExecutor") ThreadPoolTaskExecutor listeners) {
		this.incomplete = incomplete;
		this.listeners = listeners;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Scheduled(fixedDelayString = "${shifu.events.resubmit-interval:PT30S}",
			initialDelayString = "${shifu.events.resubmit-interval:PT30S}")
	// A lock whose release failed (the database away at that moment) holds until lockAtMostFor: short, so the
	// resubmission of what the outage left incomplete resumes within a minute of the database's return, not ten.
	@SchedulerLock(name = "event-resubmission", lockAtMostFor = "${shifu.events.resubmit-lock-at-most-for:PT1M}")
	public void resubmit() {
		int queued = listeners.getThreadPoolExecutor().getQueue().size();
		if (queued >= BACKLOG) {
			// A surge: publications older than resubmit-after are mostly queued, not failed, and resubmitting them
			// would run them twice and lengthen the queue. Those the full queue deferred wait for a quiet tick.
			log.info("Not resubmitting while {} listeners are queued", queued);
			return;
		}
		Instant now = clock.instant();
		Set<UUID> seen = ConcurrentHashMap.newKeySet();
		AtomicInteger resubmitted = new AtomicInteger();
		incomplete.resubmitIncompletePublications(publication -> {
			seen.add(publication.getIdentifier());
			boolean due = due(publication, now);
			if (due) {
				resubmitted.incrementAndGet();
			}
			return due;
		});
		// Completed (or deleted) publications need no more counting.
		attempts.keySet().retainAll(seen);
		if (resubmitted.get() > 0) {
			log.info("Resubmitted {} of {} incomplete event publications", resubmitted.get(), seen.size());
		}
	}

	private boolean due(EventPublication publication, Instant now) {
		Attempts previous = attempts.get(publication.getIdentifier());
		boolean due = previous == null ? !publication.getPublicationDate().isAfter(now.minus(properties.resubmitAfter()))
				: !previous.next().isAfter(now);
		if (due) {
			int count = previous == null ? 1 : previous.count() + 1;
			attempts.put(publication.getIdentifier(), new Attempts(count, now.plus(backoff(count))));
			log.debug("Resubmitting event publication {} ({}), attempt {}", publication.getIdentifier(),
					publication.getEvent().getClass().getSimpleName(), count);
		}
		return due;
	}

	/** resubmit-after × 2^(attempts), at most backoff-max. */
	Duration backoff(int attempts) {
		Duration wait = properties.resubmitAfter();
		for (int i = 0; i < attempts && wait.compareTo(properties.backoffMax()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(properties.backoffMax()) > 0 ? properties.backoffMax() : wait;
	}

}
