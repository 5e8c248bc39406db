package dev.shifu.platform.housekeeping.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many event publications wait for their listener, and since when. Gauges {@code shifu.events.pending} and
 * {@code shifu.events.pending.oldest.age} (seconds) read the registry's table when scraped; the health indicator
 * {@code eventPublications} is DOWN while the oldest has waited longer than {@code shifu.events.alert-age}.
 */
@Component("eventPublications")
class PendingEvents implements HealthIndicator {

	record Snapshot(long count, Duration oldestAge) {
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final EventProperties properties;

	PendingEvents(JdbcTemplate jdbc, Optional<Clock> clock, EventProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
		this.properties = properties;
		Gauge.builder("shifu.events.pending", this, p -> p.snapshot().count())
			.description("Event publications whose listener has not completed yet")
			.register(meters);
		Gauge.builder("shifu.events.pending.oldest.age", this, p -> p.snapshot().oldestAge().toSeconds())
			.description("Age of the oldest incomplete event publication")
			.baseUnit("seconds")
			.register(meters);
	}

	Snapshot snapshot() {
		return jdbc.queryForObject(
				"select count(*), min(publication_date) from event_publication where completion_date is null",
				(rs, n) -> {
					Timestamp oldest = rs.getTimestamp(2);
					return new Snapshot(rs.getLong(1), oldest == null ? Duration.ZERO
							: Duration.between(oldest.toInstant(), clock.instant()).abs());
				});
	}

	@Override
	public Health health() {
		Snapshot snapshot;
		try {
			snapshot = snapshot();
		}
		catch (org.springframework.dao.DataAccessException ex) {
			// Health must answer DOWN during a database outage, not fail the whole endpoint.
			return Health.down().withDetail("error", "the event registry cannot be read").build();
		}
		Health.Builder health = snapshot.oldestAge().compareTo(properties.alertAge()) > 0 ? Health.down() : Health.up();
		return health.withDetail("pending", snapshot.count())
			.withDetail("oldestPendingAge", snapshot.oldestAge().toString())
			.withDetail("alertAge", properties.alertAge().toString())
			.build();
	}

}
