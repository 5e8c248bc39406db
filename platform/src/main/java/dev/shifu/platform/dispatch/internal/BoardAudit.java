package dev.shifu.platform.dispatch.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import dev.shifu.platform.schedule.RouteBoard;
import dev.shifu.platform.schedule.RouteBoard.Committed;
import dev.shifu.platform.schedule.RouteBoard.Edit;
import dev.shifu.platform.schedule.ScheduleEdited;

/** The route board's audit log: one row per committed edit, who made it, what it was, before and after, when. */
@Component
class BoardAudit {

	record Entry(long id, String region, String actor, String action, String jobId, String shiftId, String edit,
			String before, String after, String scoreBefore, String scoreAfter, Instant at) {
	}

	private static final RowMapper<Entry> ROW = (rs, n) -> new Entry(rs.getLong("id"), rs.getString("region"),
			rs.getString("actor"), rs.getString("action"), rs.getString("job_id"), rs.getString("shift_id"),
			rs.getString("edit"), rs.getString("before_state"), rs.getString("after_state"), rs.getString("score_before"),
			rs.getString("score_after"), rs.getTimestamp("created_at").toInstant());

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	BoardAudit(JdbcTemplate jdbc, ObjectMapper json, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	long record(String region, String actor, Edit edit, Committed committed) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var insert = connection.prepareStatement("insert into board_audit (region, actor, action, job_id, shift_id, edit, "
					+ "before_state, after_state, score_before, score_after, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			insert.setString(1, region);
			insert.setString(2, actor);
			insert.setString(3, edit.kind().name());
			insert.setString(4, edit.jobId());
			insert.setString(5, edit.shiftId());
			insert.setString(6, text(edit, 1000));
			// Whole, never cut: a retried commit answers its first outcome read back from here.
			insert.setString(7, text(committed.before(), Integer.MAX_VALUE));
			insert.setString(8, text(committed.after(), Integer.MAX_VALUE));
			insert.setString(9, committed.scoreBefore());
			insert.setString(10, committed.scoreAfter());
			insert.setTimestamp(11, Timestamp.from(clock.instant()));
			return insert;
		}, key);
		return key.getKey().longValue();
	}

	/** A re-optimization kept or discarded: the score before it and the one it found. */
	/** An edit the schedules API took (it commits asynchronously): who, what, where the job stood, when. */
	@EventListener
	void requested(ScheduleEdited edit) {
		jdbc.update("insert into board_audit (region, actor, action, job_id, shift_id, edit, before_state, score_before, "
				+ "created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", edit.region(), edit.actor(), edit.action(), edit.jobId(),
				edit.shiftId(), cut(edit.request(), 1000), edit.before(), edit.scoreBefore(), Timestamp.from(edit.at()));
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	void decision(String region, String actor, boolean keep, RouteBoard.Reoptimization outcome) {
		jdbc.update("insert into board_audit (region, actor, action, edit, score_before, score_after, created_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?)", region, actor, keep ? "REOPTIMIZE_KEPT" : "REOPTIMIZE_DISCARDED",
				text(outcome, 1000), outcome.scoreBefore(), outcome.scoreFound(), Timestamp.from(clock.instant()));
	}

	/** A review list entry marked reviewed: its flags and the dispatcher's note. */
	void reviewed(String region, String actor, dev.shifu.platform.dispatch.ReviewList.Review review) {
		jdbc.update("insert into board_audit (region, actor, action, job_id, edit, created_at) values (?, ?, ?, ?, ?, ?)",
				region, actor, "REVIEWED", "O" + review.orderId(), text(java.util.Map.of("reviewId", review.id(),
						"kind", review.kind(), "flags", review.flags(), "note", review.note() == null ? "" : review.note()),
						1000),
				Timestamp.from(clock.instant()));
	}

	/** A re-optimization result nobody decided on within the timeout: discarded by the system. */
	void expired(String region, String actor, RouteBoard.Reoptimization outcome) {
		jdbc.update("insert into board_audit (region, actor, action, edit, score_before, score_after, created_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?)", region, actor, "REOPTIMIZE_EXPIRED", text(outcome, 1000),
				outcome.scoreBefore(), outcome.scoreFound(), Timestamp.from(clock.instant()));
	}

	List<Entry> of(String region, int limit) {
		return jdbc.query("select * from board_audit where region = ? order by id desc limit " + Math.max(1, Math.min(limit, 500)),
				ROW, region);
	}

	Optional<Entry> find(long id) {
		return jdbc.query("select * from board_audit where id = ?", ROW, id).stream().findFirst();
	}

	private String text(Object value, int max) {
		try {
			String text = json.writeValueAsString(value);
			return text.length() <= max ? text : text.substring(0, max - 1) + "…";
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
