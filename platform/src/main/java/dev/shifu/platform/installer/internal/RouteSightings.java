package dev.shifu.platform.installer.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Per installer and day: the planned part of each job as last shown, and the jobs under way a plan change touched
 * ({@code installer_route_seen}). In the database, so a second node, or this one after a restart, flags what the
 * first one saw change. Rows are tiny (a short digest per job) and one per installer and day.
 */
@Repository
class RouteSightings {

	/** @param planned job id → digest of its planned part, in route order */
	record Seen(Map<Long, String> planned, Set<Long> flagged) {
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	RouteSightings(JdbcTemplate jdbc, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	Optional<Seen> find(long installerId, LocalDate day) {
		return jdbc.query("select planned, flagged from installer_route_seen where installer_id = ? and route_day = ?",
				(rs, n) -> new Seen(planned(rs.getString(1)), ids(rs.getString(2))), installerId, day).stream().findFirst();
	}

	void save(long installerId, LocalDate day, Seen seen) {
		String planned = seen.planned().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(","));
		String flagged = seen.flagged().stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
		Timestamp now = Timestamp.from(clock.instant());
		int updated = jdbc.update("update installer_route_seen set planned = ?, flagged = ?, updated_at = ? "
				+ "where installer_id = ? and route_day = ?", planned, flagged, now, installerId, day);
		if (updated == 0) {
			try {
				jdbc.update("insert into installer_route_seen (installer_id, route_day, planned, flagged, updated_at) "
						+ "values (?, ?, ?, ?, ?)", installerId, day, planned, flagged, now);
			}
			catch (DuplicateKeyException raced) {
				// Another node inserted it first: what both saw is the same plan, so the later write stands.
				jdbc.update("update installer_route_seen set planned = ?, flagged = ?, updated_at = ? "
						+ "where installer_id = ? and route_day = ?", planned, flagged, now, installerId, day);
			}
		}
	}

	/** Remembers, once per job, that the installer's app was shown it on their route. */
	void shown(long installerId, java.util.Collection<Long> orderIds) {
		for (long orderId : orderIds) {
			if (wasShown(installerId, orderId)) {
				continue;
			}
			try {
				jdbc.update("insert into installer_job_shown (installer_id, order_id, first_shown_at) values (?, ?, ?)",
						installerId, orderId, Timestamp.from(clock.instant()));
			}
			catch (DuplicateKeyException raced) {
				// another request of the same app recorded it first
			}
		}
	}

	boolean wasShown(long installerId, long orderId) {
		Integer n = jdbc.queryForObject("select count(*) from installer_job_shown where installer_id = ? and order_id = ?",
				Integer.class, installerId, orderId);
		return n != null && n > 0;
	}

	private static Map<Long, String> planned(String text) {
		Map<Long, String> planned = new LinkedHashMap<>();
		if (text != null && !text.isEmpty()) {
			for (String pair : text.split(",")) {
				int eq = pair.indexOf('=');
				planned.put(Long.valueOf(pair.substring(0, eq)), pair.substring(eq + 1));
			}
		}
		return planned;
	}

	private static Set<Long> ids(String text) {
		if (text == null || text.isEmpty()) {
			return Set.of();
		}
		List<Long> ids = Arrays.stream(text.split(",")).map(Long::valueOf).toList();
		return new TreeSet<>(ids);
	}

}
