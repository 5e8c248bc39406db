package dev.shifu.planner.change;

import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;

/**
 * The customer cancelled: the job leaves the schedule, wherever it was (planned, pinned, unassigned).
 *
 * @param jobId id of the cancelled job
 */
public record CancelJobChange(String jobId) implements ProblemChange<Schedule> {

    @Override
    public void doChange(Schedule working, ProblemChangeDirector director) {
        Job job = RouteEdits.requireJob(working, jobId);
        RouteEdits.detach(working, director, job);
        RouteEdits.removeJob(working, director, job);
    }
}
