package dev.shifu.platform.order;

/**
 * The order's process decides whether a cancellation is still possible; the workflow implements this. The call runs
 * in the cancelling transaction, before the order moves to CANCELLED, so the order and its process never disagree:
 * if an installer's completion wins the race, the process refuses and nothing of the cancellation is written.
 */
public interface ProcessCancellation {

	/**
	 * Hands the cancellation to the order's process. Returns when the process took it, or when the order has no
	 * process and now never gets one.
	 * @param byConsumer whether the consumer (through the link) cancels, rather than the brand or the platform
	 * @throws dev.shifu.platform.shared.ConflictException when the process can no longer be cancelled (the job is
	 * completed) or changed at the same moment
	 */
	void cancel(long orderId, boolean byConsumer, String reason);

}
