package dev.shifu.platform.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A region's live plan as a dispatcher's route board sees and steers it: one plan version per read, edits that go to
 * the live solver as problem changes (and stay: pins and locks never move again), what-if previews scored by the real
 * constraints on a copy, and re-optimization of a day whose result the dispatcher keeps or discards. Regions are city
 * codes (330100); who may work in which region is the caller's business.
 */
public interface RouteBoard {

	/** The region's installer shifts of the day with their routes, the unassigned jobs and the score; empty if unplanned. */
	Optional<Board> board(String region, LocalDate date);

	/** Scores the edits on a copy of the current plan; nothing is committed. */
	Preview preview(String region, List<Edit> edits);

	/** Commits the edits to the live plan, in order; returns where the touched jobs stood before and after. */
	Committed apply(String region, List<Edit> edits);

	/** Re-optimizes one day within the limit; the result waits for {@link #decide} unless the run is stopped empty. */
	void reoptimize(String region, LocalDate date, Duration limit);

	/** Stops a running re-optimization early; its best plan so far waits for {@link #decide}. */
	boolean stop(String region);

	/** Keeps ({@code true}) or discards the finished re-optimization's plan. */
	Reoptimization decide(String region, boolean keep);

	/**
	 * Discards every re-optimization result that has waited {@code maxWait} or longer for a decision (state EXPIRED),
	 * and does the rebuilds it held back. @return the expired ones
	 */
	List<Reoptimization> expireWaiting(Duration maxWait);

	/** The state of the region's latest re-optimization. */
	Optional<Reoptimization> reoptimization(String region);

	/** Server-Sent Events of the region: every new best score, re-optimization progress and its outcome. */
	SseEmitter subscribe(String region);

	enum EditKind {
		/** {@code jobId} to {@code shiftId} at {@code position} (among the route's unpinned jobs); {@code pin} locks it there. */
		MOVE,
		/** {@code jobId} and the jobs before it on its route are locked where they are. */
		PIN,
		/** {@code jobId} leaves the locked head of its route; the solver may move it again. */
		UNPIN,
		/** {@code jobId} is taken off the plan until a dispatcher moves it onto a route again. */
		UNASSIGN,
		/** Every job of {@code shiftId} is locked in its order, and the shift takes no new job. */
		LOCK_DAY,
		/** The installer of {@code shiftId} stops at {@code from}: jobs starting earlier stay, later ones are re-planned. */
		UNAVAILABLE_FROM

	}

	record Edit(EditKind kind, String jobId, String shiftId, Integer position, boolean pin, LocalDateTime from) {
	}

	record Reason(String constraint, String impact, String text) {
	}

	record ConstraintScore(String constraint, String level, long impact, int matches) {
	}

	/** A visit on a route: travel leg from the previous stop, planned times, the booked window, status and flags. */
	record Visit(String jobId, long orderId, int position, LocalDateTime arrival, LocalDateTime start, LocalDateTime end,
			long travelSeconds, long travelMeters, LocalDateTime windowStart, LocalDateTime windowEnd, boolean pinned,
			String status, double lat, double lng, List<String> evidenceFlags, List<Reason> reasons) {
	}

	record Lane(String shiftId, List<String> installerIds, String installerName, String providerId, LocalDateTime start,
			LocalDateTime end, boolean onLeave, boolean locked, double baseLat, double baseLng, LocalDateTime backAtBase,
			long travelSeconds, long travelMeters, List<Visit> visits, List<Reason> reasons) {
	}

	/** A job no route takes, and what blocks it (the hard rules that rule shifts out, or a dispatcher's hold). */
	record Unassigned(String jobId, long orderId, LocalDateTime windowStart, LocalDateTime windowEnd, Double lat,
			Double lng, boolean held, List<Reason> blockedBy) {
	}

	record Board(String region, LocalDate date, long version, String score, boolean feasible,
			List<ConstraintScore> constraints, List<Lane> lanes, List<Unassigned> unassigned,
			Reoptimization reoptimization) {
	}

	/**
	 * A constraint match an edit creates or removes: constraint, its score, the dispatcher-readable reason, and what it
	 * is about: the job ({@code jobId}, null for a whole shift's constraint such as travel) and the installer shift
	 * ({@code shiftId}, null for an unassigned job or a provider's day).
	 */
	record Match(String constraint, String impact, String text, String jobId, String shiftId) {
	}

	/** Per constraint, its total before and after (on its level). */
	record ConstraintDelta(String constraint, String level, long before, long after) {
	}

	record Preview(long baseVersion, String scoreBefore, String scoreAfter, String difference, boolean feasibleAfter,
			List<ConstraintDelta> constraints, List<Match> created, List<Match> removed, List<String> summary) {
	}

	/** Where a job stood: its shift (null when unassigned or held), place on the route, and whether it was pinned. */
	record Place(String jobId, String shiftId, Integer position, boolean pinned, LocalDateTime start) {
	}

	record Committed(String scoreBefore, String scoreAfter, List<Place> before, List<Place> after) {
	}

	/**
	 * RUNNING, AWAITING_DECISION (with the found score, since {@code waitingSince}), KEPT, DISCARDED, EXPIRED (nobody
	 * decided in time: discarded) or FAILED. {@code rebuildWaiting}: a rebuild of the region waits for it to end.
	 */
	record Reoptimization(String region, LocalDate date, String state, String scoreBefore, String scoreFound,
			int unassignedFound, java.time.Instant waitingSince, boolean rebuildWaiting) {
	}

}
