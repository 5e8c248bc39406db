package dev.shifu.planner.change;

import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;

/**
 * A dispatcher drags a job to another shift (or another position on the same one). Without
 * {@code pin} the solver may still improve on the dispatcher's choice; with {@code pin} the job, and
 * the jobs before it on the target shift, are locked there.
 *
 * @param jobId the job to move (planned, pinned or unassigned)
 * @param targetShiftId the shift to move it to
 * @param position index among the target shift's planned (not pinned) jobs; clamped to the route length
 * @param pin lock the job at its new place
 */
public record MoveJobChange(String jobId, String targetShiftId, int position, boolean pin)
        implements ProblemChange<Schedule> {

    @Override
    public void doChange(Schedule working, ProblemChangeDirector director) {
        Job job = RouteEdits.requireJob(working, jobId);
        Shift target = RouteEdits.requireShift(working, targetShiftId);
        RouteEdits.detach(working, director, job);
        RouteEdits.editRoute(director, target,
                s -> s.getJobs().add(Math.max(0, Math.min(position, s.getJobs().size())), job));
        if (pin) {
            RouteEdits.pinUpTo(working, director, job);
        }
    }
}
