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
		this.now = instant;
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	public void set(ZonedDateTime time) {
		set(time.toInstant());
	}

	public void advance(Duration duration) {
		set(now.plus(duration));
	}

	/** Back to the system time, for both the app's clock and Camunda's. */
	public synchronized void reset() {
		this.now = Instant.now();
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
