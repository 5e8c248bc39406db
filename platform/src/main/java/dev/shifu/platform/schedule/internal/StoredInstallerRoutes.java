package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;
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
		// installer_ids is the crew as "lead,partner": match the id as a whole element.
		return jdbc.query("select order_id, region, position, arrival_time, start_time, end_time, installer_ids "
				+ "from planned_visit where plan_date = ? and concat(',', installer_ids, ',') like ? order by position, id",
				(rs, i) -> new Stop(rs.getLong(1), rs.getString(2), rs.getInt(3),
						rs.getTimestamp(4).toLocalDateTime(), rs.getTimestamp(5).toLocalDateTime(),
						rs.getTimestamp(6).toLocalDateTime(),
						Arrays.stream(rs.getString(7).split(",")).map(String::trim).map(Long::valueOf).toList()),
				day, "%," + installerId + ",%");
	}

}
