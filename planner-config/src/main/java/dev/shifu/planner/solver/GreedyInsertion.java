package dev.shifu.planner.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.score.director.InnerScoreDirectorFactory;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

import dev.shifu.planner.domain.AssignmentRule;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.RouteClock;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;

/**
 * A fast first plan before the solver starts: each job not yet in a route (tightest window first,
 * then highest priority) goes to the cheapest position that keeps the hard score where it was, or
 * to the unassigned bucket. Cost = extra driving, plus the shift-used weight when it opens an empty
 * shift.
 * <p>
 * Why: OptaPlanner 10.1's construction heuristic for list variables tries every position of every
 * route for each job and cannot use nearby selection (its nearby iterator fails while values are
 * still unassigned), which takes minutes for 2 000 jobs.
 * <p>
 * How it stays true to the constraints without a second copy of them: candidate positions are
 * found with the rules the constraints themselves use ({@link AssignmentRule}, {@link RouteClock},
 * {@link Job#lateIfStartingAt}, {@link Shift#overtimeIfBackAt}, {@link Shift#capacityExcessWith}),
 * and the chosen insertion is then scored by the real {@link ScheduleConstraintProvider}
 * incrementally; if the hard score drops (a rule that spans shifts, such as a provider's daily
 * capacity), it is undone and the next shift is tried.
 */
public final class GreedyInsertion {

    private static final String JOBS = "jobs";

    /** Built once: compiling the constraint streams costs more than a small greedy run. */
    private static volatile InnerScoreDirectorFactory<Schedule, HardMediumSoftLongScore> scoring;

    private GreedyInsertion() {
    }

    private record Candidate(Shift shift, int index, long cost) {
    }

    /** Places every job of {@link Schedule#getJobs()} that is in no route; returns how many went to a real shift. */
    public static int planUnplacedJobs(Schedule schedule) {
        Set<Job> placed = new HashSet<>();
        for (Shift shift : schedule.getShifts()) {
            placed.addAll(shift.getJobs());
        }
        List<Job> todo = new ArrayList<>(schedule.getJobs().stream().filter(j -> !placed.contains(j)).toList());
        if (todo.isEmpty()) {
            return 0;
        }
        todo.sort(Comparator.comparingLong((Job j) -> j.getWindowEnd() == null ? Long.MAX_VALUE : j.getWindowEnd())
                .thenComparing(Comparator.comparingInt(Job::getPriorityWeight).reversed()));
        long travelWeight = Math.max(1, schedule.getWeights().getTravelTime().softScore());
        long openCost = schedule.getWeights().getShiftUsed().softScore() / travelWeight;
        List<Shift> shifts = schedule.getRealShifts();
        schedule.getShifts().forEach(Shift::updateRouteShadows);
        Shift bucket = schedule.getUnassignedBucket();
        int planned = 0;
        try (InnerScoreDirector<Schedule, HardMediumSoftLongScore> director = scoring().buildScoreDirector(false, false)) {
            director.setWorkingSolution(schedule);
            long hard = director.calculateScore().hardScore();
            for (Job job : todo) {
                List<Candidate> candidates = new ArrayList<>();
                for (Shift shift : shifts) {
                    Candidate best = bestPosition(shift, job, openCost);
                    if (best != null) {
                        candidates.add(best);
                    }
                }
                candidates.sort(Comparator.comparingLong(Candidate::cost));
                boolean done = false;
                for (Candidate candidate : candidates) {
                    insert(director, candidate.shift(), candidate.index(), job);
                    if (director.calculateScore().hardScore() >= hard) {
                        done = true;
                        planned++;
                        break;
                    }
                    remove(director, candidate.shift(), candidate.index(), job);
                }
                if (!done) {
                    insert(director, bucket, bucket.getJobs().size(), job);
                }
            }
            schedule.setScore(director.calculateScore());
        }
        return planned;
    }

    /** The cheapest position on the shift that keeps its rules, or null when there is none. */
    private static Candidate bestPosition(Shift shift, Job job, long openCost) {
        if (!AssignmentRule.allHold(job, shift) || shift.capacityExcessWith(job.getDemand()) > 0) {
            return null;
        }
        List<Job> route = shift.getJobs();
        Candidate best = null;
        for (int index = 0; index <= route.size(); index++) {
            long cost = insertionCost(shift, route, index, job);
            if (cost < Long.MAX_VALUE) {
                cost += route.isEmpty() && shift.getPinnedJobs().isEmpty() ? openCost : 0;
                if (best == null || cost < best.cost()) {
                    best = new Candidate(shift, index, cost);
                }
            }
        }
        return best;
    }

    /** Extra driving of inserting the job at the index, or MAX_VALUE if a window or the shift end breaks. */
    private static long insertionCost(Shift shift, List<Job> route, int index, Job job) {
        RouteClock clock = index == 0
                ? RouteClock.leaving(shift.getRouteStartLocation(), shift.getRouteStartTime())
                : RouteClock.leaving(route.get(index - 1).getLocation(), route.get(index - 1).getDepartureTime());
        Location previous = clock.location();
        if (job.lateIfStartingAt(clock.visit(job).start()) > 0) {
            return Long.MAX_VALUE;
        }
        for (int k = index; k < route.size(); k++) {
            Job next = route.get(k);
            long start = clock.visit(next).start();
            if (next.lateIfStartingAt(start) > 0) {
                return Long.MAX_VALUE;
            }
            if (start == next.getStartTime()) {
                // The rest of the route keeps its times, and with them its overtime.
                return detour(shift, route, index, job, previous);
            }
        }
        if (shift.overtimeIfBackAt(clock.backAt(shift.getBase())) > 0) {
            return Long.MAX_VALUE;
        }
        return detour(shift, route, index, job, previous);
    }

    private static long detour(Shift shift, List<Job> route, int index, Job job, Location previous) {
        Location following = index < route.size() ? route.get(index).getLocation() : shift.getBase();
        return previous.travelSecondsTo(job.getLocation()) + job.getLocation().travelSecondsTo(following)
                - previous.travelSecondsTo(following);
    }

    private static void insert(InnerScoreDirector<Schedule, ?> director, Shift shift, int index, Job job) {
        director.beforeListVariableElementAssigned(shift, JOBS, job);
        director.beforeListVariableChanged(shift, JOBS, index, index);
        shift.getJobs().add(index, job);
        director.afterListVariableChanged(shift, JOBS, index, index + 1);
        director.afterListVariableElementAssigned(shift, JOBS, job);
        director.triggerVariableListeners();
    }

    private static void remove(InnerScoreDirector<Schedule, ?> director, Shift shift, int index, Job job) {
        director.beforeListVariableChanged(shift, JOBS, index, index + 1);
        shift.getJobs().remove(index);
        director.afterListVariableChanged(shift, JOBS, index, index);
        director.beforeListVariableElementUnassigned(shift, JOBS, job);
        director.afterListVariableElementUnassigned(shift, JOBS, job);
        director.triggerVariableListeners();
    }

    @SuppressWarnings("unchecked")
    private static InnerScoreDirectorFactory<Schedule, HardMediumSoftLongScore> scoring() {
        InnerScoreDirectorFactory<Schedule, HardMediumSoftLongScore> factory = scoring;
        if (factory == null) {
            factory = new DefaultSolverFactory<Schedule>(ScheduleSolverConfig.scoring()).getScoreDirectorFactory();
            scoring = factory;
        }
        return factory;
    }
}
