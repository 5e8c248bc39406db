package dev.shifu.platform.order;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an order stands, in step with its {@code service-order} process. The allowed moves are listed here once;
 * the aggregate refuses anything else, so a late or duplicated message cannot silently overwrite a newer state.
 */
public enum OrderStatus {

	RECEIVED, AWAITING_BOOKING, BOOKED, AWAITING_GOODS, DISPATCHING, ASSIGNED, SCHEDULED, IN_SERVICE, EN_ROUTE, ARRIVED,
	STARTED, COMPLETED, RATED, UNRATED, REWORK_SCHEDULED, REWORK_DONE, CLOSED, CANCELLED;

	/** While the installer is on the job: progress events come in any order, and any can end in a revisit. */
	private static final Set<OrderStatus> ON_SITE = EnumSet.of(IN_SERVICE, EN_ROUTE, ARRIVED, STARTED);

	private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.ofEntries(
			Map.entry(RECEIVED, EnumSet.of(AWAITING_BOOKING, CANCELLED)),
			Map.entry(AWAITING_BOOKING, EnumSet.of(AWAITING_BOOKING, BOOKED, CANCELLED)),
			Map.entry(BOOKED, EnumSet.of(AWAITING_GOODS, DISPATCHING, AWAITING_BOOKING, CANCELLED)),
			Map.entry(AWAITING_GOODS, EnumSet.of(AWAITING_GOODS, DISPATCHING, AWAITING_BOOKING, CANCELLED)),
			Map.entry(DISPATCHING, EnumSet.of(ASSIGNED, CANCELLED)),
			Map.entry(ASSIGNED, EnumSet.of(SCHEDULED, CANCELLED)),
			Map.entry(SCHEDULED, EnumSet.of(SCHEDULED, IN_SERVICE, CANCELLED)),
			Map.entry(IN_SERVICE, onSite()),
			Map.entry(EN_ROUTE, onSite()),
			Map.entry(ARRIVED, onSite()),
			Map.entry(STARTED, onSite()),
			Map.entry(COMPLETED, EnumSet.of(RATED, UNRATED, CLOSED)),
			Map.entry(RATED, EnumSet.of(REWORK_SCHEDULED, CLOSED)),
			Map.entry(UNRATED, EnumSet.of(CLOSED)),
			Map.entry(REWORK_SCHEDULED, EnumSet.of(REWORK_DONE)),
			Map.entry(REWORK_DONE, EnumSet.of(CLOSED)),
			Map.entry(CLOSED, EnumSet.noneOf(OrderStatus.class)),
			Map.entry(CANCELLED, EnumSet.noneOf(OrderStatus.class)));

	private static Set<OrderStatus> onSite() {
		return EnumSet.of(EN_ROUTE, ARRIVED, STARTED, COMPLETED, AWAITING_BOOKING, AWAITING_GOODS, CANCELLED);
	}

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

	public boolean isOnSite() {
		return ON_SITE.contains(this);
	}

}
