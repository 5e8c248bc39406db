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

	MemberTierLookup(EntityManager entities) {
		this.entities = entities;
	}

	@Override
	@Transactional(readOnly = true)
	public MemberTier tierOf(OrderSnapshot order) {
		if (order.consumerPhone() == null) {
			return order.memberTier();
		}
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
