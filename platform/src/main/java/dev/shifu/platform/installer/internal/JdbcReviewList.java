package dev.shifu.platform.installer.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import dev.shifu.platform.dispatch.ReviewList;
import dev.shifu.platform.shared.NotFoundException;

/** The review list of {@code job_review}, with the dispatcher's outcome of each in {@code job_review_outcome}. */
@Component
class JdbcReviewList implements ReviewList {

	private static final String SELECT = "select r.id, r.order_id, r.region_code, r.kind, r.flags, r.detail, r.created_at, "
			+ "o.reviewed_by, o.reviewed_at, o.note from job_review r left join job_review_outcome o on o.review_id = r.id ";

	private static final RowMapper<Review> ROW = (rs, n) -> {
		Timestamp reviewedAt = rs.getTimestamp(9);
		return new Review(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), split(rs.getString(5)),
				rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
				reviewedAt == null ? null : reviewedAt.toInstant(), rs.getString(10));
	};

	private final JdbcTemplate jdbc;

	private final Clock clock;

	JdbcReviewList(JdbcTemplate jdbc, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public List<Review> open(String city, int limit) {
		return jdbc.query(SELECT + "where r.region_code like ? and o.review_id is null order by r.id desc limit "
				+ Math.max(1, Math.min(limit, 500)), ROW, ReviewController.prefix(city) + "%");
	}

	@Override
	public Map<Long, List<String>> openFlags(String city) {
		Map<Long, Set<String>> flags = new LinkedHashMap<>();
		jdbc.query("select r.order_id, r.flags from job_review r left join job_review_outcome o on o.review_id = r.id "
				+ "where r.region_code like ? and o.review_id is null", rs -> {
					flags.computeIfAbsent(rs.getLong(1), id -> new LinkedHashSet<>()).addAll(split(rs.getString(2)));
				}, ReviewController.prefix(city) + "%");
		Map<Long, List<String>> lists = new LinkedHashMap<>();
		flags.forEach((order, set) -> lists.put(order, new ArrayList<>(set)));
		return lists;
	}

	@Override
	public Optional<Review> find(String city, long reviewId) {
		return jdbc.query(SELECT + "where r.id = ? and r.region_code like ?", ROW, reviewId,
				ReviewController.prefix(city) + "%").stream().findFirst();
	}

	@Override
	public Marked markReviewed(long reviewId, String actor, String note) {
		if (jdbc.queryForObject("select count(*) from job_review where id = ?", Integer.class, reviewId) == 0) {
			throw new NotFoundException("review", reviewId);
		}
		boolean now;
		try {
			jdbc.update("insert into job_review_outcome (review_id, reviewed_by, note, reviewed_at) values (?, ?, ?, ?)",
					reviewId, actor, note == null ? "" : note, Timestamp.from(clock.instant()));
			now = true;
		}
		catch (DuplicateKeyException already) {
			now = false;
		}
		Review review = jdbc.query(SELECT + "where r.id = ?", ROW, reviewId).get(0);
		return new Marked(review, now);
	}

	private static List<String> split(String joined) {
		return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
	}

}
