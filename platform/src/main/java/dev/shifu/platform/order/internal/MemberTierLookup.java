package dev.shifu.platform.order.internal;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.order.MemberTier;
import dev.shifu.platform.order.MemberTiers;
import dev.shifu.platform.order.OrderSnapshot;

/** The member is the brand's consumer phone number: an offline order of a GOLD member is a GOLD order. */
@Component
class MemberTierLookup implements MemberTiers {

	private final EntityManager entities;

	private final OrderReadCache cache;

	MemberTierLookup(EntityManager entities, OrderReadCache cache) {
		this.entities = entities;
		this.cache = cache;
	}

	@Override
	@Transactional(readOnly = true)
	public MemberTier tierOf(OrderSnapshot order) {
		if (order.consumerPhone() == null) {
			return order.memberTier();
		}
		MemberTier best = cache.tier(order.brandId(), order.consumerPhone(), () -> bestOf(order));
		return best.ordinal() > order.memberTier().ordinal() ? best : order.memberTier();
	}

	private MemberTier bestOf(OrderSnapshot order) {
		List<MemberTier> tiers = entities
			.createQuery("select distinct o.memberTier from ServiceOrder o where o.brandId = :brand and o.consumerPhone = :phone",
					MemberTier.class)
			.setParameter("brand", order.brandId())
			.setParameter("phone", order.consumerPhone())
			.getResultList();
		MemberTier best = order.memberTier();
		for (MemberTier tier : tiers) {
			if (tier != null && tier.ordinal() > best.ordinal()) {
				best = tier;
			}
		}
		return best;
	}

}
