package dev.shifu.platform.schedule.internal;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.shifu.platform.booking.VisitPlan;

/** The consumer's view of the stored best plan: the latest planned day of the order's visit. */
@Component
class StoredVisitPlan implements VisitPlan {

	private final JdbcTemplate jdbc;

	StoredVisitPlan(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<PlannedVisit> of(long orderId) {
		return jdbc.query("""
				select installer_ids, arrival_time, start_time, end_time from planned_visit
				where order_id = ? order by plan_date desc""", (rs, n) -> new PlannedVisit(
				Arrays.stream(rs.getString(1).split(",")).map(String::trim).map(Long::valueOf).toList(),
				rs.getTimestamp(2).toLocalDateTime(), rs.getTimestamp(3).toLocalDateTime(), rs.getTimestamp(4).toLocalDateTime()), orderId)
			.stream()
			.findFirst();
	}

}
