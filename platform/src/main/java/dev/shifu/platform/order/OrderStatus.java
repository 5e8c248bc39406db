package dev.shifu.platform.order;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an order stands. The allowed moves are listed here once; the aggregate refuses anything else, so a
 * late or duplicated message cannot silently overwrite a newer state.
 */
public enum OrderStatus {

	RECEIVED, AWAITING_BOOKING, BOOKED, DISPATCHING, ASSIGNED, SCHEDULED, IN_SERVICE, COMPLETED, RATED, UNRATED,
	CLOSED, CANCELLED;

	private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.ofEntries(
			Map.entry(RECEIVED, EnumSet.of(AWAITING_BOOKING, DISPATCHING, CANCELLED)),
			Map.entry(AWAITING_BOOKING, EnumSet.of(BOOKED, DISPATCHING, CANCELLED)),
			Map.entry(BOOKED, EnumSet.of(AWAITING_BOOKING, DISPATCHING, ASSIGNED, SCHEDULED, CANCELLED)),
			Map.entry(DISPATCHING, EnumSet.of(AWAITING_BOOKING, BOOKED, ASSIGNED, CANCELLED)),
			Map.entry(ASSIGNED, EnumSet.of(AWAITING_BOOKING, BOOKED, DISPATCHING, SCHEDULED, CANCELLED)),
			Map.entry(SCHEDULED, EnumSet.of(AWAITING_BOOKING, BOOKED, DISPATCHING, IN_SERVICE, CANCELLED)),
			Map.entry(IN_SERVICE, EnumSet.of(AWAITING_BOOKING, BOOKED, DISPATCHING, SCHEDULED, COMPLETED, CANCELLED)),
			Map.entry(COMPLETED, EnumSet.of(RATED, UNRATED, SCHEDULED, CLOSED)),
			Map.entry(RATED, EnumSet.of(SCHEDULED, CLOSED)),
			Map.entry(UNRATED, EnumSet.of(CLOSED)),
			Map.entry(CLOSED, EnumSet.noneOf(OrderStatus.class)),
			Map.entry(CANCELLED, EnumSet.noneOf(OrderStatus.class)));

	public boolean canMoveTo(OrderStatus next) {
		return NEXT.get(this).contains(next);
	}

	/** Cancellation is possible until the job is completed. */
	public boolean isCancellable() {
		return canMoveTo(CANCELLED);
	}

	public boolean isTerminal() {
		return NEXT.get(this).isEmpty();
	}

}
