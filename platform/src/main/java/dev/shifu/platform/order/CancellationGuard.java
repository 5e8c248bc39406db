package dev.shifu.platform.order;

/**
 * Asked before an order is cancelled; the workflow implements it, because only the process knows whether the job
 * was completed a moment ago. Throws {@link dev.shifu.platform.shared.ConflictException} to refuse.
 */
public interface CancellationGuard {

	void checkCancellable(long orderId);

}
