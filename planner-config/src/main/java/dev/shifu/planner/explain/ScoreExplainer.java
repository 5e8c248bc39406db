package dev.shifu.planner.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatch;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolutionUpdatePolicy;

import dev.shifu.planner.domain.AssignmentRule;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.ProviderCapacity;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.ScheduleConstraints;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.explain.ScheduleExplanation.ConstraintImpact;
import dev.shifu.planner.explain.ScheduleExplanation.Reason;
import dev.shifu.planner.solver.Justification;

/**
 * Turns OptaPlanner's score explanation into a {@link ScheduleExplanation}: which constraints cost
 * what, and why each job and shift costs something. An unassigned job also gets the reasons no shift
 * takes it (impact {@value #BLOCKS}). Thread-safe; create one per solver factory.
 */
public final class ScoreExplainer {

    /** Impact shown for a reason a job could not be planned: it costs nothing itself. */
    static final String BLOCKS = "blocks";

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
        for (Job job : schedule.getUnassignedJobs()) {
            jobs.computeIfAbsent(job.getId(), id -> new ArrayList<>()).addAll(whyUnassigned(schedule, job));
        }
        constraints.sort(Comparator.comparingInt((ConstraintImpact c) -> levelOrder(c.level()))
                .thenComparingLong(ConstraintImpact::impact));
        HardMediumSoftLongScore score = explanation.getScore();
        return new ScheduleExplanation(score.toString(), score.isFeasible(), constraints, jobs, shifts, providers);
    }

    /**
     * Why no shift takes the job, by the rules the constraints use: per hard rule, how many shifts it
     * rules out, and which providers' daily capacity is used up. What is left is lack of time in the routes.
     */
    static List<Reason> whyUnassigned(Schedule schedule, Job job) {
        Map<String, Integer> ruledOut = new TreeMap<>();
        Set<String> full = new TreeSet<>();
        int open = 0;
        for (Shift shift : schedule.getRealShifts()) {
            AssignmentRule broken = null;
            for (AssignmentRule rule : AssignmentRule.values()) {
                if (rule.violation(job, shift) > 0) {
                    broken = rule;
                    break;
                }
            }
            if (broken != null) {
                ruledOut.merge(broken.constraintName(), 1, Integer::sum);
                continue;
            }
            String capacityFull = fullCapacity(schedule, job, shift);
            if (capacityFull != null) {
                full.add(capacityFull);
                continue;
            }
            open++;
        }
        List<Reason> reasons = new ArrayList<>();
        ruledOut.forEach((rule, count) -> reasons.add(new Reason(rule, BLOCKS, "rules out " + count + " shift(s)")));
        full.forEach(text -> reasons.add(new Reason(ScheduleConstraints.PROVIDER_DAILY_CAPACITY, BLOCKS, text)));
        if (open > 0) {
            reasons.add(new Reason(ScheduleConstraints.UNASSIGNED_JOB, BLOCKS,
                    open + " shift(s) could take it, but not within its window and their hours"));
        }
        return reasons;
    }

    /** The provider's capacity the job would exceed on that shift's day, in words, or null. */
    private static String fullCapacity(Schedule schedule, Job job, Shift shift) {
        if (job.getServiceType() == null) {
            return null;
        }
        for (ProviderCapacity capacity : schedule.getProviderCapacities()) {
            if (!capacity.serviceType().equals(job.getServiceType()) || !capacity.appliesTo(shift)) {
                continue;
            }
            int count = 0;
            for (Shift other : schedule.getRealShifts()) {
                if (other.getDate().equals(shift.getDate()) && capacity.appliesTo(other)) {
                    count += other.countJobsOfServiceType(capacity.serviceType());
                }
            }
            if (capacity.excess(count + 1) > 0) {
                return "provider " + capacity.providerId() + " has " + count + " of " + capacity.maxJobs() + " "
                        + capacity.serviceType() + " jobs on " + shift.getDate();
            }
        }
        return null;
    }

    private static int levelOrder(String level) {
        return switch (level) {
            case "hard" -> 0;
            case "medium" -> 1;
            default -> 2;
        };
    }
}
