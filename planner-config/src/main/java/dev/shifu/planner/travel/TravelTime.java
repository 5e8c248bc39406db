package dev.shifu.planner.travel;

import dev.shifu.planner.domain.Location;

/**
 * Travel between two locations. Implementations may be slow (a road-network query); wrap them in
 * a {@link TravelTable} so the solver only ever reads a precomputed matrix.
 */
public interface TravelTime {

    /** Driving time in model time units (seconds for real schedules). */
    long seconds(Location from, Location to);

    /** Driving distance in metres (or, for plane coordinates, in scaled distance units). */
    long meters(Location from, Location to);
}
