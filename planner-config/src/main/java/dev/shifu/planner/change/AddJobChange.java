package dev.shifu.planner.change;

import java.util.List;

import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;

/**
 * A new (e.g. urgent) job arrives while the solver runs. It enters in the unassigned bucket (so the
 * published plan stays complete) and local search moves it to its best place, usually within a
 * fraction of a second. Its location is added to the travel table first.
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
        RouteEdits.park(working, director, List.of(job));
    }
}
