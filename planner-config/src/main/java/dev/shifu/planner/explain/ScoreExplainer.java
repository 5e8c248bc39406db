package dev.shifu.planner.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatch;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolutionUpdatePolicy;

import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.explain.ScheduleExplanation.ConstraintImpact;
import dev.shifu.planner.explain.ScheduleExplanation.Reason;
import dev.shifu.planner.solver.Justification;

/**
 * Turns OptaPlanner's score explanation into a {@link ScheduleExplanation}: which constraints cost
 * what, and why each job and shift costs something. Thread-safe; create one per solver factory.
 */
public final class ScoreExplainer {

    private final SolutionManager<Schedule, HardMediumSoftLongScore> solutionManager;

    public ScoreExplainer(SolverFactory<Schedule> solverFactory) {
        this.solutionManager = SolutionManager.create(solverFactory);
    }

    /**
     * Explains the schedule. Shadow variables and score are recomputed from the routes first, so this
     * works for a plan loaded from storage too; pass a copy if the caller's instance must not change.
     */
    public ScheduleExplanation explain(Schedule schedule) {
        ScoreExplanation<Schedule, HardMediumSoftLongScore> explanation =
                solutionManager.explain(schedule, SolutionUpdatePolicy.UPDATE_ALL);
        List<ConstraintImpact> constraints = new ArrayList<>();
        Map<String, List<Reason>> jobs = new TreeMap<>();
        Map<String, List<Reason>> shifts = new TreeMap<>();
        Map<String, List<Reason>> providers = new TreeMap<>();
        for (ConstraintMatchTotal<HardMediumSoftLongScore> total : explanation.getConstraintMatchTotalMap().values()) {
            HardMediumSoftLongScore score = total.getScore();
            if (total.getConstraintMatchCount() == 0) {
                continue;
            }
            String level = score.hardScore() != 0 ? "hard" : score.mediumScore() != 0 ? "medium" : "soft";
            long impact = score.hardScore() != 0 ? score.hardScore()
                    : score.mediumScore() != 0 ? score.mediumScore() : score.softScore();
            constraints.add(new ConstraintImpact(total.getConstraintName(), level, impact,
                    total.getConstraintMatchCount()));
            for (ConstraintMatch<HardMediumSoftLongScore> match : total.getConstraintMatchSet()) {
                if (match.getJustification() instanceof Justification j) {
                    Reason reason = new Reason(total.getConstraintName(), match.getScore().toShortString(), j.reason());
                    if (j.jobId() != null) {
                        jobs.computeIfAbsent(j.jobId(), id -> new ArrayList<>()).add(reason);
                    } else if (j.shiftId() != null) {
                        shifts.computeIfAbsent(j.shiftId(), id -> new ArrayList<>()).add(reason);
                    } else if (j.providerId() != null) {
                        providers.computeIfAbsent(j.providerId(), id -> new ArrayList<>()).add(reason);
                    }
                }
            }
        }
        constraints.sort(Comparator.comparingInt((ConstraintImpact c) -> levelOrder(c.level()))
                .thenComparingLong(ConstraintImpact::impact));
        HardMediumSoftLongScore score = explanation.getScore();
        return new ScheduleExplanation(score.toString(), score.isFeasible(), constraints, jobs, shifts, providers);
    }

    private static int levelOrder(String level) {
        return switch (level) {
            case "hard" -> 0;
            case "medium" -> 1;
            default -> 2;
        };
    }
}
