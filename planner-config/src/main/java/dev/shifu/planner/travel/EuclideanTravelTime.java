package dev.shifu.planner.travel;

import dev.shifu.planner.domain.Location;

/**
 * Plane distance for benchmark instances (Solomon): travel time equals distance. The model works in
 * integers, so the distance is multiplied by {@code scale} and rounded UP: a route that is feasible
 * with these times is feasible with the exact real-valued times too.
 *
 * @param scale model time units per unit of distance (e.g. 10 000)
 */
public record EuclideanTravelTime(long scale) implements TravelTime {

    public EuclideanTravelTime {
        if (scale <= 0) {
            throw new IllegalArgumentException("scale must be positive");
        }
    }

    /** Exact real-valued distance, used for reporting and checking. */
    public static double distance(Location from, Location to) {
        return Math.hypot(from.x() - to.x(), from.y() - to.y());
    }

    @Override
    public long seconds(Location from, Location to) {
        return (long) Math.ceil(distance(from, to) * scale);
    }

    @Override
    public long meters(Location from, Location to) {
        return seconds(from, to);
    }
}
