package dev.shifu.platform.schedule;

import java.time.Instant;

/**
 * What happened on the road reaches the live plan: an installer's reported arrival, start or completion becomes the
 * visit's actual time, and the rest of the installer's day is timed from it. The installer context calls this after
 * it applied the event; the schedule does not listen to the installer context.
 */
public interface VisitProgress {

	/**
	 * @param type EN_ROUTE, ARRIVED, STARTED, COMPLETED or EXCEPTION (only the three times on site count)
	 * @param occurredAt when it happened on the road
	 */
	void reported(long orderId, String type, Instant occurredAt);

	/** The order went onto (or changed on) the dispatcher's review list: the region's board reads it again. */
	void reviewListChanged(long orderId);

	/** A late reschedule of the order waits for a dispatcher, or was decided: the region's board reads its list again. */
	void approvalListChanged(long orderId);

}
