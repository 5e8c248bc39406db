package dev.shifu.planner;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolutionUpdatePolicy;
import org.optaplanner.core.api.solver.SolverFactory;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;

/**
 * What the tests of phases, moves and changes compare before and after: the hard impact of each
 * constraint, recomputed from the routes by the real constraints, and the pinned prefixes with their
 * start times.
 */
public final class PlanChecks {

    public static final SolutionManager<Schedule, HardMediumSoftLongScore> SCORING =
            SolutionManager.create(SolverFactory.<Schedule>create(TinyCity.quickConfig()));

    private PlanChecks() {
    }

    /** Hard impact per constraint that has one (negative numbers); a constraint that holds is absent. */
    public static Map<String, Long> hardImpacts(Schedule schedule) {
        Map<String, Long> impacts = new HashMap<>();
        for (ConstraintMatchTotal<HardMediumSoftLongScore> total : SCORING
                .explain(schedule, SolutionUpdatePolicy.UPDATE_ALL).getConstraintMatchTotalMap().values()) {
            if (total.getScore().hardScore() != 0) {
                impacts.put(total.getConstraintName(), total.getScore().hardScore());
            }
        }
        return impacts;
    }

    /** Each real shift's pinned prefix in order, as "id@start time". */
    public static Map<String, List<String>> pinned(Schedule schedule) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (Shift shift : schedule.getRealShifts()) {
            ids.put(shift.getId(), shift.getPinnedJobs().stream().map(j -> j.getId() + "@" + j.getStartTime()).toList());
        }
        return ids;
    }

    /** Each shift's planned (movable) route, the unassigned bucket included. */
    public static Map<String, List<String>> routes(Schedule schedule) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        schedule.getShifts().forEach(s -> ids.put(s.getId(), s.getJobs().stream().map(Job::getId).toList()));
        return ids;
    }
}
