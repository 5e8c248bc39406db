package dev.shifu.platform.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.shifu.workflows.ExceptionReason;

/**
 * What other contexts tell an order's {@code service-order} process, one method per thing that happened. Message
 * names and variables stay inside the workflow context, so a change of the model breaks the compiler here, not an
 * order at run time.
 * <p>
 * Every method that delivers a message throws {@link dev.shifu.platform.shared.ConflictException} (409) when the
 * process is not waiting for it ({@code not-waiting}) or when another step of the same order changed it at the same
 * moment ({@code concurrent-change}); the caller's transaction then rolls back as a whole.
 */
public interface OrderProcess {

	/** Whether the consumer may book the first visit day now (not: move a booked one). */
	boolean awaitsBooking(long orderId);

	/** Whether a booked visit day may be moved now (waiting for goods, or scheduled and not yet in service). */
	boolean acceptsBookingChange(long orderId);

	/** The consumer booked the first visit day (or the day of a revisit). */
	void visitBooked(long orderId, LocalDate day);

	/** The consumer moved the booked visit day. */
	void visitMoved(long orderId, LocalDate day);

	/** Goods (or replacement goods) arrived; ignored where the process does not wait for them. */
	void goodsArrived(long orderId);

	/** The offered provider accepted; an answer from a provider the process is not waiting for is refused. */
	void offerAccepted(long orderId, long providerId);

	/** The offered provider declined; the process offers the job to the next candidate. */
	void offerDeclined(long orderId, long providerId);

	void installerEnRoute(long orderId);

	void installerArrived(long orderId);

	void installerStarted(long orderId);

	/**
	 * The installer reports the visit done with the consumer's code (核销码); the code is checked in the same
	 * transaction.
	 * @param verificationCode may be null (then the completion is refused and counted)
	 * @return what the process's code check said; on {@link CodeCheck#WRONG} the job is not complete and the process
	 * waits on
	 */
	CodeCheck installerCompleted(long orderId, String verificationCode);

	/** What became of the consumer's code when the process took a completion. */
	enum CodeCheck {
		/** The process checked the code and it matched. */
		VERIFIED,
		/** The process checked the code and refused it (or none was given). */
		WRONG,
		/** The process took the completion without a check of its own (the rework sub-process): the caller checks. */
		NOT_CHECKED
	}

	/** The installer hit a problem on site; the process decides the revisit, replacement or dispatcher task. */
	void installerException(long orderId, ExceptionReason reason, String note);

	/** The consumer rated the visit (1–5 stars). */
	void ratingSubmitted(long orderId, int stars, List<String> tags, String comment);

	/** The provider that accepted the job, once there is one. */
	Optional<Long> assignedProviderId(long orderId);

	/** The booked day of the current visit, once there is one. */
	Optional<LocalDate> bookedDay(long orderId);

	/** The installer recorded for the current visit, once there is one. */
	Optional<Long> assignedInstallerId(long orderId);

	/**
	 * Tells the process which installer does the order's current visit (the crew's lead), as {@code assignedInstallerId}:
	 * a revisit after missing parts prefers them, complaints and rework are credited to them.
	 */
	void installerAssigned(long orderId, long installerId);

}
