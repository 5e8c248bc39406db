package dev.shifu.platform.order;

/** The consumer's membership with the brand; higher tiers get priority and better-rated installers. */
public enum MemberTier {

	NORMAL, SILVER, GOLD, PLATINUM

}
