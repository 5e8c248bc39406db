package dev.shifu.platform.booking.internal;

import java.time.Instant;
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

/** A consumer's request to be phoned about the visit: open until a dispatcher marks it done. */
@Entity
@Table(name = "callback_request")
class CallbackRequest {

	enum Status {
		OPEN, DONE
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long orderId;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant requestedAt;

	private Instant doneAt;

	private String doneBy;

	private String doneNote;

	@Version
	private long version;

	protected CallbackRequest() {
	}

	CallbackRequest(long orderId, Instant at) {
		this.orderId = orderId;
		this.status = Status.OPEN;
		this.requestedAt = at;
	}

	void done(String by, String note, Instant at) {
		this.status = Status.DONE;
		this.doneBy = by;
		this.doneNote = note;
		this.doneAt = at;
	}

	Long id() {
		return id;
	}

	long orderId() {
		return orderId;
	}

	Status status() {
		return status;
	}

	Instant requestedAt() {
		return requestedAt;
	}

	Instant doneAt() {
		return doneAt;
	}

	String doneBy() {
		return doneBy;
	}

	String doneNote() {
		return doneNote;
	}

}

interface CallbackRequestRepository extends JpaRepository<CallbackRequest, Long> {

	Optional<CallbackRequest> findFirstByOrderIdAndStatus(long orderId, CallbackRequest.Status status);

	List<CallbackRequest> findByStatusOrderByIdAsc(CallbackRequest.Status status);

}
