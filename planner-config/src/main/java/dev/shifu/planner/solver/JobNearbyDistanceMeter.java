package dev.shifu.planner.solver;

import org.optaplanner.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Shift;

/**
 * Nearby selection for the list variable: a job is moved next to jobs (or to the head of shifts)
 * that are close by road. The unassigned bucket is at distance 0, so parking a job there, or taking
 * it out again, is always among the candidates.
 */
public class JobNearbyDistanceMeter implements NearbyDistanceMeter<Job, Object> {

    @Override
    public double getNearbyDistance(Job origin, Object destination) {
        if (destination instanceof Job job) {
            return origin.getLocation().travelSecondsTo(job.getLocation());
        }
        Shift shift = (Shift) destination;
        if (shift.isUnassignedBucket()) {
            return 0.0;
        }
        return shift.getRouteStartLocation().travelSecondsTo(origin.getLocation());
    }
}
