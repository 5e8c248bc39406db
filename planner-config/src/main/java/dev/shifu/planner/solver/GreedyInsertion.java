package dev.shifu.planner.solver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.score.director.InnerScoreDirectorFactory;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

import dev.shifu.planner.domain.AssignmentRule;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.RouteClock;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.ScheduleConstraints;
import dev.shifu.planner.domain.Shift;

/**
 * Regret-2 insertion that never breaks a hard constraint: the job with the most to lose goes first
 * (see {@link #place}), to the cheapest position that keeps the hard score where it was, or to the
 * unassigned bucket. Cost = extra driving, plus the shift-used weight when it opens an empty shift.
 * It makes the first plan ({@link #planUnplacedJobs}) and places new or handed-back jobs inside a
 * running solver's problem change ({@link #placeFromBucket}).
 * <p>
 * Why: OptaPlanner 10.1's construction heuristic for list variables tries every position of every
 * route for each job and cannot use nearby selection (its nearby iterator fails while values are
 * still unassigned), which takes minutes for 2 000 jobs.
 * <p>
 * How it stays true to the constraints without a second copy of them: candidate positions are
 * found cheaply with the rules the constraints themselves use ({@link AssignmentRule},
 * {@link RouteInsertion}: {@link RouteClock}, {@link Job#lateIfStartingAt}, {@link Shift#overtimeIfBackAt};
 * {@link Shift#capacityExcessWith}); the candidates are then tried cheapest first through the score
 * director, which recalculates incrementally with the real {@link ScheduleConstraintProvider}; if the
 * hard score drops (a rule that spans shifts, such as a provider's daily capacity), the insertion is
 * undone and the next candidate is tried.
 */
public final class GreedyInsertion {

    private static final String JOBS = "jobs";
    /** Order in which a shift's checks run: the blocking constraint is the one the furthest shifts stopped at. */
    private static final List<String> CHECK_ORDER = List.of(ScheduleConstraints.INSTALLER_LEAVE,
            ScheduleConstraints.SKILL_MATCH, ScheduleConstraints.CREW_SIZE, ScheduleConstraints.MIN_INSTALLER_RATING,
            ScheduleConstraints.PROVIDER_ACCEPTED,
            ScheduleConstraints.CERTIFICATE_VALID, ScheduleConstraints.GOODS_ARRIVAL,
            ScheduleConstraints.VEHICLE_CAPACITY, ScheduleConstraints.TIME_WINDOW,
            ScheduleConstraints.BACK_AT_BASE, ScheduleConstraints.PROVIDER_DAILY_CAPACITY);

    /** What {@link #diagnose} says of a job that some route could take as it is. */
    public static final String FITS = "none (fits on a route as it is)";

    /** Built once: compiling the constraint streams costs more than a small greedy run. */
    private static volatile InnerScoreDirectorFactory<Schedule, HardMediumSoftLongScore> scoring;

    private GreedyInsertion() {
    }

    /**
     * Where one job went.
     *
     * @param job the job
     * @param shift the real shift it is planned on, or null when it stays in the unassigned bucket
     * @param blockedBy when unassigned: the hard constraint that ruled out the shifts that came
     *        closest to taking it (checks run rules of the shift first, then the van, the window, the
     *        shift end and the provider's daily capacity); null when placed
     * @param ruledOut when unassigned: per hard constraint, how many shifts it ruled out
     */
    public record Placement(Job job, Shift shift, String blockedBy, Map<String, Integer> ruledOut) {

        public boolean isPlaced() {
            return shift != null;
        }

        @Override
        public String toString() {
            return isPlaced() ? job.getId() + " -> " + shift.getId()
                    : job.getId() + " unassigned, blocked by " + blockedBy + " " + ruledOut;
        }
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
        schedule.getShifts().forEach(Shift::updateRouteShadows);
        int planned = 0;
        try (InnerScoreDirector<Schedule, HardMediumSoftLongScore> director = scoring().buildScoreDirector(false, false)) {
            director.setWorkingSolution(schedule);
            for (Placement placement : place(director, schedule, todo, false)) {
                planned += placement.isPlaced() ? 1 : 0;
            }
            schedule.setScore(director.calculateScore());
        }
        return planned;
    }

    /**
     * Moves jobs that wait in the unassigned bucket to their cheapest place that keeps every hard
     * constraint the plan satisfies, through the given score director (in a problem change: the
     * running solver's own, so its incremental score stays exact). Jobs that fit nowhere stay in the
     * bucket; pinned jobs are never touched.
     */
    public static List<Placement> placeFromBucket(InnerScoreDirector<Schedule, HardMediumSoftLongScore> director,
            Schedule working, Collection<Job> jobs) {
        Shift bucket = working.getUnassignedBucket();
        List<Job> todo = new ArrayList<>(jobs.stream().filter(j -> j.getShift() == bucket).toList());
        return place(director, working, todo, true);
    }

    /**
     * Why the job is not on a route now, by the same checks as the insertion (without inserting): per
     * hard constraint, how many shifts it rules out. When some position passes them all, only a rule
     * across shifts can block it, the provider's daily capacity; without capacities it says {@link #FITS}.
     */
    public static Placement diagnose(Schedule schedule, Job job) {
        Map<String, Integer> ruledOut = new LinkedHashMap<>();
        int open = 0;
        for (Shift shift : schedule.getRealShifts()) {
            if (bestPosition(shift, job, 0, ruledOut) != null) {
                open++;
            }
        }
        if (open > 0) {
            // A position passes every rule of its shift: only a provider's daily capacity can block it, if any.
            ruledOut.put(schedule.getProviderCapacities().isEmpty() ? FITS : ScheduleConstraints.PROVIDER_DAILY_CAPACITY,
                    open);
            if (schedule.getProviderCapacities().isEmpty()) {
                return new Placement(job, null, FITS, Map.copyOf(ruledOut));
            }
        }
        return new Placement(job, null, blocking(ruledOut), Map.copyOf(ruledOut));
    }

    /**
     * Regret-2 insertion: each round places the job that would lose most by waiting, the difference
     * between its cheapest position on another shift and its cheapest position overall (a job with one
     * shift left first; ties: tightest window, then highest priority). Plain cheapest insertion in a
     * fixed order fills an area with early jobs before the jobs that can go nowhere else come up, and
     * those are then left out. After each insertion only the changed shift is priced again.
     */
    private static List<Placement> place(InnerScoreDirector<Schedule, HardMediumSoftLongScore> director,
            Schedule schedule, List<Job> todo, boolean fromBucket) {
        todo.sort(Comparator.comparingLong((Job j) -> j.getWindowEnd() == null ? Long.MAX_VALUE : j.getWindowEnd())
                .thenComparing(Comparator.comparingInt(Job::getPriorityWeight).reversed()));
        long travelWeight = Math.max(1, schedule.getWeights().getTravelTime().softScore());
        long openCost = schedule.getWeights().getShiftUsed().softScore() / travelWeight;
        List<Shift> shifts = schedule.getRealShifts();
        Shift bucket = schedule.getUnassignedBucket();
        long hard = director.calculateScore().hardScore();
        int n = todo.size();
        Candidate[][] options = new Candidate[n][];
        Map<String, Integer> ignored = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            options[j] = new Candidate[shifts.size()];
            for (int k = 0; k < shifts.size(); k++) {
                options[j][k] = bestPosition(shifts.get(k), todo.get(j), openCost, ignored);
            }
        }
        Map<Job, Placement> placements = new LinkedHashMap<>();
        boolean[] done = new boolean[n];
        long[] regret = new long[n];
        for (int j = 0; j < n; j++) {
            regret[j] = regret(options[j]);
        }
        for (int round = 0; round < n; round++) {
            int pick = -1;
            for (int j = 0; j < n; j++) {
                if (!done[j] && (pick < 0 || regret[j] > regret[pick])) {
                    pick = j;
                }
            }
            done[pick] = true;
            Job job = todo.get(pick);
            List<Candidate> candidates = new ArrayList<>();
            for (Candidate candidate : options[pick]) {
                if (candidate != null) {
                    candidates.add(candidate);
                }
            }
            // Cheapest, hence nearest, routes first: usually the first candidate holds.
            candidates.sort(Comparator.comparingLong(Candidate::cost));
            Shift chosen = null;
            int refused = 0;
            for (Candidate candidate : candidates) {
                int bucketIndex = fromBucket ? bucket.getJobs().indexOf(job) : -1;
                if (fromBucket) {
                    move(director, bucket, bucketIndex, candidate.shift(), candidate.index());
                } else {
                    assign(director, candidate.shift(), candidate.index(), job);
                }
                long after = director.calculateScore().hardScore();
                if (after >= hard) {
                    hard = after;
                    chosen = candidate.shift();
                    break;
                }
                if (fromBucket) {
                    move(director, candidate.shift(), candidate.index(), bucket, bucketIndex);
                } else {
                    unassign(director, candidate.shift(), candidate.index(), job);
                }
                refused++;
            }
            if (chosen == null) {
                if (!fromBucket) {
                    assign(director, bucket, bucket.getJobs().size(), job);
                }
                Map<String, Integer> ruledOut = new LinkedHashMap<>();
                for (Shift shift : shifts) {
                    bestPosition(shift, job, openCost, ruledOut);
                }
                if (refused > 0) {
                    ruledOut.merge(ScheduleConstraints.PROVIDER_DAILY_CAPACITY, refused, Integer::sum);
                }
                placements.put(job, new Placement(job, null, blocking(ruledOut), Map.copyOf(ruledOut)));
                continue;
            }
            placements.put(job, new Placement(job, chosen, null, Map.of()));
            int changed = shifts.indexOf(chosen);
            for (int j = 0; j < n; j++) {
                if (!done[j] && options[j][changed] != null) {
                    options[j][changed] = bestPosition(chosen, todo.get(j), openCost, ignored);
                    regret[j] = regret(options[j]);
                }
            }
        }
        List<Placement> result = new ArrayList<>(n);
        for (Job job : todo) {
            result.add(placements.get(job));
        }
        return result;
    }

    /**
     * Second-cheapest minus cheapest shift; a job with one shift left comes next to a job with none
     * (which is decided at once: routes only fill up, so it never gets a place later).
     */
    private static long regret(Candidate[] options) {
        long first = Long.MAX_VALUE;
        long second = Long.MAX_VALUE;
        for (Candidate candidate : options) {
            if (candidate != null) {
                if (candidate.cost() < first) {
                    second = first;
                    first = candidate.cost();
                } else if (candidate.cost() < second) {
                    second = candidate.cost();
                }
            }
        }
        return first == Long.MAX_VALUE ? Long.MAX_VALUE : second == Long.MAX_VALUE ? Long.MAX_VALUE - 1 : second - first;
    }

    /** The constraint at which the shifts that came closest stopped. */
    private static String blocking(Map<String, Integer> ruledOut) {
        String last = null;
        for (String name : CHECK_ORDER) {
            if (ruledOut.containsKey(name)) {
                last = name;
            }
        }
        return last == null ? "no shift in the region" : last;
    }

    /** The cheapest position on the shift that keeps its rules, or null (with the reason counted) when there is none. */
    private static Candidate bestPosition(Shift shift, Job job, long openCost, Map<String, Integer> ruledOut) {
        for (AssignmentRule rule : AssignmentRule.values()) {
            if (rule.violation(job, shift) > 0) {
                ruledOut.merge(rule.constraintName(), 1, Integer::sum);
                return null;
            }
        }
        if (shift.capacityExcessWith(job.getDemand()) > 0) {
            ruledOut.merge(ScheduleConstraints.VEHICLE_CAPACITY, 1, Integer::sum);
            return null;
        }
        List<Job> route = shift.getJobs();
        RouteInsertion insertion = RouteInsertion.of(shift);
        RouteInsertion.Legs legs = insertion.legs(job.getLocation());
        Candidate best = null;
        boolean late = false;
        for (int index = 0; index <= route.size(); index++) {
            long cost = insertion.cost(index, job, legs);
            if (cost >= 0) {
                cost += route.isEmpty() && shift.getPinnedJobs().isEmpty() ? openCost : 0;
                if (best == null || cost < best.cost()) {
                    best = new Candidate(shift, index, cost);
                }
            } else {
                late |= cost == RouteInsertion.LATE;
            }
        }
        if (best == null) {
            ruledOut.merge(late ? ScheduleConstraints.TIME_WINDOW : ScheduleConstraints.BACK_AT_BASE, 1, Integer::sum);
        }
        return best;
    }

    private static void assign(InnerScoreDirector<Schedule, ?> director, Shift shift, int index, Job job) {
        director.beforeListVariableElementAssigned(shift, JOBS, job);
        director.beforeListVariableChanged(shift, JOBS, index, index);
        shift.getJobs().add(index, job);
        director.afterListVariableChanged(shift, JOBS, index, index + 1);
        director.afterListVariableElementAssigned(shift, JOBS, job);
        director.triggerVariableListeners();
    }

    private static void unassign(InnerScoreDirector<Schedule, ?> director, Shift shift, int index, Job job) {
        director.beforeListVariableChanged(shift, JOBS, index, index + 1);
        shift.getJobs().remove(index);
        director.afterListVariableChanged(shift, JOBS, index, index);
        director.beforeListVariableElementUnassigned(shift, JOBS, job);
        director.afterListVariableElementUnassigned(shift, JOBS, job);
        director.triggerVariableListeners();
    }

    /** Moves a job between two lists the way OptaPlanner's own list change move does. */
    private static void move(InnerScoreDirector<Schedule, ?> director, Shift from, int fromIndex, Shift to, int toIndex) {
        director.beforeListVariableChanged(from, JOBS, fromIndex, fromIndex + 1);
        Job job = from.getJobs().remove(fromIndex);
        director.afterListVariableChanged(from, JOBS, fromIndex, fromIndex);
        director.beforeListVariableChanged(to, JOBS, toIndex, toIndex);
        to.getJobs().add(toIndex, job);
        director.afterListVariableChanged(to, JOBS, toIndex, toIndex + 1);
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
