package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What the schedule knows about an order's visit, kept from events: its region, the accepted provider, the booked
 * day, a preferred installer, and whether it is pinned (started, or locked by a dispatcher).
 */
@Entity
@Table(name = "schedule_job")
class ScheduleJob {

	@Id
	private Long orderId;

	private String region;

	private Long providerId;

	private LocalDate bookedDate;

	private Long preferredInstallerId;

	private boolean pinned;

	/** A priority rework visit after a low rating. */
	private boolean rework;

	/** Who should preferably not do the visit (a rework's original installer). */
	private Long avoidedInstallerId;

	@Version
	private long version;

	protected ScheduleJob() {
	}

	ScheduleJob(long orderId, String region) {
		this.orderId = orderId;
		this.region = region;
	}

	static String jobId(long orderId) {
		return "O" + orderId;
	}

	static long orderIdOf(String jobId) {
		return Long.parseLong(jobId.substring(1));
	}

	String jobId() {
		return jobId(orderId);
	}

	void booked(LocalDate date) {
		this.bookedDate = date;
	}

	void assigned(Long providerId, LocalDate date, Long preferredInstallerId) {
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
		this.bookedDate = null;
		this.providerId = null;
		this.pinned = false;
	}

	void pin() {
		this.pinned = true;
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
