package dev.shifu.planner.solver;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.Schedule;

/**
 * The nearest jobs of each job by travel time, computed the first time a job needs them.
 * <p>
 * Why not OptaPlanner's nearby selection: 10.1 builds its nearby matrix eagerly for every job at the
 * start of each phase (an insertion sort over every destination per job, per selector), and a live
 * solver restarts its phases on every problem change. On a 2 000-job day that held the next change
 * back by about a second on a free core and by ten seconds on a loaded one. Computing a job's
 * neighbours when a move first asks costs about 0.3 ms.
 */
final class NearbyJobs {

    static final int SIZE = 40;
    private static final Job[] NONE = new Job[0];

    private final List<Job> jobs;
    private final int size;
    private final Map<Job, Job[]> computed = new IdentityHashMap<>();

    private NearbyJobs(List<Job> jobs) {
        this.jobs = jobs;
        this.size = jobs.size();
    }

    /** The cache for the schedule's planning values: a new working solution (or a new job) starts a new one. */
    static NearbyJobs of(Schedule schedule, NearbyJobs current) {
        List<Job> jobs = schedule.getJobs();
        return current != null && current.jobs == jobs && current.size == jobs.size() ? current : new NearbyJobs(jobs);
    }

    /** Up to {@link #SIZE} other jobs, nearest first. */
    Job[] of(Job job) {
        Job[] nearest = computed.get(job);
        if (nearest == null) {
            nearest = compute(job);
            computed.put(job, nearest);
        }
        return nearest;
    }

    /** A neighbour drawn with a parabolic bias to the nearest (as OptaPlanner's parabolic nearby distribution), or null. */
    Job draw(Job job, java.util.Random random) {
        Job[] nearest = of(job);
        if (nearest.length == 0) {
            return null;
        }
        int index = (int) (nearest.length * (1 - Math.sqrt(1 - random.nextDouble())));
        return nearest[Math.min(index, nearest.length - 1)];
    }

    private Job[] compute(Job job) {
        int n = jobs.size();
        if (n <= 1) {
            return NONE;
        }
        Location from = job.getLocation();
        long[] keys = new long[n];
        // Travel seconds in the high bits, the index in the low 21: one primitive sort.
        for (int j = 0; j < n; j++) {
            Job other = jobs.get(j);
            keys[j] = (other == job ? Long.MAX_VALUE >> 21 : from.travelSecondsTo(other.getLocation())) << 21 | j;
        }
        Arrays.sort(keys);
        Job[] nearest = new Job[Math.min(SIZE, n - 1)];
        for (int m = 0; m < nearest.length; m++) {
            nearest[m] = jobs.get((int) (keys[m] & ((1 << 21) - 1)));
        }
        return nearest;
    }
}
