package dev.shifu.planner.domain;

import java.util.List;
import java.util.Objects;

import org.optaplanner.core.api.domain.variable.ListVariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Keeps {@link Job#getArrivalTime()} and {@link Job#getStartTime()} in step with the route order,
 * timed by {@link RouteClock}. Only the part of the
 * route from the first changed index is recomputed, and it stops early once times stop changing
 * beyond the changed range.
 */
public class ArrivalTimeListener implements ListVariableListener<Schedule, Shift, Job> {

    private static final String ARRIVAL = "arrivalTime";
    private static final String START = "startTime";

    @Override
    public void beforeEntityAdded(ScoreDirector<Schedule> scoreDirector, Shift shift) {
    }

    @Override
    public void afterEntityAdded(ScoreDirector<Schedule> scoreDirector, Shift shift) {
        update(scoreDirector, shift, 0, shift.getJobs().size());
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<Schedule> scoreDirector, Shift shift) {
    }

    @Override
    public void afterEntityRemoved(ScoreDirector<Schedule> scoreDirector, Shift shift) {
        for (Job job : shift.getJobs()) {
            set(scoreDirector, job, null, null);
        }
    }

    @Override
    public void afterListVariableElementUnassigned(ScoreDirector<Schedule> scoreDirector, Job job) {
        set(scoreDirector, job, null, null);
    }

    @Override
    public void beforeListVariableChanged(ScoreDirector<Schedule> scoreDirector, Shift shift, int fromIndex,
            int toIndex) {
    }

    @Override
    public void afterListVariableChanged(ScoreDirector<Schedule> scoreDirector, Shift shift, int fromIndex,
            int toIndex) {
        update(scoreDirector, shift, fromIndex, toIndex);
    }

    private void update(ScoreDirector<Schedule> scoreDirector, Shift shift, int fromIndex, int toIndex) {
        List<Job> jobs = shift.getJobs();
        if (shift.isUnassignedBucket()) {
            // Jobs in the bucket have no times; only the ones just added need clearing.
            for (int i = fromIndex; i < Math.min(toIndex, jobs.size()); i++) {
                set(scoreDirector, jobs.get(i), null, null);
            }
            return;
        }
        RouteClock clock = fromIndex == 0
                ? RouteClock.leaving(shift.getRouteStartLocation(), shift.getRouteStartTime())
                : RouteClock.leaving(jobs.get(fromIndex - 1).getLocation(), jobs.get(fromIndex - 1).getDepartureTime());
        for (int i = fromIndex; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            clock.visit(job);
            long arrival = clock.arrival();
            long start = clock.start();
            if (i >= toIndex && Objects.equals(job.getStartTime(), start)) {
                if (!Objects.equals(job.getArrivalTime(), arrival)) {
                    set(scoreDirector, job, arrival, start);
                }
                break; // departure unchanged, so is everything after it
            }
            set(scoreDirector, job, arrival, start);
        }
    }

    private static void set(ScoreDirector<Schedule> scoreDirector, Job job, Long arrival, Long start) {
        if (!Objects.equals(job.getArrivalTime(), arrival)) {
            scoreDirector.beforeVariableChanged(job, ARRIVAL);
            job.setArrivalTime(arrival);
            scoreDirector.afterVariableChanged(job, ARRIVAL);
        }
        if (!Objects.equals(job.getStartTime(), start)) {
            scoreDirector.beforeVariableChanged(job, START);
            job.setStartTime(start);
            scoreDirector.afterVariableChanged(job, START);
        }
    }
}
