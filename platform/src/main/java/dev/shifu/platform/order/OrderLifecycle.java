package dev.shifu.platform.order;

import java.util.Optional;

/** What the order workflow and other contexts may do to an order besides the brand API. */
public interface OrderLifecycle {

	Optional<OrderSnapshot> find(long orderId);

	/** The order's items as the brand sent them (what an installer fits, and which need a serial number). */
	java.util.List<OrderItemSnapshot> items(long orderId);

	/** The order a consumer's link opens, and no other. */
	Optional<OrderSnapshot> findByConsumerToken(String token);

	/**
	 * Moves the order to the status its process reached. A repeat of the current status is a no-op unless the status
	 * can recur (a moved booking, installer progress), so a retried job writes no second history line.
	 */
	void applyStatus(long orderId, OrderStatus status, String actor, String reason);

	/** Records an SLA warning (WARN, ALERT, SEVERE) visible on the order. */
	void recordWarning(long orderId, String level, String reason);

	/** Checks the consumer's verification code (核销码); a wrong or missing code is counted. */
	boolean checkVerificationCode(long orderId, String code);

	/** When wrong codes locked completion, until when. */
	Optional<java.time.Instant> verificationLockedUntil(long orderId);

	/** Lifts a lock after wrong codes (a dispatcher's call); the count of wrong codes starts again. */
	void unlockVerification(long orderId);

	/**
	 * A fresh code for the consumer's own link: the old one stops working and any lock is lifted.
	 *
	 * @return the new code; show it only to the consumer
	 */
	String renewVerificationCode(long orderId);

	/** The code the consumer shows the installer; only for the consumer's own link. */
	String verificationCode(long orderId);

	/** The installer reported the goods damaged: the brand may report replacement goods (SHIPPED, ARRIVED) again. */
	void goodsDamaged(long orderId);

	/** Cancels on behalf of the consumer or the platform; the same checks as the brand's cancel. */
	void cancel(long orderId, String actor, String reason);

}
