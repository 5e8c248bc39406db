package dev.shifu.planner.change;

import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;

/**
 * The installer reported when they really arrived, started or finished (model times; null: not reported). The job
 * keeps its place; its route is re-timed from these facts by {@link dev.shifu.planner.domain.RouteClock}, the pinned
 * head included, so every later job's arrival moves with the real day.
 *
 * @param jobId a job of the schedule (planned, pinned or unassigned)
 */
public record ActualTimesChange(String jobId, Long arrival, Long start, Long end) implements ProblemChange<Schedule> {

    @Override
    public void doChange(Schedule working, ProblemChangeDirector director) {
        Job job = RouteEdits.requireJob(working, jobId);
        Shift shift = job.getShift();
        if (shift == null || shift.isUnassignedBucket()) {
            director.changeProblemProperty(job, j -> j.withActualTimes(arrival, start, end));
            return;
        }
        // The shift leaves and re-enters, so the listener re-times its whole route from the new facts.
        RouteEdits.editRoute(director, shift, s -> {
            job.withActualTimes(arrival, start, end);
            if (s.getPinnedJobs().contains(job)) {
                s.refreshPinnedPrefix();
            }
        });
    }
}
