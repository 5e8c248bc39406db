package dev.shifu.platform.installer;

import java.time.Instant;
import java.util.List;

/** What the installer context tells others (schedule: actual times; the dispatcher board: the review list). */
public final class InstallerEvents {

	private InstallerEvents() {
	}

	/**
	 * An installer's job event was applied: {@code type} EN_ROUTE, ARRIVED, STARTED, COMPLETED or EXCEPTION, at the
	 * time it happened on the road ({@code occurredAt}, not when it reached us).
	 */
	public record JobEventApplied(long orderId, long eventId, String type, Instant occurredAt, long providerId,
			Long installerId) {
	}

	/**
	 * A job went onto the dispatcher's review list: {@code kind} EVIDENCE (a flagged completion or arrival) or
	 * SYNC_REJECTED (an offline event that could not be applied); {@code flags} say why.
	 */
	public record JobFlagged(long reviewId, long orderId, String regionCode, String kind, List<String> flags) {
	}

}
