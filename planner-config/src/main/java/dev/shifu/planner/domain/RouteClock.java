package dev.shifu.planner.domain;

/**
 * The one place that says how time runs along a route: arrival = previous departure + travel,
 * service start = max(arrival, window start), departure = start + service. A time the installer
 * reported ({@link Job#getActualArrival()}, start, end) replaces the computed one, so the jobs after
 * it follow the real day: a late arrival pushes them later, an early finish brings them forward. The shadow-variable
 * listener, the pinned prefix, route loading and the greedy first plan all walk routes with it.
 * <p>
 * A small mutable cursor (not a record per visit) so the solver's hot path allocates nothing per job.
 */
public final class RouteClock {

    private Location location;
    private long time;
    private long arrival;
    private long start;

    private RouteClock(Location location, long departure) {
        this.location = location;
        this.time = departure;
    }

    /** A cursor leaving {@code location} at {@code departure}. */
    public static RouteClock leaving(Location location, long departure) {
        return new RouteClock(location, departure);
    }

    /** Drives to the job and serves it. */
    public RouteClock visit(Job job) {
        return visit(job, job.getActualArrival() != null ? 0 : location.travelSecondsTo(job.getLocation()));
    }

    /**
     * Drives to the job in {@code travelSeconds} (a leg the caller knows, e.g. from a travel model for a place the
     * plan's travel table does not hold) and serves it.
     */
    public RouteClock visit(Job job, long travelSeconds) {
        arrival = job.getActualArrival() != null ? job.getActualArrival() : time + travelSeconds;
        if (job.getActualStart() != null) {
            start = job.getActualStart();
        } else {
            start = job.getWindowStart() == null ? arrival : Math.max(arrival, job.getWindowStart());
        }
        location = job.getLocation();
        time = job.getActualEnd() != null ? job.getActualEnd() : start + job.getServiceSeconds();
        return this;
    }

    /** Arrival at the job last visited. */
    public long arrival() {
        return arrival;
    }

    /** Service start at the job last visited. */
    public long start() {
        return start;
    }

    /** Departure from where the cursor stands. */
    public long departure() {
        return time;
    }

    public Location location() {
        return location;
    }

    /** When the crew is back at its base, driving home from where the cursor stands. */
    public long backAt(Location base) {
        return time + location.travelSecondsTo(base);
    }
}
