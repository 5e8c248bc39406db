package dev.shifu.platform.installer.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The applied job events, in the order they were applied (ids; timestamps may lose their fractions on MySQL). */
@Repository
class JobEventLog {

	/** One applied event as the evidence record reads it. */
	record Applied(long id, long orderId, Long installerId, JobEventType type, Instant occurredAt, Double distanceM,
			Boolean insideGeofence, String exceptionReason) {
	}

	private final JdbcTemplate jdbc;

	JobEventLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long orderId, Reporter reporter, Long installerId, ReportedEvent event, Instant occurredAt,
			Instant receivedAt, Double distanceM, Boolean inside, String serials) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into job_event (order_id, provider_id, installer_id, type, channel, "
					+ "occurred_at, received_at, lat, lng, distance_m, inside_geofence, exception_reason, note, serial_numbers) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setLong(1, orderId);
			ps.setLong(2, reporter.providerId());
			ps.setObject(3, installerId);
			ps.setString(4, event.type().name());
			ps.setString(5, reporter.channel().name());
			ps.setTimestamp(6, Timestamp.from(occurredAt));
			ps.setTimestamp(7, Timestamp.from(receivedAt));
			ps.setObject(8, event.lat());
			ps.setObject(9, event.lng());
			ps.setObject(10, distanceM);
			ps.setObject(11, inside);
			ps.setString(12, event.exceptionReason() == null ? null : event.exceptionReason().name());
			ps.setString(13, event.note());
			ps.setString(14, serials);
			return ps;
		}, keys);
		return keys.getKey().longValue();
	}

	/** The events of the order's visit under way: those after the last completion or exception, or these. */
	List<Applied> currentVisit(long orderId) {
		List<Applied> all = jdbc.query("select id, order_id, installer_id, type, occurred_at, distance_m, inside_geofence, "
				+ "exception_reason from job_event where order_id = ? order by id", (rs, n) -> new Applied(rs.getLong(1),
						rs.getLong(2), (Long) rs.getObject(3, Long.class), JobEventType.valueOf(rs.getString(4)),
						rs.getTimestamp(5).toInstant(), (Double) rs.getObject(6, Double.class),
						(Boolean) rs.getObject(7, Boolean.class), rs.getString(8)), orderId);
		int start = 0;
		for (int i = 0; i < all.size() - 1; i++) {
			JobEventType type = all.get(i).type();
			if (type == JobEventType.COMPLETED || type == JobEventType.EXCEPTION) {
				start = i + 1;
			}
		}
		return all.subList(start, all.size());
	}

	/**
	 * The report the visit goes on from. A wrong address waits for a dispatcher, who may let the same visit go on
	 * (the process then waits for the installer again), so it does not end the visit: the report before it counts.
	 * When the dispatcher rebooks instead, the revisit starts afresh (the caller's rule, {@code JobEventService.goingOnFrom}).
	 */
	Optional<Applied> lastGoingOn(long orderId) {
		List<Applied> all = jdbc.query("select id, order_id, installer_id, type, occurred_at, distance_m, inside_geofence, "
				+ "exception_reason from job_event where order_id = ? order by id desc limit 2", (rs, n) -> new Applied(
						rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
						JobEventType.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(),
						(Double) rs.getObject(6, Double.class), (Boolean) rs.getObject(7, Boolean.class), rs.getString(8)),
				orderId);
		Optional<Applied> last = last(orderId);
		if (last.isPresent() && last.get().type() == JobEventType.EXCEPTION
				&& "ADDRESS_WRONG".equals(last.get().exceptionReason())) {
			return all.size() > 1 && !all.get(1).type().endsVisit() ? Optional.of(all.get(1)) : Optional.empty();
		}
		return last;
	}

	Optional<Applied> last(long orderId) {
		List<Applied> visit = currentVisit(orderId);
		return visit.isEmpty() ? Optional.empty() : Optional.of(visit.get(visit.size() - 1));
	}

	boolean reported(long orderId, long installerId) {
		Integer n = jdbc.queryForObject("select count(*) from job_event where order_id = ? and installer_id = ?",
				Integer.class, orderId, installerId);
		return n != null && n > 0;
	}

}
