package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.shifu.platform.order.JobId;

/**
 * What the schedule knows about an order's visit, kept from events: its region, the accepted provider, the booked
 * day, a preferred installer, and whether it is pinned (started, or locked by a dispatcher).
 */
@Entity
@jakarta.persistence.EntityListeners(ScheduleReadCache.Eviction.class)
@Table(name = "schedule_job")
class ScheduleJob {

	@Id
	private Long orderId;

	private String region;

	private Long providerId;

	private LocalDate bookedDate;

	private Long preferredInstallerId;

	private boolean pinned;

	/** Completed, cancelled never: kept as the fixed head of its day's route until that day has passed. */
	private boolean done;

	/** Where a pinned visit stands: the shift whose route it heads, that shift's day, and its place there. */
	private String pinnedShiftId;

	private LocalDate pinnedDate;

	private Integer pinnedPosition;

	/** The shift a dispatcher moved the visit to without pinning it: where a rebuilt plan starts it. */
	private String movedShiftId;

	/** A priority rework visit after a low rating. */
	private boolean rework;

	/** Who should preferably not do the visit (a rework's original installer). */
	private Long avoidedInstallerId;

	/** The consumer's booked window on {@code windowDay}: the job's hard time window while that is the booked day. */
	private LocalDate windowDay;

	private LocalTime windowStart;

	private LocalTime windowEnd;

	/**
	 * The lowest installer rating the booking allows: set when a premium window is booked (a PLATINUM member's
	 * right), null when any installer will do. The plan's hard rule and dispatch's offers hold to it.
	 */
	private Double minInstallerRating;

	/** Taken off the plan by a dispatcher: no route gets it until a dispatcher moves it onto one. */
	private boolean held;

	/** What the installer reported on the visit under way, in the region's wall-clock time; null until reported. */
	private LocalDateTime actualArrival;

	private LocalDateTime actualStart;

	private LocalDateTime actualEnd;

	/** The installer's last progress report on this visit (EN_ROUTE, ARRIVED, STARTED, COMPLETED); null until one. */
	private String reportedProgress;

	@Version
	private long version;

	protected ScheduleJob() {
	}

	ScheduleJob(long orderId, String region) {
		this.orderId = orderId;
		this.region = region;
	}

	static String jobId(long orderId) {
		return JobId.of(orderId).value();
	}

	static long orderIdOf(String jobId) {
		return JobId.parse(jobId).orderId();
	}

	String jobId() {
		return jobId(orderId);
	}

	void booked(LocalDate date) {
		this.bookedDate = date;
	}

	/**
	 * The consumer booked a window: its day is the booked day, and the window the job's hard time window; a premium
	 * window also sets the lowest installer rating allowed (null: any installer).
	 */
	void bookedWindow(LocalDate day, LocalTime start, LocalTime end, Double minInstallerRating) {
		this.minInstallerRating = minInstallerRating;
		if (done) {
			done = false;
			unpin();
			newVisit();
		}
		this.bookedDate = day;
		this.windowDay = day;
		this.windowStart = start;
		this.windowEnd = end;
	}

	/** The booked window, if one holds for the booked day (a day moved by other means drops it). */
	boolean hasWindow() {
		return windowDay != null && windowDay.equals(bookedDate) && windowStart != null && windowEnd != null;
	}

	Double getMinInstallerRating() {
		return minInstallerRating;
	}

	LocalTime getWindowStart() {
		return windowStart;
	}

	LocalTime getWindowEnd() {
		return windowEnd;
	}

	void assigned(Long providerId, LocalDate date, Long preferredInstallerId) {
		if (done) {
			// A revisit or rework of a done visit is a new visit.
			done = false;
			unpin();
			newVisit();
		}
		this.providerId = providerId;
		this.bookedDate = date;
		this.preferredInstallerId = preferredInstallerId;
	}

	/** A rework visit (or, with false, a regular one) and who should preferably not do it. */
	void rework(boolean rework, Long avoidedInstallerId) {
		this.rework = rework;
		this.avoidedInstallerId = rework ? avoidedInstallerId : null;
	}

	void released() {
		this.minInstallerRating = null;
		this.bookedDate = null;
		this.windowDay = null;
		this.windowStart = null;
		this.windowEnd = null;
		this.providerId = null;
		this.done = false;
		this.held = false;
		unpin();
		newVisit();
	}

	/**
	 * The installer reported a time on site: ARRIVED, STARTED or COMPLETED (a later report fills the earlier times it
	 * implies). Any other type changes nothing.
	 * @return whether a time changed
	 */
	boolean reported(String type, LocalDateTime at) {
		LocalDateTime arrival = actualArrival;
		LocalDateTime start = actualStart;
		LocalDateTime end = actualEnd;
		switch (type) {
			case "ARRIVED" -> arrival = at;
			case "STARTED" -> {
				start = at;
				arrival = arrival == null ? at : arrival;
			}
			case "COMPLETED" -> {
				end = at;
				arrival = arrival == null ? at : arrival;
				start = start == null ? arrival : start;
			}
			default -> {
				return false;
			}
		}
		boolean changed = !java.util.Objects.equals(arrival, actualArrival) || !java.util.Objects.equals(start, actualStart)
				|| !java.util.Objects.equals(end, actualEnd);
		actualArrival = arrival;
		actualStart = start;
		actualEnd = end;
		return changed;
	}

	private static final java.util.List<String> PROGRESS = java.util.List.of("EN_ROUTE", "ARRIVED", "STARTED", "COMPLETED");

	/**
	 * The installer reported progress on the visit. A report older in the visit's course than one already kept (a
	 * replayed EN_ROUTE after ARRIVED) changes nothing. @return whether the progress changed
	 */
	boolean progressed(String type) {
		int reported = PROGRESS.indexOf(type);
		if (reported < 0 || reported <= (reportedProgress == null ? -1 : PROGRESS.indexOf(reportedProgress))) {
			return false;
		}
		reportedProgress = type;
		return true;
	}

	String getReportedProgress() {
		return reportedProgress;
	}

	/** A new visit (revisit, rework, released): the last visit's times are not this one's. */
	private void newVisit() {
		reportedProgress = null;
		actualArrival = null;
		actualStart = null;
		actualEnd = null;
	}

	LocalDateTime getActualArrival() {
		return actualArrival;
	}

	LocalDateTime getActualStart() {
		return actualStart;
	}

	LocalDateTime getActualEnd() {
		return actualEnd;
	}

	/** The day the visit is on: where it is pinned, else the booked day. */
	LocalDate visitDay() {
		return pinnedDate != null ? pinnedDate : bookedDate;
	}

	void hold() {
		this.held = true;
		unpin();
		this.movedShiftId = null;
	}

	void unhold() {
		this.held = false;
	}

	boolean isHeld() {
		return held;
	}

	/** Started before the plan had it on a shift: pinned wherever it gets planned. */
	void pin() {
		this.pinned = true;
	}

	void pinTo(String shiftId, LocalDate date, int position) {
		this.pinned = true;
		this.pinnedShiftId = shiftId;
		this.pinnedDate = date;
		this.pinnedPosition = position;
		this.movedShiftId = null;
	}

	void unpin() {
		this.pinned = false;
		this.pinnedShiftId = null;
		this.pinnedDate = null;
		this.pinnedPosition = null;
	}

	void movedTo(String shiftId) {
		this.movedShiftId = shiftId;
	}

	void done() {
		this.done = true;
	}

	boolean isDone() {
		return done;
	}

	String getPinnedShiftId() {
		return pinnedShiftId;
	}

	LocalDate getPinnedDate() {
		return pinnedDate;
	}

	Integer getPinnedPosition() {
		return pinnedPosition;
	}

	String getMovedShiftId() {
		return movedShiftId;
	}

	Long getOrderId() {
		return orderId;
	}

	String getRegion() {
		return region;
	}

	Long getProviderId() {
		return providerId;
	}

	LocalDate getBookedDate() {
		return bookedDate;
	}

	Long getPreferredInstallerId() {
		return preferredInstallerId;
	}

	boolean isRework() {
		return rework;
	}

	Long getAvoidedInstallerId() {
		return avoidedInstallerId;
	}

	boolean isPinned() {
		return pinned;
	}

}
