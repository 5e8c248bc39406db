package dev.shifu.platform.booking.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "booking")
class Booking {

	@Id
	private Long orderId;

	private LocalDate bookedDate;

	private Instant updatedAt;

	@Version
	private long version;

	protected Booking() {
	}

	Booking(long orderId, LocalDate bookedDate) {
		this.orderId = orderId;
		this.bookedDate = bookedDate;
		this.updatedAt = Instant.now();
	}

	void move(LocalDate date) {
		this.bookedDate = date;
		this.updatedAt = Instant.now();
	}

	Long getOrderId() {
		return orderId;
	}

	LocalDate getBookedDate() {
		return bookedDate;
	}

}
