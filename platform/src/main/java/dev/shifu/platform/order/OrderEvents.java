package dev.shifu.platform.order;

import java.time.Instant;
import java.time.LocalDate;

import dev.shifu.platform.catalog.ServiceType;

/** Events the order context publishes; they go through Spring Modulith's event publication registry (outbox). */
public final class OrderEvents {

	private OrderEvents() {
	}

	/** A new order passed intake. */
	public record OrderAccepted(long orderId, long brandId, String externalOrderId, ServiceType serviceType,
			MemberTier memberTier, String regionCode, GoodsStatus goodsStatus, LocalDate expectedArrival,
			LocalDate promisedBy) {
	}

	public record OrderCancelled(long orderId, long brandId, String reason, String cancelledBy) {
	}

	public record GoodsStatusChanged(long orderId, long brandId, GoodsStatus goodsStatus, LocalDate expectedArrival) {
	}

	public record OrderStatusChanged(long orderId, long brandId, String externalOrderId, long sequence,
			OrderStatus from, OrderStatus to, String actor, String reason, Instant at) {
	}

}
