package dev.shifu.platform.booking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.jpa.repository.JpaRepository;

/** The consumer's booked window and how often they moved it. */
@Entity
@Table(name = "appointment")
class Appointment {

	@Id
	private Long orderId;

	private LocalDate visitDay;

	private String windowCode;

	private LocalTime windowStart;

	private LocalTime windowEnd;

	private boolean premium;

	private int reschedules;

	private Instant updatedAt;

	@Version
	private long version;

	protected Appointment() {
	}

	Appointment(long orderId, LocalDate day, BookingSettings.WindowDef window, boolean premium) {
		this.orderId = orderId;
		set(day, window, premium);
	}

	void moveTo(LocalDate day, BookingSettings.WindowDef window, boolean premium) {
		set(day, window, premium);
		reschedules++;
	}

	private void set(LocalDate day, BookingSettings.WindowDef window, boolean premium) {
		this.visitDay = day;
		this.windowCode = window.code();
		this.windowStart = window.start();
		this.windowEnd = window.end();
		this.premium = premium;
		this.updatedAt = Instant.now();
	}

	boolean isAt(LocalDate day, String code) {
		return visitDay.equals(day) && windowCode.equals(code);
	}

	long orderId() {
		return orderId;
	}

	LocalDate day() {
		return visitDay;
	}

	String windowCode() {
		return windowCode;
	}

	LocalTime start() {
		return windowStart;
	}

	LocalTime end() {
		return windowEnd;
	}

	boolean premium() {
		return premium;
	}

	int reschedules() {
		return reschedules;
	}

}

interface AppointmentRepository extends JpaRepository<Appointment, Long> {

}

/**
 * A consumer's move of the booked window with its reason: a late one (改约) waiting for, or decided by, a dispatcher,
 * or one applied at once ({@code MOVED}), kept so staff see why the visit moved.
 */
@Entity
@Table(name = "reschedule_request")
class RescheduleRequest {

	enum Status {
		PENDING, APPROVED, DECLINED,
		/** Far enough ahead: applied at once, no decision needed. */
		MOVED
	}

	/** Why the consumer moves the visit; OTHER needs a note. */
	enum Reason {
		NOT_HOME, GOODS_NOT_ARRIVED, CHANGED_MIND, OTHER
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long orderId;

	private LocalDate fromDay;

	private String fromWindow;

	private LocalDate toDay;

	private String toWindow;

	private boolean premium;

	@Enumerated(EnumType.STRING)
	private Reason reason;

	private String note;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant requestedAt;

	private Instant decidedAt;

	private String decidedBy;

	private String decisionNote;

	@Version
	private long version;

	protected RescheduleRequest() {
	}

	RescheduleRequest(long orderId, Appointment from, LocalDate toDay, String toWindow, boolean premium, Reason reason,
			String note) {
		this.orderId = orderId;
		this.fromDay = from.day();
		this.fromWindow = from.windowCode();
		this.toDay = toDay;
		this.toWindow = toWindow;
		this.premium = premium;
		this.reason = reason;
		this.note = note;
		this.status = Status.PENDING;
		this.requestedAt = Instant.now();
	}

	/** A move applied at once: recorded as decided by the consumer when it was made. */
	static RescheduleRequest moved(long orderId, Appointment from, LocalDate toDay, String toWindow, boolean premium,
			Reason reason, String note) {
		RescheduleRequest moved = new RescheduleRequest(orderId, from, toDay, toWindow, premium, reason, note);
		moved.status = Status.MOVED;
		moved.decidedAt = moved.requestedAt;
		moved.decidedBy = "consumer";
		return moved;
	}

	void decide(boolean approved, String by, String decisionNote) {
		this.status = approved ? Status.APPROVED : Status.DECLINED;
		this.decidedAt = Instant.now();
		this.decidedBy = by;
		this.decisionNote = decisionNote;
	}

	Long id() {
		return id;
	}

	long orderId() {
		return orderId;
	}

	LocalDate fromDay() {
		return fromDay;
	}

	String fromWindow() {
		return fromWindow;
	}

	LocalDate toDay() {
		return toDay;
	}

	String toWindow() {
		return toWindow;
	}

	boolean premium() {
		return premium;
	}

	Reason reason() {
		return reason;
	}

	String note() {
		return note;
	}

	Status status() {
		return status;
	}

	Instant requestedAt() {
		return requestedAt;
	}

	Instant decidedAt() {
		return decidedAt;
	}

	String decisionNote() {
		return decisionNote;
	}

}

interface RescheduleRequestRepository extends JpaRepository<RescheduleRequest, Long> {

	List<RescheduleRequest> findByStatusOrderByIdAsc(RescheduleRequest.Status status);

	List<RescheduleRequest> findByOrderIdOrderByIdDesc(long orderId);

	Optional<RescheduleRequest> findFirstByOrderIdAndStatus(long orderId, RescheduleRequest.Status status);

}
