package dev.shifu.platform.dispatch;

import java.util.List;

/**
 * The dispatcher's side of the "assign provider manually" task: which providers may take the order, and the
 * assignment itself, validated the same way whether it comes from a staff API, the Tasklist form or the engine.
 */
public interface ManualAssignment {

	/** Providers eligible for the order (active, covering its address, serving its brand, with the skills). */
	List<EligibleProvider> eligibleProviders(long orderId);

	/**
	 * Checks a provider for the order.
	 *
	 * @throws dev.shifu.platform.shared.InvalidFieldException naming {@code assignedProviderId} and why
	 */
	void check(long orderId, String providerId);

	/**
	 * Completes the order's manual-assignment task with this provider.
	 *
	 * @throws dev.shifu.platform.shared.InvalidFieldException when the provider is not eligible
	 * @throws dev.shifu.platform.shared.ConflictException when the order waits for no manual assignment
	 */
	void assign(long orderId, long providerId);

	/**
	 * A provider the dispatcher may choose; {@code assignedOnDay} is how many jobs of the order's service type it
	 * already has on the booked day, against its {@code dailyCapacity}.
	 */
	record EligibleProvider(long providerId, String name, String type, double rating, int dailyCapacity,
			long assignedOnDay) {
	}

}
