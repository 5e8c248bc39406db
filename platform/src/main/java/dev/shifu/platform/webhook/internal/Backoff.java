package dev.shifu.platform.webhook.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with additive jitter: after the n-th failed attempt of a cycle wait {@code base * 2^(n-1)},
 * plus up to {@code jitter} of that at random, capped at {@code max}. With jitter below 100 % each wait is longer
 * than the one before until the cap is reached.
 */
final class Backoff {

	private final Duration base;

	private final Duration max;

	private final double jitter;

	private final DoubleSupplier random;

	Backoff(Duration base, Duration max, double jitter, DoubleSupplier random) {
		this.base = base;
		this.max = max;
		this.jitter = jitter;
		this.random = random;
	}

	/** @param failedAttempts failed attempts so far in this cycle, at least 1 */
	Duration delayAfter(int failedAttempts) {
		int doublings = Math.min(Math.max(failedAttempts, 1) - 1, 30);
		long baseMillis = base.toMillis();
		long maxMillis = max.toMillis();
		long delay = baseMillis > (maxMillis >> doublings) ? maxMillis : baseMillis << doublings;
		long withJitter = delay + (long) (delay * jitter * random.getAsDouble());
		return Duration.ofMillis(Math.min(withJitter, maxMillis));
	}

}
