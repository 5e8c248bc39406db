package dev.shifu.planner.change;

import java.util.List;
import java.util.function.Consumer;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.solver.GreedyInsertion;
import dev.shifu.planner.solver.GreedyInsertion.Placement;

/**
 * A new (e.g. urgent) job arrives while the solver runs. The change places it at once by greedy
 * insertion through the solver's score director: right after the change the job is on the cheapest
 * route position that keeps every hard constraint the plan satisfied, or, where there is none, in
 * the unassigned bucket with the blocking constraint reported. Local search then keeps improving.
 * Its location is added to the travel table first.
 *
 * @param job a new job instance, not part of any schedule yet
 * @param onPlaced told where the job went (on the solver thread; keep it quick)
 */
public record AddJobChange(Job job, Consumer<Placement> onPlaced) implements ProblemChange<Schedule> {

    public AddJobChange(Job job) {
        this(job, placement -> {
        });
    }

    @Override
    public void doChange(Schedule working, ProblemChangeDirector director) {
        if (working.findJob(job.getId()).isPresent()) {
            throw new IllegalArgumentException("Job " + job.getId() + " is already in the schedule");
        }
        working.getTravelTable().register(job.getLocation());
        RouteEdits.clearShadows(job);
        director.addEntity(job, working.getJobs()::add);
        RouteEdits.park(working, director, List.of(job));
        RouteEdits.placeParked(working, director, List.of(job)).forEach(onPlaced);
    }
}
