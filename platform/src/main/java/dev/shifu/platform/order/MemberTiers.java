package dev.shifu.platform.order;

/** A member's rights with a brand hold across their orders, online and offline (会员通): one member, one tier. */
public interface MemberTiers {

	/** The highest tier of the brand's orders with the same consumer phone as this order. */
	MemberTier tierOf(OrderSnapshot order);

}
