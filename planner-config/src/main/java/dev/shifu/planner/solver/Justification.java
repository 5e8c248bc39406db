package dev.shifu.planner.solver;

import org.optaplanner.core.api.score.stream.ConstraintJustification;

/**
 * Why a constraint matched, in words a dispatcher can read. {@code jobId} is null for constraints
 * about a whole shift (travel, capacity, overtime, workload).
 */
public record Justification(String jobId, String shiftId, String reason) implements ConstraintJustification {
}
