package dev.shifu.platform.workflow.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code order_process} row of an order, whose primary key makes "one process per order" a database rule:
 * Camunda's business key is not unique. Whoever inserts the row first (a start, or a cancellation before any start)
 * decides; a concurrent insert waits for that transaction and then fails on the key.
 */
@Component
class ProcessClaims {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ProcessClaims(JdbcTemplate jdbc, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** @return whether this transaction may start the order's process (no one started or cancelled it before) */
	boolean claimStart(long orderId) {
		return claim(orderId, true);
	}

	/** @return whether no process had started, and now none ever will */
	boolean claimNoProcess(long orderId) {
		return claim(orderId, false);
	}

	private boolean claim(long orderId, boolean started) {
		try {
			jdbc.update("insert into order_process (order_id, started, claimed_at) values (?, ?, ?)", orderId, started,
					Timestamp.from(clock.instant()));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

}
