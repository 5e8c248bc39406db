package dev.shifu.planner.solver;

import org.optaplanner.core.api.score.stream.ConstraintJustification;

/**
 * Why a constraint matched, in words a dispatcher can read. {@code jobId} is null for constraints
 * about a whole shift (travel, capacity, overtime, workload); both are null, and {@code providerId}
 * is set, for a provider's day (daily capacity).
 */
public record Justification(String jobId, String shiftId, String providerId, String reason)
        implements ConstraintJustification {

    public Justification(String jobId, String shiftId, String reason) {
        this(jobId, shiftId, null, reason);
    }

    static Justification ofProvider(String providerId, String reason) {
        return new Justification(null, null, providerId, reason);
    }
}
