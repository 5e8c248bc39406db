package dev.shifu.platform.installer.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The job photos' records; the bytes are in the {@link dev.shifu.platform.installer.PhotoStore}. */
@Repository
class PhotoLibrary {

	enum Kind {
		BEFORE, AFTER, PACKAGING_REMOVED, DAMAGE, SERIAL_LABEL, OTHER
	}

	record Photo(long id, long orderId, Long installerId, Long eventId, Kind kind, String checksum, String contentType,
			long sizeBytes, String storageKey, Instant takenAt, Double takenLat, Double takenLng, Instant uploadedAt) {
	}

	private static final String COLUMNS = "id, order_id, installer_id, event_id, kind, checksum, content_type, size_bytes, "
			+ "storage_key, taken_at, taken_lat, taken_lng, uploaded_at";

	private static final RowMapper<Photo> ROW = (rs, n) -> new Photo(rs.getLong(1), rs.getLong(2),
			rs.getObject(3, Long.class), rs.getObject(4, Long.class), Kind.valueOf(rs.getString(5)), rs.getString(6),
			rs.getString(7), rs.getLong(8), rs.getString(9),
			rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(), rs.getObject(11, Double.class),
			rs.getObject(12, Double.class), rs.getTimestamp(13).toInstant());

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	PhotoLibrary(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	Optional<Photo> byChecksum(long orderId, String checksum) {
		return jdbc.query("select " + COLUMNS + " from job_photo where order_id = ? and checksum = ?", ROW, orderId, checksum)
			.stream()
			.findFirst();
	}

	Optional<Photo> find(long photoId) {
		return jdbc.query("select " + COLUMNS + " from job_photo where id = ?", ROW, photoId).stream().findFirst();
	}

	List<Photo> ofOrder(long orderId) {
		return jdbc.query("select " + COLUMNS + " from job_photo where order_id = ? order by id", ROW, orderId);
	}

	List<Photo> ofEvent(long eventId) {
		return jdbc.query("select " + COLUMNS + " from job_photo where event_id = ? order by id", ROW, eventId);
	}

	long insert(long orderId, Long installerId, Kind kind, String checksum, String contentType, long size, String key,
			Instant takenAt, Double lat, Double lng, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into job_photo (order_id, installer_id, kind, checksum, content_type, "
					+ "size_bytes, storage_key, taken_at, taken_lat, taken_lng, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			ps.setLong(1, orderId);
			ps.setObject(2, installerId);
			ps.setString(3, kind.name());
			ps.setString(4, checksum);
			ps.setString(5, contentType);
			ps.setLong(6, size);
			ps.setString(7, key);
			ps.setTimestamp(8, takenAt == null ? null : Timestamp.from(takenAt));
			ps.setObject(9, lat);
			ps.setObject(10, lng);
			ps.setTimestamp(11, Timestamp.from(now));
			return ps;
		}, keys);
		return keys.getKey().longValue();
	}

	/** Links the event's photos to it; a photo already linked to another event stays with that one. */
	void link(Collection<Long> photoIds, long eventId) {
		if (!photoIds.isEmpty()) {
			named.update("update job_photo set event_id = :event where id in (:ids) and event_id is null",
					java.util.Map.of("event", eventId, "ids", photoIds));
		}
	}

	/** Other jobs that have a photo with one of these checksums: the same picture shown for two jobs. */
	List<Long> otherOrdersWith(Collection<String> checksums, long orderId) {
		if (checksums.isEmpty()) {
			return List.of();
		}
		return named.queryForList("select distinct order_id from job_photo where checksum in (:sums) and order_id <> :order",
				java.util.Map.of("sums", checksums, "order", orderId), Long.class);
	}

}
