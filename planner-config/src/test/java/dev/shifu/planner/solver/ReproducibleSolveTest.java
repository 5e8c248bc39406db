package dev.shifu.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;

import dev.shifu.planner.RandomDay;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.ScheduleConstraints;

/**
 * A fixed seed gives the same plan twice: the first plan, ruin and recreate (regret and route removal
 * included) and the nearby list moves draw only from the solver's seeded random. Step and move limits,
 * not the wall clock, so the amount of search is the same however busy the machine is.
 */
class ReproducibleSolveTest {

    @Test
    void sameSeedGivesTheSameRoutesAndScoreTwice() {
        for (boolean vehicleCost : List.of(false, true)) {
            Result first = solve(5, 11, vehicleCost);
            Result second = solve(5, 11, vehicleCost);

            assertThat(second.routes()).as("routes, vehicle cost %s", vehicleCost).isEqualTo(first.routes());
            assertThat(second.score()).as("score, vehicle cost %s", vehicleCost).isEqualTo(first.score());
            // The search did move: the seed decides something.
            assertThat(solve(5, 12, vehicleCost).routes()).as("another seed, vehicle cost %s", vehicleCost)
                    .isNotEqualTo(first.routes());
        }
    }

    private record Result(Map<String, List<String>> routes, HardMediumSoftLongScore score) {
    }

    private static Result solve(long day, long seed, boolean vehicleCost) {
        Schedule schedule = RandomDay.of(day);
        if (vehicleCost) {
            schedule.setWeights(schedule.getWeights().with(ScheduleConstraints.SHIFT_USED,
                    HardMediumSoftLongScore.ofSoft(20_000)));
        }
        GreedyInsertion.planUnplacedJobs(schedule);
        Schedule best = SolverFactory.<Schedule>create(ScheduleSolverConfig.create(
                SolverSettings.ofSteps(1_000, 10_000, seed))).buildSolver().solve(schedule);
        Map<String, List<String>> routes = new LinkedHashMap<>();
        best.getShifts().forEach(s -> routes.put(s.getId(), s.getJobs().stream().map(Job::getId).toList()));
        return new Result(routes, best.getScore());
    }
}
