package dev.shifu.planner.solver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

import dev.shifu.planner.domain.AssignmentRule;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.ProviderCapacity;
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

    private static final double AVERAGE_REMOVED = 10;
    private static final int MAX_STRING = 10;
    private static final double BLINK = 0.01;
    private static final int BUCKET_JOBS = 2;
    /** Share of ruins that empty a whole route, when vehicles cost (hierarchical objective). */
    private static final double ROUTE_REMOVAL = 0.2;
    /** Share of route removals that search on until the route's jobs fit elsewhere ({@code eliminate}). */
    private static final double ELIMINATION = 0.5;
    private static final int ELIMINATION_ROUNDS = 100;
    /** Share of recreates that start a new route with their first job, when vehicles cost nothing. */
    private static final double NEW_ROUTE = 0.02;


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
        NearbyJobs near = neighbours(schedule);
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

    /** Neighbours of the current working solution (a live solver restarts with a new one on every change). */
    private synchronized NearbyJobs neighbours(Schedule schedule) {
        cached = NearbyJobs.of(schedule, cached);
        return cached;
    }

    private NearbyJobs cached;

    /**
     * Places waiting jobs inside a problem change by ruin and recreate centred on each of them: the
     * routes around the job give up a few strings of jobs, and all are reinserted (the same move the
     * local search uses). A move is kept only when the hard score is no worse and it takes jobs out of
     * the bucket without parking any job that was on a route (so a change never un-places an earlier
     * job); otherwise it is undone. Where plain insertion finds no gap on a full day, this makes one by
     * moving the neighbouring jobs, so the change itself places jobs that local search would find only
     * later. Pinned prefixes are outside the list variable and never move. Bounded by {@code attempts}
     * moves, not by time, so a fixed seed gives the same result.
     *
     * @return how many of the given jobs left the bucket
     */
    public static int placeAround(InnerScoreDirector<Schedule, HardMediumSoftLongScore> director, Schedule working,
            Collection<Job> jobs, Random random, int attempts) {
        Shift bucket = working.getUnassignedBucket();
        List<Job> ours = new ArrayList<>(jobs);
        NearbyJobs near = NearbyJobs.of(working, null);
        HardMediumSoftLongScore score = director.calculateScore();
        int start = waitingOf(ours, bucket);
        int waiting = start;
        for (int attempt = 0; attempt < attempts && waiting > 0; attempt++) {
            List<Job> left = ours.stream().filter(j -> j.getShift() == bucket).toList();
            Job centre = left.get(attempt % left.size());
            RoutesMove move = new Plan(working, near, random, centre).build();
            if (!move.isMoveDoable(director)) {
                continue;
            }
            java.util.Set<Job> parked = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            parked.addAll(bucket.getJobs());
            Move<Schedule> undo = move.doMove(director);
            HardMediumSoftLongScore after = director.calculateScore();
            boolean better = after.hardScore() >= score.hardScore() && bucket.getJobs().size() < parked.size()
                    && parked.containsAll(bucket.getJobs());
            if (better) {
                score = after;
                waiting = waitingOf(ours, bucket);
            } else {
                undo.doMove(director);
                director.calculateScore();
            }
        }
        return start - waiting;
    }

    private static int waitingOf(List<Job> jobs, Shift bucket) {
        int n = 0;
        for (Job job : jobs) {
            n += job.getShift() == bucket ? 1 : 0;
        }
        return n;
    }

    /** One ruin and recreate on copies of the routes it touches. */
    private static final class Plan {
        private final Schedule schedule;
        private final NearbyJobs near;
        private final Random random;
        private final Map<Shift, Route> touched = new LinkedHashMap<>();
        /** Untouched routes looked at so far; they do not change until touched. */
        private final Map<Shift, Route> views = new IdentityHashMap<>();
        private final long openCost;
        /** The route emptied by a route-removal ruin: refilled only with jobs that fit nowhere else. */
        private Shift emptied;
        /** Jobs of each provider capacity's service type per day, as the move leaves them (empty without capacities). */
        private final Map<List<Object>, Integer> capacityUsed = new java.util.HashMap<>();

        /** A waiting job every ruin is centred on (placing it inside a problem change), or null. */
        private final Job focus;

        Plan(Schedule schedule, NearbyJobs near, Random random) {
            this(schedule, near, random, null);
        }

        Plan(Schedule schedule, NearbyJobs near, Random random, Job centre) {
            this.focus = centre;
            this.schedule = schedule;
            this.near = near;
            this.random = random;
            long travelWeight = Math.max(1, schedule.getWeights().getTravelTime().softScore());
            this.openCost = schedule.getWeights().getShiftUsed().softScore() / travelWeight;
            for (ProviderCapacity capacity : schedule.getProviderCapacities()) {
                for (Shift shift : schedule.getRealShifts()) {
                    if (capacity.appliesTo(shift)) {
                        capacityUsed.merge(List.of(capacity, shift.getDate()),
                                shift.countJobsOfServiceType(capacity.serviceType()), Integer::sum);
                    }
                }
            }
        }

        /**
         * A provider's daily capacity spans its shifts, so the route's own rules cannot see it: a job
         * goes onto a shift only while every capacity of that provider, day and service type has room.
         */
        private boolean capacityRoom(Job job, Shift shift) {
            for (ProviderCapacity capacity : schedule.getProviderCapacities()) {
                if (capacity.appliesTo(shift) && capacity.serviceType().equals(job.getServiceType())
                        && capacityUsed.getOrDefault(List.of(capacity, shift.getDate()), 0) >= capacity.maxJobs()) {
                    return false;
                }
            }
            return true;
        }

        private void countCapacity(Job job, Shift shift, int delta) {
            if (shift == null) {
                return;
            }
            for (ProviderCapacity capacity : schedule.getProviderCapacities()) {
                if (capacity.appliesTo(shift) && capacity.serviceType().equals(job.getServiceType())) {
                    capacityUsed.merge(List.of(capacity, shift.getDate()), delta, Integer::sum);
                }
            }
        }

        RoutesMove build() {
            List<Job> removed = ruin();
            // The removed jobs still point at the shifts they came from (the move edits copies).
            removed.forEach(job -> countCapacity(job, job.getShift(), -1));
            recreate(removed);
            List<Shift> shifts = new ArrayList<>(touched.keySet());
            List<List<Job>> routes = new ArrayList<>(shifts.size());
            shifts.forEach(s -> routes.add(List.copyOf(touched.get(s).jobs)));
            return new RoutesMove(shifts, routes, eliminating ? "route-elimination" : opened ? "new-route"
                    : "ruin-recreate");
        }

        /** What the move did beyond a plain ruin and recreate, for its description (and the tests). */
        private boolean eliminating;
        private boolean opened;

        private Route route(Shift shift) {
            return touched.computeIfAbsent(shift, s -> {
                Route view = views.remove(s);
                return view != null ? view : new Route(s);
            });
        }

        private List<Job> ruin() {
            List<Job> planned = new ArrayList<>();
            List<Shift> used = new ArrayList<>();
            for (Shift shift : schedule.getShifts()) {
                if (!shift.isUnassignedBucket() && !shift.getJobs().isEmpty()) {
                    planned.addAll(shift.getJobs());
                    used.add(shift);
                }
            }
            List<Job> removed = new ArrayList<>();
            Shift bucket = schedule.getUnassignedBucket();
            Route waiting = bucket.getJobs().isEmpty() ? null : route(bucket);
            if (focus == null && openCost > 0 && used.size() > 1 && random.nextDouble() < ROUTE_REMOVAL) {
                // Fewest vehicles first: empty a short route (the shorter of two drawn) and try to fit
                // its jobs elsewhere; where they do not fit they go back to it, so it at least shrinks.
                Shift first = used.get(random.nextInt(used.size()));
                Shift second = used.get(random.nextInt(used.size()));
                Shift chosen = first.getJobs().size() <= second.getJobs().size() ? first : second;
                Route route = route(chosen);
                removed.addAll(route.jobs);
                route.jobs.clear();
                route.refresh();
                emptied = chosen;
                if (random.nextDouble() < ELIMINATION) {
                    // Half of these search on before the move is offered: SISR's fleet minimisation.
                    removed = eliminate(removed, planned.size(), used.size());
                }
            } else if (!planned.isEmpty() || waiting != null) {
                double averageRoute = used.isEmpty() ? 1 : (double) planned.size() / used.size();
                double maxString = Math.min(MAX_STRING, averageRoute);
                double maxStrings = 4 * AVERAGE_REMOVED / (1 + maxString) - 1;
                int strings = 1 + (int) (random.nextDouble() * maxStrings);
                // Half of the time (when jobs wait) the ruin is centred on a waiting job, so the routes
                // around it make room for it: on a full day a random centre rarely lands near one.
                Job seed;
                if (waiting != null && (focus != null || planned.isEmpty() || random.nextBoolean())) {
                    seed = focus != null && waiting.jobs.remove(focus) ? focus
                            : waiting.jobs.remove(random.nextInt(waiting.jobs.size()));
                    removed.add(seed);
                } else {
                    seed = planned.get(random.nextInt(planned.size()));
                }
                if (seed == focus && strings > 1) {
                    // Inside a change: the shifts that may take the job can be far from its neighbours
                    // (a provider's last crew with the skill), so also open a gap at its time in one of them.
                    strings -= openGap(seed, maxString, removed) ? 1 : 0;
                }
                removeStrings(seed, strings, maxString, removed, false);
            }
            // A focused ruin (inside a change) takes no other waiting job: the change reports only its own jobs.
            if (waiting != null && focus == null) {
                for (int k = 0; k < BUCKET_JOBS && !waiting.jobs.isEmpty(); k++) {
                    removed.add(waiting.jobs.remove(random.nextInt(waiting.jobs.size())));
                }
            }
            return removed;
        }

        /**
         * Strings of consecutive jobs from the routes of the seed and its nearest neighbours, one string
         * per route. In a plain ruin the routes are the working solution's; while eliminating a route
         * (see {@link #eliminate}) jobs may already sit on other copies, so they are looked up there.
         */
        private void removeStrings(Job seed, int strings, double maxString, List<Job> removed, boolean copies) {
            Job[] around = near.of(seed);
            java.util.Set<Shift> ruined = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (int n = -1; n < around.length && strings > 0; n++) {
                Job job = n < 0 ? seed : around[n];
                Shift shift = copies ? locate(job) : job.getShift();
                if (shift == null || shift.isUnassignedBucket() || shift == emptied
                        || (copies ? ruined.contains(shift) : touched.containsKey(shift))) {
                    continue;
                }
                Route route = route(shift);
                int at = route.jobs.indexOf(job);
                if (at < 0) {
                    continue;
                }
                ruined.add(shift);
                int longest = (int) Math.min(route.jobs.size(), maxString);
                int length = 1 + random.nextInt(Math.max(1, longest));
                int from = Math.max(0, Math.min(at - random.nextInt(length), route.jobs.size() - length));
                List<Job> string = route.jobs.subList(from, from + length);
                if (copies) {
                    string.forEach(j -> countCapacity(j, shift, -1));
                }
                removed.addAll(string);
                string.clear();
                route.refresh();
                strings--;
            }
        }

        /**
         * Removes a string from the route of a random shift whose rules allow the job, around the first
         * job that starts at or after the job's window opens; false when no such shift has a route.
         */
        private boolean openGap(Job job, double maxString, List<Job> removed) {
            List<Shift> able = new ArrayList<>();
            for (Shift shift : schedule.getRealShifts()) {
                if (!shift.getJobs().isEmpty() && !touched.containsKey(shift) && AssignmentRule.allHold(job, shift)) {
                    able.add(shift);
                }
            }
            if (able.isEmpty()) {
                return false;
            }
            Shift shift = able.get(random.nextInt(able.size()));
            Route route = route(shift);
            long opens = job.getWindowStart() == null ? Long.MIN_VALUE : job.getWindowStart();
            int at = 0;
            while (at < route.jobs.size() - 1 && route.jobs.get(at).getStartTime() < opens) {
                at++;
            }
            int length = 1 + random.nextInt(Math.max(1, (int) Math.min(route.jobs.size(), maxString)));
            int from = Math.max(0, Math.min(at - random.nextInt(length), route.jobs.size() - length));
            List<Job> string = route.jobs.subList(from, from + length);
            removed.addAll(string);
            string.clear();
            route.refresh();
            return true;
        }

        /** The shift whose route (a copy once touched) holds the job now, or null when it is out of every route. */
        private Shift locate(Job job) {
            Shift original = job.getShift();
            if (original != null && !touched.containsKey(original)) {
                return original;
            }
            for (Route route : touched.values()) {
                if (route.jobs.contains(job)) {
                    return route.shift;
                }
            }
            return null;
        }

        /**
         * SISR's fleet minimisation on the copies, before the move is offered: the emptied route's jobs
         * are absent, and each round ruins the routes around the absent job that was absent most often
         * and reinserts (no new route, not the emptied one). A round is kept when fewer jobs are absent,
         * or as many with a lower sum of absence counts; otherwise the copies go back. Whatever is still
         * absent at the end returns to the caller's recreate, which may put it back on the emptied route.
         * The capacities and the shifts' rules are checked as in every recreate; the score decides.
         */
        private List<Job> eliminate(List<Job> absent, int plannedCount, int usedCount) {
            eliminating = true;
            Map<Job, Integer> counts = new IdentityHashMap<>();
            double maxString = Math.min(MAX_STRING, (double) plannedCount / usedCount);
            double maxStrings = 4 * AVERAGE_REMOVED / (1 + maxString) - 1;
            // The removed jobs still point at the emptied shift: take them off its provider's count once.
            absent.forEach(job -> countCapacity(job, job.getShift(), -1));
            closed = true;
            List<Shift> all = schedule.getRealShifts();
            for (int round = 0; round < ELIMINATION_ROUNDS && !absent.isEmpty(); round++) {
                Job target = absent.get(0);
                for (Job job : absent) {
                    if (counts.getOrDefault(job, 0) > counts.getOrDefault(target, 0)) {
                        target = job;
                    }
                }
                Map<Shift, List<Job>> saved = new LinkedHashMap<>();
                touched.forEach((shift, route) -> saved.put(shift, List.copyOf(route.jobs)));
                Map<List<Object>, Integer> savedCapacity = new java.util.HashMap<>(capacityUsed);
                List<Job> removed = new ArrayList<>();
                removed.add(target);
                removeStrings(target, 1 + (int) (random.nextDouble() * maxStrings), maxString, removed, true);
                List<Job> next = new ArrayList<>(absent);
                next.remove(target);
                order(removed);
                for (Job job : removed) {
                    Choice choice = choose(job, all);
                    if (choice.route == null) {
                        next.add(job);
                    } else {
                        insert(job, choice);
                    }
                }
                if (next.size() < absent.size() || next.size() == absent.size()
                        && absence(next, counts) < absence(absent, counts)) {
                    absent = next;
                } else {
                    touched.keySet().removeIf(shift -> !saved.containsKey(shift));
                    saved.forEach((shift, jobs) -> {
                        Route route = touched.get(shift);
                        route.jobs.clear();
                        route.jobs.addAll(jobs);
                        route.refresh();
                    });
                    capacityUsed.clear();
                    capacityUsed.putAll(savedCapacity);
                }
                absent.forEach(job -> counts.merge(job, 1, Integer::sum));
            }
            closed = false;
            // The caller takes them off their original shift's count again (build), and its recreate
            // counts them on where it puts them.
            absent.forEach(job -> countCapacity(job, job.getShift(), 1));
            return absent;
        }

        private static long absence(List<Job> jobs, Map<Job, Integer> counts) {
            long sum = 0;
            for (Job job : jobs) {
                sum += counts.getOrDefault(job, 0);
            }
            return sum;
        }

        /** While eliminating a route: no new route and not the emptied one. */
        private boolean closed;

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

        /** The cheapest and the second-cheapest route (on another shift) for one job, with blinks. */
        private final class Choice {
            Route route;
            int index = -1;
            long cost = Long.MAX_VALUE;
            long second = Long.MAX_VALUE;

            void offer(Route candidate, int at, long value) {
                if (value < cost) {
                    if (route != candidate) {
                        second = cost;
                    }
                    route = candidate;
                    index = at;
                    cost = value;
                } else if (candidate != route && value < second) {
                    second = value;
                }
            }

            long regret() {
                return second == Long.MAX_VALUE ? Long.MAX_VALUE : second - cost;
            }
        }

        private Choice choose(Job job, List<Shift> all) {
            Choice choice = new Choice();
            // Nearest routes first: those of the job's neighbours and the ones already touched,
            // then every shift when none of them fits; a route emptied for fewer vehicles only as the last resort.
            List<Shift> candidates = new ArrayList<>(touched.keySet());
            for (Job other : near.of(job)) {
                Shift shift = other.getShift();
                if (shift != null && !touched.containsKey(shift) && !candidates.contains(shift)) {
                    candidates.add(shift);
                }
            }
            Shift empty = closed ? null : nearestEmpty(all, job);
            if (empty != null && !candidates.contains(empty)) {
                candidates.add(empty);
            }
            for (int pass = 0; pass < 3 && choice.route == null; pass++) {
                List<Shift> shifts = pass == 0 ? candidates : pass == 1 ? all
                        : emptied == null || closed ? List.<Shift>of() : List.of(emptied);
                for (Shift shift : shifts) {
                    if (shift.isUnassignedBucket() || (pass == 1 && candidates.contains(shift))
                            || (pass < 2 && shift == emptied) || !AssignmentRule.allHold(job, shift)
                            || !capacityRoom(job, shift)) {
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
                        if (cost != Long.MAX_VALUE) {
                            choice.offer(route, index, cost + open);
                        }
                    }
                }
            }
            return choice;
        }

        private void insert(Job job, Choice choice) {
            if (choice.route == null) {
                route(schedule.getUnassignedBucket()).jobs.add(job);
            } else {
                Route route = choice.route;
                views.remove(route.shift);
                touched.putIfAbsent(route.shift, route);
                route.jobs.add(choice.index, job);
                route.refresh();
                countCapacity(job, route.shift, 1);
            }
        }

        /** One of the recreate's greedy orders, drawn: random, tightest window first, farthest or nearest first. */
        private void order(List<Job> removed) {
            Location middle = removed.get(0).getLocation();
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> java.util.Collections.shuffle(removed, random);
                case 4, 5, 6, 7 -> removed.sort(Comparator.comparingLong(
                        (Job j) -> j.getWindowEnd() == null ? Long.MAX_VALUE : j.getWindowEnd()));
                case 8 -> removed.sort(Comparator.comparingLong(
                        (Job j) -> middle.travelSecondsTo(j.getLocation())).reversed());
                default -> removed.sort(Comparator.comparingLong((Job j) -> middle.travelSecondsTo(j.getLocation())));
            }
        }

        private void recreate(List<Job> removed) {
            Location centre = removed.isEmpty() ? null : removed.get(0).getLocation();
            List<Shift> all = schedule.getRealShifts();
            int order = random.nextInt(13);
            if (order >= 11) {
                // Regret-2: the job that would lose most by waiting (second-best minus best route) goes first.
                List<Job> left = new ArrayList<>(removed);
                while (!left.isEmpty()) {
                    int pick = -1;
                    Choice picked = null;
                    for (int k = 0; k < left.size(); k++) {
                        Choice choice = choose(left.get(k), all);
                        if (picked == null || (choice.route == null ? picked.route != null
                                : picked.route != null && choice.regret() > picked.regret())) {
                            // A job that fits nowhere is parked first: it changes no route.
                            pick = k;
                            picked = choice;
                        }
                    }
                    insert(left.remove(pick), picked);
                }
                return;
            }
            switch (order) {
                case 0, 1, 2, 3 -> java.util.Collections.shuffle(removed, random);
                case 4, 5, 6, 7 -> removed.sort(Comparator.comparingLong(
                        (Job j) -> j.getWindowEnd() == null ? Long.MAX_VALUE : j.getWindowEnd()));
                case 8, 9 -> removed.sort(Comparator.comparingLong(
                        (Job j) -> centre.travelSecondsTo(j.getLocation())).reversed());
                default -> removed.sort(Comparator.comparingLong((Job j) -> centre.travelSecondsTo(j.getLocation())));
            }
            if (openCost == 0 && !removed.isEmpty() && random.nextDouble() < NEW_ROUTE) {
                openRoute(removed.remove(0), all);
            }
            for (Job job : removed) {
                insert(job, choose(job, all));
            }
        }

        /**
         * Starts a new route with the job, on the nearest unused shift that may take it (when vehicles are
         * free): the greedy recreate alone never opens one while a route can still take each job, so a plan
         * with one route fewer than the best stays there (rc203, 4 routes where the best known has 5).
         */
        private void openRoute(Job job, List<Shift> all) {
            Shift empty = nearestEmpty(all, job);
            if (empty != null && capacityRoom(job, empty)) {
                Route route = route(empty);
                if (route.load + job.getDemand() <= empty.getCapacity()
                        && route.insertionCost(job, 0) != Long.MAX_VALUE) {
                    Choice choice = new Choice();
                    choice.offer(route, 0, 0);
                    insert(job, choice);
                    opened = true;
                    return;
                }
            }
            insert(job, choose(job, all));
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
