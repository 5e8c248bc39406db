package dev.shifu.platform.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review list as the dispatcher's route board works it: jobs whose evidence the installer context flagged
 * (outside the geofence, a reused photo, short time on site) and offline events it could not apply (a job reassigned
 * meanwhile). The installer context keeps the list and implements this; regions are city codes (330100) and cover
 * the city's districts.
 */
public interface ReviewList {

	/** {@code reviewedBy} and {@code reviewedAt} are null while the review is open. */
	record Review(long id, long orderId, String regionCode, String kind, List<String> flags, String detail,
			Instant createdAt, String reviewedBy, Instant reviewedAt, String note) {
	}

	/** The city's open reviews, newest first. */
	List<Review> open(String city, int limit);

	/** The flags of the open reviews of each order of the city that has any. */
	Map<Long, List<String>> openFlags(String city);

	/** The review, if it belongs to one of the city's districts. */
	Optional<Review> find(String city, long reviewId);

	/**
	 * Marks the review reviewed once. @return the review with its outcome, and whether this call marked it (a retry,
	 * or a second dispatcher, gets the first outcome and {@code false})
	 */
	Marked markReviewed(long reviewId, String actor, String note);

	record Marked(Review review, boolean now) {
	}

}
