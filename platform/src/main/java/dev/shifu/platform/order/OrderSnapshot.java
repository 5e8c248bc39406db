package dev.shifu.platform.order;

import java.time.LocalDate;
import java.util.Set;

import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.catalog.Skill;
import dev.shifu.platform.shared.GeoPoint;

/** An order as other contexts need it (dispatch, notifications, schedule, the consumer link). Full phone: internal. */
public record OrderSnapshot(long id, long brandId, String externalOrderId, OrderStatus status, ServiceType serviceType,
		MemberTier memberTier, String consumerName, String consumerPhone, String address, String regionCode,
		GeoPoint location, GoodsStatus goodsStatus, LocalDate expectedArrival, LocalDate promisedBy,
		int durationMinutes, int crewSize, Set<Skill> requiredSkills, String consumerToken,
		String consumerEmail, String installationNotes) {
}
