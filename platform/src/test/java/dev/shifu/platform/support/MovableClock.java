package dev.shifu.platform.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A clock the test moves. It is the app's {@link Clock} bean (import {@link Config}) and also Camunda's clock
 * ({@link ClockUtil}), so timers become due exactly when the test moves time past them, never earlier.
 * Camunda's clock is JVM-wide: call {@link #reset()} when the test is done.
 */
public final class MovableClock extends Clock {

	private final ZoneId zone;

	private volatile Instant now;

	public MovableClock(Instant start, ZoneId zone) {
		this.zone = zone;
		set(start);
	}

	/** Moves the app's and the engine's time to {@code instant}. */
	public synchronized void set(Instant instant) {
		// Whole milliseconds, as the databases store them: a stamp of "now" read back must not lie in the future
		// (H2 rounds nanoseconds to microseconds), which this clock, standing still, would never reach.
		this.now = instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		ClockUtil.setCurrentTime(Date.from(this.now));
	}

	public void set(ZonedDateTime time) {
		set(time.toInstant());
	}

	public void advance(Duration duration) {
		set(now.plus(duration));
	}

	/** Back to the system time, for both the app's clock and Camunda's. */
	public synchronized void reset() {
		this.now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		ClockUtil.reset();
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	/** A view in another zone that still follows this clock's moves. */
	@Override
	public Clock withZone(ZoneId other) {
		MovableClock self = this;
		return new Clock() {
			@Override
			public ZoneId getZone() {
				return other;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return self.withZone(zone);
			}

			@Override
			public Instant instant() {
				return self.instant();
			}
		};
	}

	@Override
	public Instant instant() {
		return now;
	}

	/** Registers one {@link MovableClock} (Asia/Shanghai, starting now) as the app's clock. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		MovableClock movableClock() {
			return new MovableClock(Instant.now(), ZoneId.of("Asia/Shanghai"));
		}

	}

}
