package dev.shifu.planner.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A problem fact: how many jobs of one service type a provider takes on one day (the daily capacity
 * the provider registered with the network). Shifts belong to providers through
 * {@link Shift#getProviderId()}; jobs carry {@link Job#getServiceType()}.
 *
 * @param providerId the provider whose shifts are counted
 * @param serviceType the service type counted, e.g. INSTALLATION
 * @param date the day it applies to, or null for every day of the horizon
 * @param maxJobs the most jobs of that type the provider's installers do that day together
 */
public record ProviderCapacity(String providerId, String serviceType, LocalDate date, int maxJobs) {

    public ProviderCapacity {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(serviceType, "serviceType");
        if (maxJobs < 0) {
            throw new IllegalArgumentException("maxJobs must not be negative");
        }
    }

    /** The same limit on every day. */
    public static ProviderCapacity everyDay(String providerId, String serviceType, int maxJobs) {
        return new ProviderCapacity(providerId, serviceType, null, maxJobs);
    }

    /** Whether this limit counts the shift's jobs: the shift is the provider's, on the limit's day. */
    public boolean appliesTo(Shift shift) {
        return !shift.isUnassignedBucket() && providerId.equals(shift.getProviderId())
                && (date == null || date.equals(shift.getDate()));
    }

    /** Jobs over the limit when {@code count} jobs of the type are planned on one day. */
    public int excess(int count) {
        return Math.max(0, count - maxJobs);
    }
}
