package dev.shifu.planner.change;

import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;

/**
 * A new (e.g. urgent) job arrives while the solver runs. The job starts unplanned; the solver's
 * construction heuristic inserts it at its best position right after the change, then local search
 * continues. Its location is added to the travel table first.
 *
 * @param job a new job instance, not part of any schedule yet
 */
public record AddJobChange(Job job) implements ProblemChange<Schedule> {

    @Override
    public void doChange(Schedule working, ProblemChangeDirector director) {
        if (working.findJob(job.getId()).isPresent()) {
            throw new IllegalArgumentException("Job " + job.getId() + " is already in the schedule");
        }
        working.getTravelTable().register(job.getLocation());
        RouteEdits.clearShadows(job);
        director.addEntity(job, working.getJobs()::add);
    }
}
