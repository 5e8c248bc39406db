package dev.shifu.planner.explain;

import java.util.List;
import java.util.Map;

/**
 * What the score is made of, in plain JSON-friendly records: the platform can serve this as is.
 *
 * @param score the score, e.g. {@code 0hard/-2medium/-81234soft}
 * @param feasible whether every hard constraint is met
 * @param constraints one entry per constraint that matched, hard first, biggest impact first
 * @param jobs per job id, the reasons it costs something
 * @param shifts per shift id, the reasons it costs something (travel, overtime, capacity, workload)
 * @param providers per provider id, the reasons its days cost something (daily capacity)
 */
public record ScheduleExplanation(String score, boolean feasible, List<ConstraintImpact> constraints,
        Map<String, List<Reason>> jobs, Map<String, List<Reason>> shifts, Map<String, List<Reason>> providers) {

    /**
     * @param constraint constraint name (see {@code ScheduleConstraints})
     * @param level hard, medium or soft
     * @param impact score impact on that level (negative = penalty)
     * @param matchCount how many jobs or shifts it matched
     */
    public record ConstraintImpact(String constraint, String level, long impact, int matchCount) {
    }

    /**
     * @param constraint constraint name
     * @param impact score impact, e.g. {@code -1800soft}
     * @param reason human-readable reason
     */
    public record Reason(String constraint, String impact, String reason) {
    }
}
