package dev.shifu.platform.installer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.installer.PhotoStore;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;

/**
 * The dispatcher's review list: jobs whose evidence is flagged, and offline events that could not be applied, for
 * one region (a district, or every district of a city or province), newest first; and a job's evidence records. A
 * dispatcher sees only the cities of their {@code staff_region}s.
 */
@RestController
@Tag(name = "Reviews")
class ReviewController {

	record Review(long id, long orderId, String regionCode, String kind, List<String> flags, String detail,
			Instant createdAt) {
	}

	record Evidence(long eventId, long orderId, long providerId, Long installerId, String geofence,
			Double arrivalDistanceMeters, int photoCount, List<String> photoChecksums, boolean codeVerified,
			List<String> serialNumbers, Long onSiteSeconds, long plannedSeconds, List<String> flags, Instant createdAt) {
	}

	private final JdbcTemplate jdbc;

	private final StaffRegions staffRegions;

	private final PhotoLibrary photos;

	private final PhotoStore store;

	private final OrderLifecycle orders;

	ReviewController(JdbcTemplate jdbc, StaffRegions staffRegions, PhotoLibrary photos, PhotoStore store,
			OrderLifecycle orders) {
		this.jdbc = jdbc;
		this.staffRegions = staffRegions;
		this.photos = photos;
		this.store = store;
		this.orders = orders;
	}

	/**
	 * A job photo's bytes, for the dispatcher who reviews the job: the evidence of a completion, and the photos of an
	 * offline event that was rejected (kept with the review, linked to no event). Another region's photo is not found.
	 */
	@GetMapping("/api/v1/reviews/photos/{photoId}")
	@Operation(summary = "A job photo (evidence, or a rejected offline event's photo) for the dispatcher who reviews "
			+ "the job's region")
	ResponseEntity<byte[]> photo(@PathVariable long photoId) {
		staffOnly();
		PhotoLibrary.Photo photo = photos.find(photoId)
			.filter(p -> orders.find(p.orderId())
				.map(o -> staffRegions.mayWorkIn(CurrentActor.get(), o.regionCode().substring(0, 4) + "00"))
				.orElse(false))
			.orElseThrow(() -> new NotFoundException("photo", photoId));
		byte[] bytes;
		try (InputStream in = store.open(photo.storageKey())) {
			bytes = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read photo " + photoId, ex);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.header("X-Content-SHA256", photo.checksum())
			.cacheControl(CacheControl.noStore())
			.body(bytes);
	}

	@GetMapping("/api/v1/reviews")
	@Operation(summary = "Jobs to review in a region: flagged evidence (outside the geofence, short time on site, a "
			+ "photo reused from another job) and rejected offline events (a job reassigned meanwhile)")
	List<Review> reviews(@RequestParam String region, @RequestParam(required = false) Long orderId,
			@RequestParam(defaultValue = "100") int size) {
		staffOnly();
		if (!region.matches("\\d{6}")) {
			throw new InvalidFieldException("region", "must be a 6-digit region code");
		}
		if (size < 1 || size > 500) {
			throw new InvalidFieldException("size", "must be between 1 and 500");
		}
		List<String> prefixes = allowedPrefixes(region);
		StringBuilder sql = new StringBuilder("select id, order_id, region_code, kind, flags, detail, created_at from job_review where (");
		List<Object> args = new ArrayList<>();
		for (int i = 0; i < prefixes.size(); i++) {
			sql.append(i == 0 ? "" : " or ").append("region_code like ?");
			args.add(prefixes.get(i) + "%");
		}
		sql.append(")");
		if (orderId != null) {
			sql.append(" and order_id = ?");
			args.add(orderId);
		}
		sql.append(" order by id desc limit ").append(size);
		return jdbc.query(sql.toString(), (rs, n) -> new Review(rs.getLong(1), rs.getLong(2), rs.getString(3),
				rs.getString(4), split(rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toInstant()), args.toArray());
	}

	/**
	 * The code prefixes of the asked region that the caller works in ({@code staff_region}): the whole region for an
	 * admin or a platform-wide dispatcher; a dispatcher's own cities within a province; a district or city outside
	 * their cities is refused (403), whatever the request asks for.
	 */
	private List<String> allowedPrefixes(String region) {
		Actor actor = CurrentActor.get();
		String asked = prefix(region);
		if (actor.has(Role.ADMIN)) {
			return List.of(asked);
		}
		Set<String> cities = staffRegions.assigned(actor.name());
		if (cities.isEmpty()) {
			throw new AccessDeniedException("the caller has no region");
		}
		if (asked.length() >= 4) {
			String city = asked.substring(0, 4) + "00";
			if (!cities.contains(city)) {
				throw new AccessDeniedException("region " + city + " is not one of the caller's regions");
			}
			return List.of(asked);
		}
		List<String> own = cities.stream().filter(c -> c.startsWith(asked)).map(c -> c.substring(0, 4)).sorted().toList();
		if (own.isEmpty()) {
			throw new AccessDeniedException("no region of " + region + " is one of the caller's regions");
		}
		return own;
	}

	@GetMapping("/api/v1/reviews/evidence/{orderId}")
	@Operation(summary = "A job's evidence records, one per completion, oldest first")
	List<Evidence> evidence(@PathVariable long orderId) {
		staffOnly();
		List<Evidence> found = jdbc.query("select event_id, order_id, provider_id, installer_id, geofence, arrival_distance_m, "
				+ "photo_count, photo_checksums, code_verified, serial_numbers, on_site_seconds, planned_seconds, flags, "
				+ "created_at from job_evidence where order_id = ? order by event_id", (rs, n) -> new Evidence(rs.getLong(1),
						rs.getLong(2), rs.getLong(3), rs.getObject(4, Long.class), rs.getString(5),
						rs.getObject(6, Double.class), rs.getInt(7), split(rs.getString(8)), rs.getBoolean(9),
						split(rs.getString(10)), rs.getObject(11, Long.class), rs.getLong(12), split(rs.getString(13)),
						rs.getTimestamp(14).toInstant()), orderId);
		if (found.isEmpty() || !mayReview(orderId)) {
			// Another region's job is not found, as if it did not exist.
			throw new NotFoundException("evidence of job", orderId);
		}
		return found;
	}

	private boolean mayReview(long orderId) {
		List<String> codes = jdbc.queryForList("select region_code from job_evidence where order_id = ?", String.class,
				orderId);
		return codes.stream().allMatch(code -> staffRegions.mayWorkIn(CurrentActor.get(), code.substring(0, 4) + "00"));
	}

	private static void staffOnly() {
		Actor actor = CurrentActor.get();
		if (!actor.has(Role.DISPATCHER) && !actor.has(Role.ADMIN)) {
			throw new AccessDeniedException("dispatchers review jobs");
		}
	}

	/** 330106 is one district; 330100 every district of the city; 330000 the province. */
	static String prefix(String region) {
		if (region.endsWith("0000")) {
			return region.substring(0, 2);
		}
		return region.endsWith("00") ? region.substring(0, 4) : region;
	}

	private static List<String> split(String joined) {
		return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
	}

}
