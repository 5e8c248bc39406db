package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.shifu.platform.schedule.WindowCapacity.WindowTakenException;

/**
 * Serialises the reservations of one region's day: the caller's transaction holds the day's row lock until it
 * commits, so the next booking reads the held windows only after the previous one is visible.
 */
@Component
class WindowLocks {

	private final JdbcTemplate jdbc;

	WindowLocks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes the day's lock in the current transaction; a booking that cannot get it in time is told to retry. */
	void lock(String region, LocalDate day) {
		String key = region + "|" + day;
		LocalDateTime now = LocalDateTime.now();
		try {
			if (jdbc.update("update window_lock set taken_at = ? where lock_key = ?", now, key) == 1) {
				return;
			}
			try {
				jdbc.update("insert into window_lock (lock_key, taken_at) values (?, ?)", key, now);
			}
			catch (DuplicateKeyException createdMeanwhile) {
				// Another booking created the row first (its insert waited for that commit): take the lock now.
				jdbc.update("update window_lock set taken_at = ? where lock_key = ?", now, key);
			}
		}
		catch (PessimisticLockingFailureException busy) {
			throw new WindowTakenException("That window is being booked by someone else right now; please try again");
		}
	}

}
