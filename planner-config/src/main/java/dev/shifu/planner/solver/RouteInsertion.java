package dev.shifu.planner.solver;

import java.util.List;

import dev.shifu.planner.domain.AssignmentRule;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.RouteClock;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.travel.TravelTime;

/**
 * The greedy insertion's position check, one copy for the solver's {@link GreedyInsertion} and for whoever asks
 * "would this job fit on that route?" without a solver (the consumer's windows): a job fits at a position when it
 * starts within its window ({@link Job#lateIfStartingAt}), no later stop is pushed out of its window, and, if the
 * crew then comes home later, it is home by shift end ({@link Shift#overtimeIfBackAt}). A later stop whose start
 * does not move keeps the rest of the route as it was (its lateness and overtime too), as in a walk of the route
 * that stops where the times meet again.
 * <p>
 * The route is timed once with {@link RouteClock}, forwards, and backwards each stop gets the latest start that
 * keeps the rest of the route as the rule allows; each position is then checked in constant time. Travel comes from
 * the plan's travel table ({@link #of(Shift)}), or from a travel model for places the plan does not know yet
 * ({@link #of(Shift, List, TravelTime)}). The rules of the shift itself ({@link AssignmentRule}, capacity) are
 * {@link #admits}; {@link #takes} asks both.
 */
public final class RouteInsertion {

    /** What {@link #cost} gives when the job or a later stop would start after its window. */
    public static final long LATE = -1;

    /** What {@link #cost} gives when the crew would come home after the shift ends. */
    public static final long OVERTIME = -2;

    private final Shift shift;
    private final List<Job> route;
    private final TravelTime travel;
    private final long[] start;
    private final long[] departure;
    /** leg[i]: travel into stop i from the stop before it (or the route start); leg[n]: home from the last. */
    private final long[] leg;
    /** Latest start of stop i that keeps every later stop in its window (or unmoved). */
    private final long[] latestOnTime;
    /** Latest start of stop i that also keeps the crew home by shift end (or the way home unmoved). */
    private final long[] latest;

    /** Travel from each point where the job could be inserted, and on to what follows it. */
    public record Legs(long[] to, long[] from) {
    }

    private RouteInsertion(Shift shift, List<Job> route, TravelTime travel) {
        this.shift = shift;
        this.route = route;
        this.travel = travel;
        int n = route.size();
        start = new long[n];
        departure = new long[n];
        leg = new long[n + 1];
        latestOnTime = new long[n];
        latest = new long[n];
        RouteClock clock = RouteClock.leaving(shift.getRouteStartLocation(), shift.getRouteStartTime());
        for (int i = 0; i < n; i++) {
            Job job = route.get(i);
            leg[i] = seconds(clock.location(), job.getLocation());
            clock.visit(job, leg[i]);
            start[i] = clock.start();
            departure[i] = clock.departure();
        }
        leg[n] = seconds(clock.location(), shift.getBase());
        long nextOnTime = Long.MAX_VALUE;
        long next = Long.MAX_VALUE;
        for (int i = n - 1; i >= 0; i--) {
            Job job = route.get(i);
            long service = departure[i] - start[i];
            long windowEnd = job.getWindowEnd() == null ? Long.MAX_VALUE : job.getWindowEnd();
            long onTime = i == n - 1 ? windowEnd : Math.min(windowEnd, nextOnTime - leg[i + 1] - service);
            long home = i == n - 1 ? shift.getEndTime() - leg[n] - service : next - leg[i + 1] - service;
            // A start that does not move leaves the rest as it is: never below the stop's own start.
            latestOnTime[i] = Math.max(start[i], onTime);
            latest[i] = Math.max(start[i], Math.min(onTime, home));
            nextOnTime = latestOnTime[i];
            next = latest[i];
        }
    }

    /** The shift's planned route as the solver has it (shadow variables up to date), with the plan's travel table. */
    public static RouteInsertion of(Shift shift) {
        return new RouteInsertion(shift, shift.getJobs(), null);
    }

    /**
     * Another route on the shift's day (the plan's route with jobs left out or added), its travel from the model:
     * for places the plan's travel table does not hold.
     */
    public static RouteInsertion of(Shift shift, List<Job> route, TravelTime travel) {
        return new RouteInsertion(shift, List.copyOf(route), travel);
    }

    public Shift shift() {
        return shift;
    }

    public List<Job> route() {
        return route;
    }

    /** Travel for {@link #cost(int, Job, Legs)}: index i is the position before route stop i, size() the end. */
    public Legs legs(Location job) {
        int n = route.size();
        long[] to = new long[n + 1];
        long[] from = new long[n + 1];
        for (int i = 0; i <= n; i++) {
            to[i] = seconds(i == 0 ? shift.getRouteStartLocation() : route.get(i - 1).getLocation(), job);
            from[i] = seconds(job, i < n ? route.get(i).getLocation() : shift.getBase());
        }
        return new Legs(to, from);
    }

    /** Extra driving of inserting the job at the index, or {@link #LATE} / {@link #OVERTIME}. */
    public long cost(int index, Job job) {
        return cost(index, job, legs(job.getLocation()));
    }

    /** As {@link #cost(int, Job)}, with the travel to and from the job computed once ({@link #legs}). */
    public long cost(int index, Job job, Legs legs) {
        int n = route.size();
        RouteClock clock = index == 0
                ? RouteClock.leaving(shift.getRouteStartLocation(), shift.getRouteStartTime())
                : RouteClock.leaving(route.get(index - 1).getLocation(), departure[index - 1]);
        if (job.lateIfStartingAt(clock.visit(job, legs.to()[index]).start()) > 0) {
            return LATE;
        }
        if (index < n) {
            long nextStart = clock.visit(route.get(index), legs.from()[index]).start();
            if (nextStart > latestOnTime[index]) {
                return LATE;
            }
            if (nextStart > latest[index]) {
                return OVERTIME;
            }
        } else if (shift.overtimeIfBackAt(clock.departure() + legs.from()[n]) > 0) {
            return OVERTIME;
        }
        return legs.to()[index] + legs.from()[index] - leg[index];
    }

    /**
     * Whether the rules of the shift let it take the job at all, wherever in the route: every {@link AssignmentRule}
     * (skills, crew, a booking's installer rating, provider, goods, leave, certificates) and the van's capacity with the
     * route's load (stops beyond the planned route load it as well).
     */
    public boolean admits(Job job) {
        int load = 0;
        for (Job stop : route) {
            load += stop.getDemand();
        }
        for (Job planned : shift.getJobs()) {
            load -= planned.getDemand();
        }
        return AssignmentRule.allHold(job, shift) && shift.capacityExcessWith(job.getDemand() + Math.max(0, load)) <= 0;
    }

    /** Whether the shift may take the job ({@link #admits}) and it fits at some position of the route. */
    public boolean takes(Job job) {
        return admits(job) && fits(job, legs(job.getLocation()));
    }

    /** The first position where the job fits, or -1. */
    public int firstFit(Job job) {
        Legs legs = legs(job.getLocation());
        for (int index = 0; index <= route.size(); index++) {
            if (cost(index, job, legs) >= 0) {
                return index;
            }
        }
        return -1;
    }

    /** Whether the job fits at some position. */
    public boolean fits(Job job, Legs legs) {
        for (int index = 0; index <= route.size(); index++) {
            if (cost(index, job, legs) >= 0) {
                return true;
            }
        }
        return false;
    }

    private long seconds(Location from, Location to) {
        return travel == null ? from.travelSecondsTo(to) : travel.seconds(from, to);
    }
}
