package dev.shifu.platform.workflow;

import java.util.Map;
import java.util.Optional;

/** Messages to an order's process, correlated by business key (the order id). */
public interface OrderProcess {

	/** @throws dev.shifu.platform.shared.ConflictException when the process is not waiting for this message */
	void correlate(long orderId, String message, Map<String, Object> variables);

	/** Correlates and returns the process variables right after, for results decided in the same transaction. */
	Map<String, Object> correlateAndRead(long orderId, String message, Map<String, Object> variables);

	/** Correlates only when the process waits for it, and only with the process variable {@code name} = {@code value}. */
	void correlateMatching(long orderId, String message, String name, String value, Map<String, Object> variables);

	/** @return whether any waiting process took the message */
	boolean correlateIfWaiting(long orderId, String message, Map<String, Object> variables);

	boolean isWaitingFor(long orderId, String message);

	Optional<Object> variable(long orderId, String name);

	/**
	 * Tells the process which installer does the order's current visit (the crew's lead), as {@code assignedInstallerId}:
	 * a revisit after missing parts prefers them, complaints and rework are credited to them.
	 */
	void installerAssigned(long orderId, long installerId);

}
