package dev.shifu.platform.schedule.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * A booked window held on one installer's day. {@code slotNo} counts the holds of that shift: a booking takes the
 * next number, so two bookings that read the same state of the shift ask for the same number and the unique key lets
 * exactly one of them commit.
 */
@Entity
@jakarta.persistence.EntityListeners(ScheduleReadCache.Eviction.class)
@Table(name = "window_reservation")
class WindowReservation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long orderId;

	private String region;

	private String shiftId;

	private long installerId;

	private long providerId;

	private LocalDate visitDay;

	private LocalTime windowStart;

	private LocalTime windowEnd;

	private int slotNo;

	private double lat;

	private double lng;

	private long serviceSeconds;

	private String serviceType;

	private boolean active;

	private Instant createdAt;

	protected WindowReservation() {
	}

	WindowReservation(long orderId, String region, String shiftId, long installerId, long providerId, LocalDate visitDay,
			LocalTime windowStart, LocalTime windowEnd, int slotNo, double lat, double lng, long serviceSeconds,
			String serviceType) {
		this.orderId = orderId;
		this.region = region;
		this.shiftId = shiftId;
		this.installerId = installerId;
		this.providerId = providerId;
		this.visitDay = visitDay;
		this.windowStart = windowStart;
		this.windowEnd = windowEnd;
		this.slotNo = slotNo;
		this.lat = lat;
		this.lng = lng;
		this.serviceSeconds = serviceSeconds;
		this.serviceType = serviceType;
		this.active = true;
		this.createdAt = Instant.now();
	}

	void release() {
		this.active = false;
	}

	Long id() {
		return id;
	}

	long orderId() {
		return orderId;
	}

	String shiftId() {
		return shiftId;
	}

	long installerId() {
		return installerId;
	}

	long providerId() {
		return providerId;
	}

	LocalDate visitDay() {
		return visitDay;
	}

	LocalTime windowStart() {
		return windowStart;
	}

	LocalTime windowEnd() {
		return windowEnd;
	}

	double lat() {
		return lat;
	}

	double lng() {
		return lng;
	}

	long serviceSeconds() {
		return serviceSeconds;
	}

	String serviceType() {
		return serviceType;
	}

	boolean isActive() {
		return active;
	}

}

interface WindowReservationRepository extends JpaRepository<WindowReservation, Long> {

	List<WindowReservation> findByRegionAndVisitDayBetweenAndActiveTrue(String region, LocalDate from, LocalDate to);

	List<WindowReservation> findByOrderIdAndActiveTrue(long orderId);

	@Query("select coalesce(max(r.slotNo), -1) from WindowReservation r where r.shiftId = :shiftId")
	int lastSlot(@Param("shiftId") String shiftId);

}
