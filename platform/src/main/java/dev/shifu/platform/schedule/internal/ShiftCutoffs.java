package dev.shifu.platform.schedule.internal;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shifts a dispatcher cut short: a locked day (ends when the locked route is back at base) or an installer who stops
 * early (sick at 11:00). Stored, so a rebuild or restart builds the shift with the same end.
 */
@Component
class ShiftCutoffs {

	private final JdbcTemplate jdbc;

	ShiftCutoffs(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, LocalDateTime> of(String region) {
		Map<String, LocalDateTime> ends = new HashMap<>();
		jdbc.query("select shift_id, end_time from shift_cutoff where region = ?",
				rs -> {
					ends.put(rs.getString(1), rs.getTimestamp(2).toLocalDateTime());
				}, region);
		return ends;
	}

	void store(String region, String shiftId, LocalDateTime end) {
		jdbc.update("delete from shift_cutoff where shift_id = ?", shiftId);
		jdbc.update("insert into shift_cutoff (shift_id, region, end_time) values (?, ?, ?)", shiftId, region,
				Timestamp.valueOf(end));
	}

}
