package dev.shifu.planner.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;

/**
 * A fast first plan before the solver starts: each job not yet in a route (tightest window first,
 * then highest priority) goes to the cheapest position that keeps every hard constraint satisfied,
 * or to the unassigned bucket. Cost = extra driving, plus the shift-used weight when it opens an
 * empty shift.
 * <p>
 * Why: OptaPlanner 10.1's construction heuristic for list variables tries every position of every
 * route for each job and cannot use nearby selection (its nearby iterator fails while values are
 * still unassigned), which takes minutes for 2 000 jobs. The hard checks here mirror the hard
 * constraints; anything they miss is still penalized and repaired by local search.
 */
public final class GreedyInsertion {

    private GreedyInsertion() {
    }

    /** Places every job of {@link Schedule#getJobs()} that is in no route; returns how many went to a real shift. */
    public static int planUnplacedJobs(Schedule schedule) {
        Set<Job> placed = new HashSet<>();
        for (Shift shift : schedule.getShifts()) {
            placed.addAll(shift.getJobs());
        }
        List<Job> todo = new ArrayList<>(schedule.getJobs().stream().filter(j -> !placed.contains(j)).toList());
        todo.sort(Comparator.comparingLong((Job j) -> j.getWindowEnd() == null ? Long.MAX_VALUE : j.getWindowEnd())
                .thenComparing(Comparator.comparingInt(Job::getPriorityWeight).reversed()));
        long travelWeight = Math.max(1, schedule.getWeights().getTravelTime().softScore());
        long openCost = schedule.getWeights().getShiftUsed().softScore() / travelWeight;
        List<Shift> shifts = schedule.getRealShifts();
        shifts.forEach(Shift::updateRouteShadows);
        Shift bucket = schedule.getUnassignedBucket();
        int planned = 0;
        for (Job job : todo) {
            Shift bestShift = null;
            int bestIndex = -1;
            long bestCost = Long.MAX_VALUE;
            for (Shift shift : shifts) {
                if (!canServe(shift, job) || shift.getTotalDemand() + job.getDemand() > shift.getCapacity()) {
                    continue;
                }
                List<Job> route = shift.getJobs();
                for (int index = 0; index <= route.size(); index++) {
                    long cost = insertionCost(shift, route, index, job);
                    if (cost < Long.MAX_VALUE) {
                        cost += route.isEmpty() && shift.getPinnedJobs().isEmpty() ? openCost : 0;
                        if (cost < bestCost) {
                            bestCost = cost;
                            bestShift = shift;
                            bestIndex = index;
                        }
                    }
                }
            }
            if (bestShift == null) {
                bucket.getJobs().add(job);
            } else {
                bestShift.getJobs().add(bestIndex, job);
                bestShift.updateRouteShadows();
                planned++;
            }
        }
        bucket.updateRouteShadows();
        return planned;
    }

    /** The checks that do not depend on the position in the route. */
    static boolean canServe(Shift shift, Job job) {
        return !shift.isOnLeave()
                && shift.hasAllSkills(job.getRequiredSkills())
                && shift.getCrewSize() >= job.getCrewSize()
                && (job.getAcceptedProviderId() == null || job.getAcceptedProviderId().equals(shift.getProviderId()))
                && shift.countInvalidCertificates(job.getRequiredCertificates()) == 0
                && (job.getGoodsArrivalDate() == null || !shift.getDate().isBefore(job.getGoodsArrivalDate()));
    }

    /** Extra driving of inserting the job at the index, or MAX_VALUE if a window or the shift end breaks. */
    private static long insertionCost(Shift shift, List<Job> route, int index, Job job) {
        Location previous = index == 0 ? shift.getRouteStartLocation() : route.get(index - 1).getLocation();
        long time = index == 0 ? shift.getRouteStartTime() : route.get(index - 1).getDepartureTime();
        long start = startAt(time + previous.travelSecondsTo(job.getLocation()), job);
        if (start < 0) {
            return Long.MAX_VALUE;
        }
        time = start + job.getServiceSeconds();
        Location location = job.getLocation();
        boolean unchangedTail = false;
        for (int k = index; k < route.size(); k++) {
            Job next = route.get(k);
            long nextStart = startAt(time + location.travelSecondsTo(next.getLocation()), next);
            if (nextStart < 0) {
                return Long.MAX_VALUE;
            }
            if (nextStart == next.getStartTime()) {
                unchangedTail = true; // the rest of the route keeps its (feasible) times
                break;
            }
            time = nextStart + next.getServiceSeconds();
            location = next.getLocation();
        }
        if (!unchangedTail && time + location.travelSecondsTo(shift.getBase()) > shift.getEndTime()) {
            return Long.MAX_VALUE;
        }
        Location following = index < route.size() ? route.get(index).getLocation() : shift.getBase();
        return previous.travelSecondsTo(job.getLocation()) + job.getLocation().travelSecondsTo(following)
                - previous.travelSecondsTo(following);
    }

    /** Service start for an arrival, or -1 when the window has closed. */
    private static long startAt(long arrival, Job job) {
        if (job.getWindowStart() == null) {
            return arrival;
        }
        long start = Math.max(arrival, job.getWindowStart());
        return start > job.getWindowEnd() ? -1 : start;
    }
}
