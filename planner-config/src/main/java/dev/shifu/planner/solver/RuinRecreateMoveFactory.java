package dev.shifu.planner.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

import dev.shifu.planner.domain.AssignmentRule;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.RouteClock;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;

/**
 * Ruin and recreate after Christiaens and Vanden Berghe's SISR ("slack induction by string removals"),
 * as one local-search move: remove a few strings of consecutive jobs from routes near a random seed
 * job, then put the removed jobs (and a few waiting in the unassigned bucket) back one by one at their
 * cheapest position, skipping each position with a small "blink" probability. Which order the removed
 * jobs are reinserted in is drawn too (random, tightest window first, farthest or nearest first).
 * <p>
 * The recreate step only proposes: positions are checked with the shift's own rules
 * ({@link AssignmentRule}), the van and the time slack of each route (timed by {@link RouteClock},
 * {@code Job#lateIfStartingAt}, {@code Shift#overtimeIfBackAt}),
 * and the whole result is one {@link RoutesMove} that the real constraints score; the local search's
 * acceptor decides. Pinned prefixes are never touched. One configuration for every size: the number
 * of removed jobs follows SISR's defaults (about 10 on average, strings of at most 10).
 */
public final class RuinRecreateMoveFactory implements MoveIteratorFactory<Schedule, RoutesMove> {

    private static final int NEIGHBOURS = 40;
    private static final double AVERAGE_REMOVED = 10;
    private static final int MAX_STRING = 10;
    private static final double BLINK = 0.01;
    private static final int BUCKET_JOBS = 2;


    @Override
    public long getSize(ScoreDirector<Schedule> scoreDirector) {
        return scoreDirector.getWorkingSolution().getJobs().size();
    }

    @Override
    public Iterator<RoutesMove> createOriginalMoveIterator(ScoreDirector<Schedule> scoreDirector) {
        throw new UnsupportedOperationException("Ruin and recreate is random only (selectionOrder RANDOM)");
    }

    @Override
    public Iterator<RoutesMove> createRandomMoveIterator(ScoreDirector<Schedule> scoreDirector, Random random) {
        Schedule schedule = scoreDirector.getWorkingSolution();
        Map<Job, Job[]> near = neighbours(schedule);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public RoutesMove next() {
                return new Plan(schedule, near, random).build();
            }
        };
    }

    /**
     * Nearest jobs of each job by travel time, computed the first time a job needs them (a live
     * solver restarts on every problem change with a fresh working solution: computing all of them
     * up front would hold back the next change for seconds).
     */
    private synchronized Map<Job, Job[]> neighbours(Schedule schedule) {
        Neighbours current = cached;
        if (current == null || current.jobs != schedule.getJobs() || current.size != schedule.getJobs().size()) {
            current = new Neighbours(schedule);
            cached = current;
        }
        return current;
    }

    private Neighbours cached;

    private static final class Neighbours extends java.util.AbstractMap<Job, Job[]> {
        private final List<Job> jobs;
        private final int size;
        private final Map<Job, Job[]> computed = new IdentityHashMap<>();

        Neighbours(Schedule schedule) {
            this.jobs = schedule.getJobs();
            this.size = jobs.size();
        }

        @Override
        public Job[] getOrDefault(Object key, Job[] fallback) {
            Job job = (Job) key;
            Job[] nearest = computed.get(job);
            if (nearest == null) {
                nearest = compute(job);
                computed.put(job, nearest);
            }
            return nearest;
        }

        private Job[] compute(Job job) {
            int n = jobs.size();
            Location from = job.getLocation();
            long[] keys = new long[n];
            // Travel seconds in the high bits, the index in the low 21: one primitive sort.
            for (int j = 0; j < n; j++) {
                Job other = jobs.get(j);
                keys[j] = (other == job ? Long.MAX_VALUE >> 21 : from.travelSecondsTo(other.getLocation())) << 21 | j;
            }
            java.util.Arrays.sort(keys);
            Job[] nearest = new Job[Math.max(0, Math.min(NEIGHBOURS, n - 1))];
            for (int m = 0; m < nearest.length; m++) {
                nearest[m] = jobs.get((int) (keys[m] & ((1 << 21) - 1)));
            }
            return nearest;
        }

        @Override
        public java.util.Set<Entry<Job, Job[]>> entrySet() {
            return computed.entrySet();
        }
    }

    /** One ruin and recreate on copies of the routes it touches. */
    private static final class Plan {
        private final Schedule schedule;
        private final Map<Job, Job[]> near;
        private final Random random;
        private final Map<Shift, Route> touched = new LinkedHashMap<>();
        /** Untouched routes looked at so far; they do not change until touched. */
        private final Map<Shift, Route> views = new IdentityHashMap<>();
        private final long openCost;

        Plan(Schedule schedule, Map<Job, Job[]> near, Random random) {
            this.schedule = schedule;
            this.near = near;
            this.random = random;
            long travelWeight = Math.max(1, schedule.getWeights().getTravelTime().softScore());
            this.openCost = schedule.getWeights().getShiftUsed().softScore() / travelWeight;
        }

        RoutesMove build() {
            List<Job> removed = ruin();
            recreate(removed);
            List<Shift> shifts = new ArrayList<>(touched.keySet());
            List<List<Job>> routes = new ArrayList<>(shifts.size());
            shifts.forEach(s -> routes.add(List.copyOf(touched.get(s).jobs)));
            return new RoutesMove(shifts, routes);
        }

        private Route route(Shift shift) {
            return touched.computeIfAbsent(shift, s -> {
                Route view = views.remove(s);
                return view != null ? view : new Route(s);
            });
        }

        private List<Job> ruin() {
            List<Job> planned = new ArrayList<>();
            int routeCount = 0;
            for (Shift shift : schedule.getShifts()) {
                if (!shift.isUnassignedBucket() && !shift.getJobs().isEmpty()) {
                    planned.addAll(shift.getJobs());
                    routeCount++;
                }
            }
            List<Job> removed = new ArrayList<>();
            if (!planned.isEmpty()) {
                double averageRoute = (double) planned.size() / routeCount;
                double maxString = Math.min(MAX_STRING, averageRoute);
                double maxStrings = 4 * AVERAGE_REMOVED / (1 + maxString) - 1;
                int strings = 1 + (int) (random.nextDouble() * maxStrings);
                Job seed = planned.get(random.nextInt(planned.size()));
                Job[] around = near.getOrDefault(seed, new Job[0]);
                for (int n = -1; n < around.length && strings > 0; n++) {
                    Job job = n < 0 ? seed : around[n];
                    Shift shift = job.getShift();
                    if (shift == null || shift.isUnassignedBucket() || touched.containsKey(shift)) {
                        continue;
                    }
                    Route route = route(shift);
                    int at = route.jobs.indexOf(job);
                    if (at < 0) {
                        continue;
                    }
                    int longest = (int) Math.min(route.jobs.size(), maxString);
                    int length = 1 + random.nextInt(Math.max(1, longest));
                    int from = Math.max(0, Math.min(at - random.nextInt(length), route.jobs.size() - length));
                    List<Job> string = route.jobs.subList(from, from + length);
                    removed.addAll(string);
                    string.clear();
                    route.refresh();
                    strings--;
                }
            }
            Shift bucket = schedule.getUnassignedBucket();
            if (!bucket.getJobs().isEmpty()) {
                Route waiting = route(bucket);
                for (int k = 0; k < BUCKET_JOBS && !waiting.jobs.isEmpty(); k++) {
                    removed.add(waiting.jobs.remove(random.nextInt(waiting.jobs.size())));
                }
            }
            return removed;
        }

        /** The unused shift that could take the job with its base nearest to it, so new routes are tried too. */
        private Shift nearestEmpty(List<Shift> all, Job job) {
            Shift best = null;
            long bestSeconds = Long.MAX_VALUE;
            for (Shift shift : all) {
                if (shift.getJobs().isEmpty() && shift.getPinnedJobs().isEmpty() && !touched.containsKey(shift)
                        && AssignmentRule.allHold(job, shift)) {
                    long seconds = shift.getBase().travelSecondsTo(job.getLocation());
                    if (seconds < bestSeconds) {
                        bestSeconds = seconds;
                        best = shift;
                    }
                }
            }
            return best;
        }

        private void recreate(List<Job> removed) {
            Location centre = removed.isEmpty() ? null : removed.get(0).getLocation();
            switch (random.nextInt(11)) {
                case 0, 1, 2, 3 -> java.util.Collections.shuffle(removed, random);
                case 4, 5, 6, 7 -> removed.sort(Comparator.comparingLong(
                        (Job j) -> j.getWindowEnd() == null ? Long.MAX_VALUE : j.getWindowEnd()));
                case 8, 9 -> removed.sort(Comparator.comparingLong(
                        (Job j) -> centre.travelSecondsTo(j.getLocation())).reversed());
                default -> removed.sort(Comparator.comparingLong((Job j) -> centre.travelSecondsTo(j.getLocation())));
            }
            List<Shift> all = schedule.getRealShifts();
            for (Job job : removed) {
                Route bestRoute = null;
                int bestIndex = -1;
                long bestCost = Long.MAX_VALUE;
                // Nearest routes first: those of the job's neighbours and the ones already touched,
                // then every shift when none of them fits.
                List<Shift> candidates = new ArrayList<>(touched.keySet());
                for (Job other : near.getOrDefault(job, new Job[0])) {
                    Shift shift = other.getShift();
                    if (shift != null && !touched.containsKey(shift) && !candidates.contains(shift)) {
                        candidates.add(shift);
                    }
                }
                Shift empty = nearestEmpty(all, job);
                if (empty != null && !candidates.contains(empty)) {
                    candidates.add(empty);
                }
                for (int pass = 0; pass < 2 && bestRoute == null; pass++) {
                    for (Shift shift : pass == 0 ? candidates : all) {
                        if (shift.isUnassignedBucket() || (pass == 1 && candidates.contains(shift))
                                || !AssignmentRule.allHold(job, shift)) {
                            continue;
                        }
                        Route route = touched.containsKey(shift) ? touched.get(shift)
                                : views.computeIfAbsent(shift, Route::new);
                        if (route.load + job.getDemand() > shift.getCapacity()) {
                            continue;
                        }
                        long open = route.jobs.isEmpty() && shift.getPinnedJobs().isEmpty() ? openCost : 0;
                        for (int index = 0; index <= route.jobs.size(); index++) {
                            if (random.nextDouble() < BLINK) {
                                continue;
                            }
                            long cost = route.insertionCost(job, index);
                            if (cost != Long.MAX_VALUE && cost + open < bestCost) {
                                bestCost = cost + open;
                                bestRoute = route;
                                bestIndex = index;
                            }
                        }
                    }
                }
                if (bestRoute == null) {
                    route(schedule.getUnassignedBucket()).jobs.add(job);
                } else {
                    views.remove(bestRoute.shift);
                    touched.putIfAbsent(bestRoute.shift, bestRoute);
                    bestRoute.jobs.add(bestIndex, job);
                    bestRoute.refresh();
                }
            }
        }
    }

    /**
     * A route's planned jobs with their departures and latest feasible starts, so a candidate
     * position is checked in constant time.
     */
    private static final class Route {
        private final Shift shift;
        private final List<Job> jobs;
        private final int baseLoad;
        private long[] departure = new long[0];
        private long[] latest = new long[0];
        private int load;

        Route(Shift shift) {
            this.shift = shift;
            this.jobs = new ArrayList<>(shift.getJobs());
            int planned = 0;
            for (Job job : jobs) {
                planned += job.getDemand();
            }
            this.baseLoad = shift.getTotalDemand() - planned;
            if (!shift.isUnassignedBucket()) {
                refresh();
            }
        }

        void refresh() {
            if (shift.isUnassignedBucket()) {
                return;
            }
            int n = jobs.size();
            departure = new long[n];
            latest = new long[n];
            load = baseLoad;
            RouteClock clock = RouteClock.leaving(shift.getRouteStartLocation(), shift.getRouteStartTime());
            for (int i = 0; i < n; i++) {
                Job job = jobs.get(i);
                departure[i] = clock.visit(job).departure();
                load += job.getDemand();
            }
            long next = shift.getEndTime();
            Location nextAt = shift.getBase();
            for (int i = n - 1; i >= 0; i--) {
                Job job = jobs.get(i);
                long bySuffix = next - job.getLocation().travelSecondsTo(nextAt) - job.getServiceSeconds();
                latest[i] = job.getWindowEnd() == null ? bySuffix : Math.min(job.getWindowEnd(), bySuffix);
                next = latest[i];
                nextAt = job.getLocation();
            }
        }

        /** Extra driving of serving the job at the index, or MAX_VALUE when a window or the shift end breaks. */
        long insertionCost(Job job, int index) {
            Location previous = index == 0 ? shift.getRouteStartLocation() : jobs.get(index - 1).getLocation();
            long leave = index == 0 ? shift.getRouteStartTime() : departure[index - 1];
            RouteClock clock = RouteClock.leaving(previous, leave).visit(job);
            if (job.lateIfStartingAt(clock.start()) > 0) {
                return Long.MAX_VALUE;
            }
            Location following;
            if (index < jobs.size()) {
                Job next = jobs.get(index);
                following = next.getLocation();
                if (clock.visit(next).start() > latest[index]) {
                    return Long.MAX_VALUE;
                }
            } else {
                following = shift.getBase();
                if (shift.overtimeIfBackAt(clock.backAt(following)) > 0) {
                    return Long.MAX_VALUE;
                }
            }
            return previous.travelSecondsTo(job.getLocation()) + job.getLocation().travelSecondsTo(following)
                    - previous.travelSecondsTo(following);
        }
    }
}
