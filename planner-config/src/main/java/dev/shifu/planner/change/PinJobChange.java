package dev.shifu.planner.change;

import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

import dev.shifu.planner.domain.Schedule;

/**
 * A dispatcher locks a job where it is now (or the installer started it). The job and every job
 * before it on the same shift become the shift's fixed prefix and never move again.
 *
 * @param jobId id of a job planned on a real shift
 */
public record PinJobChange(String jobId) implements ProblemChange<Schedule> {

    @Override
    public void doChange(Schedule working, ProblemChangeDirector director) {
        RouteEdits.pinUpTo(working, director, RouteEdits.requireJob(working, jobId));
    }
}
