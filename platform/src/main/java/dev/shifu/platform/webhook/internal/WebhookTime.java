package dev.shifu.platform.webhook.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * The dispatcher's clock. Deliberately not a {@link Clock} bean: other contexts inject an optional {@code Clock},
 * and moving ours in a test must not move theirs.
 */
@Component
class WebhookTime {

	private volatile Clock clock = Clock.systemUTC();

	Instant now() {
		return clock.instant();
	}

	/** Tests only: move time to check retries and expiry without waiting. */
	void use(Clock clock) {
		this.clock = clock;
	}

	void reset() {
		this.clock = Clock.systemUTC();
	}

}
