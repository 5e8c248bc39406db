package dev.shifu.platform.installer.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import dev.shifu.platform.installer.InstallerEvents.JobFlagged;
import dev.shifu.platform.order.OrderSnapshot;

/**
 * The evidence of each completion (where the installer arrived, the photos and their checksums, whether the code
 * was verified, the serial numbers, time on site against the plan) and the review list of flagged jobs. Settlement
 * will read the evidence to decide whether a job is paid.
 */
@Component
class EvidenceRecords {

	static final String OUTSIDE_GEOFENCE = "OUTSIDE_GEOFENCE";

	static final String SHORT_TIME_ON_SITE = "SHORT_TIME_ON_SITE";

	static final String REUSED_PHOTO = "REUSED_PHOTO";

	/** An arrival or completion reported without a position: the geofence could not be checked. */
	static final String NO_LOCATION = "NO_LOCATION";

	/** The provider admin's stand-in reported the completion without the photos the app requires. */
	static final String MISSING_PHOTOS = "MISSING_PHOTOS";

	/** A completion no check of the consumer's code confirmed: settlement must not pay it on trust. */
	static final String CODE_NOT_VERIFIED = "CODE_NOT_VERIFIED";

	private final JdbcTemplate jdbc;

	private final PhotoLibrary photos;

	private final InstallerSettings settings;

	private final ApplicationEventPublisher events;

	private final ObjectMapper json;

	private final Clock clock;

	EvidenceRecords(JdbcTemplate jdbc, PhotoLibrary photos, InstallerSettings settings, ApplicationEventPublisher events,
			ObjectMapper json, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.photos = photos;
		this.settings = settings;
		this.events = events;
		this.json = json;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Writes the completion's evidence; a flagged one also goes on the review list.
	 * @param raised flags the completion itself raised (no position)
	 * @return the flags
	 */
	List<String> recordCompletion(OrderSnapshot order, Reporter reporter, Long installerId, long eventId,
			Instant completedAt, List<JobEventLog.Applied> visit, List<PhotoLibrary.Photo> shown, String serials,
			boolean codeVerified, List<String> raised) {
		Optional<JobEventLog.Applied> arrival = visit.stream().filter(e -> e.type() == JobEventType.ARRIVED).findFirst();
		String geofence = arrival.map(a -> a.insideGeofence() == null ? "UNKNOWN" : a.insideGeofence() ? "INSIDE" : "OUTSIDE")
			.orElse("UNKNOWN");
		Long onSite = arrival.map(a -> Duration.between(a.occurredAt(), completedAt).toSeconds()).orElse(null);
		long planned = order.durationMinutes() * 60L;
		List<String> checksums = shown.stream().map(PhotoLibrary.Photo::checksum).toList();
		// The completion's own flags (no position) come first; the evidence adds its own.
		List<String> flags = new ArrayList<>(raised);
		if (geofence.equals("OUTSIDE")) {
			flags.add(OUTSIDE_GEOFENCE);
		}
		if (onSite != null && onSite < planned * settings.shortVisitRatio()) {
			flags.add(SHORT_TIME_ON_SITE);
		}
		if (!photos.otherOrdersWith(checksums, order.id()).isEmpty()) {
			flags.add(REUSED_PHOTO);
		}
		if (!codeVerified) {
			flags.add(CODE_NOT_VERIFIED);
		}
		if (!reporter.onSite() && shown.size() < settings.minCompletionPhotos()) {
			flags.add(MISSING_PHOTOS);
		}
		jdbc.update("insert into job_evidence (event_id, order_id, provider_id, installer_id, region_code, geofence, "
				+ "arrival_distance_m, photo_count, photo_checksums, code_verified, serial_numbers, on_site_seconds, "
				+ "planned_seconds, flags, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", eventId,
				order.id(), reporter.providerId(), installerId, order.regionCode(), geofence,
				arrival.map(JobEventLog.Applied::distanceM).orElse(null), shown.size(), String.join(",", checksums),
				codeVerified, serials == null ? "" : serials, onSite, planned, String.join(",", flags),
				Timestamp.from(clock.instant()));
		if (!flags.isEmpty()) {
			review(order, "EVIDENCE", flags, Map.of("eventId", eventId, "type", "COMPLETED"));
		}
		return flags;
	}

	/** Puts the job on its region's review list, and tells whoever shows it (the dispatcher board). */
	long review(OrderSnapshot order, String kind, List<String> flags, Map<String, Object> detail) {
		String text;
		try {
			text = json.writeValueAsString(detail);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into job_review (order_id, region_code, kind, flags, detail, created_at) "
					+ "values (?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setLong(1, order.id());
			ps.setString(2, order.regionCode());
			ps.setString(3, kind);
			ps.setString(4, String.join(",", flags));
			ps.setString(5, text);
			ps.setTimestamp(6, Timestamp.from(clock.instant()));
			return ps;
		}, keys);
		long id = keys.getKey().longValue();
		events.publishEvent(new JobFlagged(id, order.id(), order.regionCode(), kind, List.copyOf(flags)));
		return id;
	}

}
