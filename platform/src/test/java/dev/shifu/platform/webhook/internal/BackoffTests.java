package dev.shifu.platform.webhook.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	private static final Duration BASE = Duration.ofSeconds(30);

	private static final Duration MAX = Duration.ofHours(1);

	@Test
	void waitDoublesFromTheBaseWithoutJitter() {
		Backoff backoff = new Backoff(BASE, MAX, 0.2, () -> 0.0);

		assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(120));
		assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofMinutes(32));
	}

	@Test
	void waitIsCappedAtTheMaximumEvenAfterVeryManyFailures() {
		Backoff backoff = new Backoff(BASE, MAX, 0.2, () -> 0.999);

		assertThat(backoff.delayAfter(8)).isEqualTo(MAX);
		assertThat(backoff.delayAfter(64)).isEqualTo(MAX);
		assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(MAX);
	}

	@Test
	void jitterAddsAtMostItsFractionAndEachWaitStillGrows() {
		Backoff most = new Backoff(BASE, MAX, 0.2, () -> 0.999);
		Backoff least = new Backoff(BASE, MAX, 0.2, () -> 0.0);

		assertThat(most.delayAfter(1)).isGreaterThan(Duration.ofSeconds(35)).isLessThan(Duration.ofSeconds(36));
		for (int attempt = 1; attempt < 7; attempt++) {
			assertThat(least.delayAfter(attempt + 1)).as("after %d failures", attempt)
				.isGreaterThan(most.delayAfter(attempt));
		}
	}

}
