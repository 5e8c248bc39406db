package dev.shifu.planner.domain;

/**
 * Membership tier of the customer who ordered the job.
 *
 * @see #weight() how much more an unassigned or late job of this tier costs than a NORMAL one
 * @see #rank() 0 for NORMAL, used to prefer higher-rated installers for higher tiers
 */
public enum MemberTier {
    NORMAL(1), SILVER(2), GOLD(3), PLATINUM(5);

    private final int weight;

    MemberTier(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }

    public int rank() {
        return ordinal();
    }
}
