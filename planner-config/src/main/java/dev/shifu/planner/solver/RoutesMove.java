package dev.shifu.planner.solver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;

/**
 * Replaces the planned part of some routes (the unassigned bucket included) with new job lists in
 * one move: what a ruin-and-recreate step produces. Pinned prefixes are not part of
 * {@link Shift#getJobs()}, so they never change. The score director sees ordinary list-variable
 * events for each whole route, so every constraint judges the result, and the undo move restores
 * the old lists.
 */
public final class RoutesMove implements Move<Schedule> {

    private static final String JOBS = "jobs";

    private final List<Shift> shifts;
    private final List<List<Job>> routes;
    private final String kind;

    RoutesMove(List<Shift> shifts, List<List<Job>> routes) {
        this(shifts, routes, "ruin-recreate");
    }

    RoutesMove(List<Shift> shifts, List<List<Job>> routes, String kind) {
        this.shifts = shifts;
        this.routes = routes;
        this.kind = kind;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<Schedule> scoreDirector) {
        for (int i = 0; i < shifts.size(); i++) {
            if (!shifts.get(i).getJobs().equals(routes.get(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Move<Schedule> doMove(ScoreDirector<Schedule> scoreDirector) {
        List<List<Job>> old = new ArrayList<>(shifts.size());
        for (Shift shift : shifts) {
            old.add(List.copyOf(shift.getJobs()));
            scoreDirector.beforeListVariableChanged(shift, JOBS, 0, shift.getJobs().size());
        }
        for (int i = 0; i < shifts.size(); i++) {
            List<Job> jobs = shifts.get(i).getJobs();
            jobs.clear();
            jobs.addAll(routes.get(i));
        }
        for (Shift shift : shifts) {
            scoreDirector.afterListVariableChanged(shift, JOBS, 0, shift.getJobs().size());
        }
        scoreDirector.triggerVariableListeners();
        return new RoutesMove(shifts, old, kind);
    }

    @Override
    public Move<Schedule> rebase(ScoreDirector<Schedule> destination) {
        List<Shift> rebasedShifts = new ArrayList<>(shifts.size());
        List<List<Job>> rebasedRoutes = new ArrayList<>(routes.size());
        for (int i = 0; i < shifts.size(); i++) {
            rebasedShifts.add(destination.lookUpWorkingObject(shifts.get(i)));
            rebasedRoutes.add(routes.get(i).stream().map(destination::lookUpWorkingObject).toList());
        }
        return new RoutesMove(rebasedShifts, rebasedRoutes, kind);
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "RoutesMove(" + kind + ")";
    }

    @Override
    public List<Shift> getPlanningEntities() {
        return shifts;
    }

    @Override
    public Set<Job> getPlanningValues() {
        Set<Job> values = new LinkedHashSet<>();
        routes.forEach(values::addAll);
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoutesMove move && shifts.equals(move.shifts) && routes.equals(move.routes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shifts, routes);
    }

    @Override
    public String toString() {
        return "RoutesMove" + shifts;
    }
}
