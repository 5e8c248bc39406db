package dev.shifu.platform.order.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.shifu.platform.catalog.ProductCategory;
import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.catalog.Skill;
import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.order.GoodsStatus;
import dev.shifu.platform.order.MemberTier;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.shared.GeoPoint;
import dev.shifu.platform.shared.PhoneNumbers;

/**
 * An order as the API shows it. The consumer's phone is in full only for the owning brand, and only the owning brand's
 * single-order view carries the consumer's link (its token opens the order and shows the completion code), so the
 * brand can send it through its own channels; staff never see it.
 */
record OrderView(long id, String externalOrderId, long brandId, OrderStatus status, ServiceType serviceType,
		MemberTier memberTier, Consumer consumer, List<Item> items, Goods goods, LocalDate promisedBy,
		Requirements requirements, String cancelReason, Instant createdAt, Instant updatedAt,
		List<StatusChange> history, List<Warning> warnings, String consumerLink, String installationNotes) {

	/** This view with the consumer's link, if the viewer is the owning brand. */
	OrderView withConsumerLink(ServiceOrder o, Actor viewer, String publicUrl) {
		boolean owner = viewer.isBrand() && o.getBrandId().equals(viewer.brandId());
		if (!owner || o.getConsumerToken() == null) {
			return this;
		}
		return new OrderView(id, externalOrderId, brandId, status, serviceType, memberTier, consumer, items, goods,
				promisedBy, requirements, cancelReason, createdAt, updatedAt, history, warnings,
				publicUrl + "/c/" + o.getConsumerToken(), installationNotes);
	}

	record Warning(String level, String reason, Instant at) {
	}

	record Consumer(String name, String phone, String address, String regionCode, GeoPoint location) {
	}

	record Item(String sku, String name, ProductCategory category, int quantity, boolean serialNumberRequired) {
	}

	record Goods(GoodsStatus status, LocalDate expectedArrival) {
	}

	record Requirements(int durationMinutes, int crewSize, Set<Skill> skills) {
	}

	record StatusChange(int sequence, OrderStatus from, OrderStatus to, String actor, String reason, Instant at) {
	}

	static OrderView of(ServiceOrder o, Actor viewer, boolean withHistory) {
		boolean owner = viewer.isBrand() && o.getBrandId().equals(viewer.brandId());
		String phone = owner ? o.getConsumerPhone() : PhoneNumbers.mask(o.getConsumerPhone());
		List<StatusChange> history = withHistory ? o.getHistory()
			.stream()
			.map(h -> new StatusChange(h.getSequence(), h.getFromStatus(), h.getToStatus(), h.getActor(), h.getReason(),
					h.getChangedAt()))
			.toList() : null;
		return new OrderView(o.getId(), o.getExternalOrderId(), o.getBrandId(), o.getStatus(), o.getServiceType(),
				o.getMemberTier(), new Consumer(o.getConsumerName(), phone, o.getAddress(), o.getRegionCode(), o.location()),
				o.getItems()
					.stream()
					.map(i -> new Item(i.sku(), i.name(), i.category(), i.quantity(), i.serialNumberRequired()))
					.toList(),
				new Goods(o.getGoodsStatus(), o.getExpectedArrival()), o.getPromisedBy(),
				new Requirements(o.getDurationMinutes(), o.getCrewSize(), o.requiredSkillSet()), o.getCancelReason(),
				o.getCreatedAt(), o.getUpdatedAt(), history, withHistory ? o.getWarnings()
					.stream()
					.map(w -> new Warning(w.getLevel(), w.getReason(), w.getRaisedAt()))
					.toList() : null, null, o.getInstallationNotes());
	}

}
