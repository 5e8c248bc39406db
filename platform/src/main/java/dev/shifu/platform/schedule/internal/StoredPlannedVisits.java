package dev.shifu.platform.schedule.internal;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.shifu.platform.schedule.PlannedVisits;

@Component
class StoredPlannedVisits implements PlannedVisits {

	private final JdbcTemplate jdbc;

	StoredPlannedVisits(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The first installer of the crew the stored plan has for the order, if it is planned. */
	@Override
	public Optional<Long> installerOf(long orderId) {
		return jdbc.queryForList("select installer_ids from planned_visit where order_id = ? order by plan_date desc",
				String.class, orderId)
			.stream()
			.findFirst()
			.map(ids -> Long.valueOf(ids.split(",")[0]));
	}

	@Override
	public java.util.List<Long> crewOf(long orderId) {
		return jdbc.queryForList("select installer_ids from planned_visit where order_id = ? order by plan_date desc",
				String.class, orderId)
			.stream()
			.findFirst()
			.map(ids -> java.util.Arrays.stream(ids.split(",")).map(String::trim).map(Long::valueOf).toList())
			.orElse(java.util.List.of());
	}

	@Override
	public Optional<PlannedVisit> visitOf(long orderId) {
		return jdbc.query("""
				select installer_ids, arrival_time, start_time, end_time from planned_visit
				where order_id = ? order by plan_date desc""", (rs, n) -> new PlannedVisit(
				java.util.Arrays.stream(rs.getString(1).split(",")).map(String::trim).map(Long::valueOf).toList(),
				rs.getTimestamp(2).toLocalDateTime(), rs.getTimestamp(3).toLocalDateTime(),
				rs.getTimestamp(4).toLocalDateTime()), orderId)
			.stream()
			.findFirst();
	}

}
