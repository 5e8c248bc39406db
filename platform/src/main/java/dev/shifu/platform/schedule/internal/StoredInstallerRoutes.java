package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.shifu.platform.schedule.InstallerRoutes;

/** Reads the stored plan ({@code planned_visit}), which {@link PlanStore} keeps up to date with the live solver. */
@Component
class StoredInstallerRoutes implements InstallerRoutes {

	private final JdbcTemplate jdbc;

	StoredInstallerRoutes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Stop> route(long installerId, LocalDate day) {
		// installer_ids is the crew as "lead,partner": match the id as a whole element. The booked window counts on its
		// own day only (a day moved by other means drops it, as the planner's job does).
		return jdbc.query("select v.order_id, v.region, v.position, v.arrival_time, v.start_time, v.end_time, "
				+ "v.installer_ids, j.window_day, j.window_start, j.window_end from planned_visit v "
				+ "left join schedule_job j on j.order_id = v.order_id "
				+ "where v.plan_date = ? and concat(',', v.installer_ids, ',') like ? order by v.position, v.id",
				(rs, i) -> {
					LocalDate windowDay = rs.getObject(8, LocalDate.class);
					LocalTime from = rs.getObject(9, LocalTime.class);
					LocalTime to = rs.getObject(10, LocalTime.class);
					boolean window = day.equals(windowDay) && from != null && to != null;
					return new Stop(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toLocalDateTime(),
							rs.getTimestamp(5).toLocalDateTime(), rs.getTimestamp(6).toLocalDateTime(),
							Arrays.stream(rs.getString(7).split(",")).map(String::trim).map(Long::valueOf).toList(),
							window ? day.atTime(from) : null, window ? day.atTime(to) : null);
				},
				day, "%," + installerId + ",%");
	}

}
