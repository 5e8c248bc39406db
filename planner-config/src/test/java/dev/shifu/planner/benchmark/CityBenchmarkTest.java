package dev.shifu.planner.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;

import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.solver.GreedyInsertion;
import dev.shifu.planner.solver.ScheduleBuilder;
import dev.shifu.planner.solver.ScheduleSolverConfig;
import dev.shifu.planner.solver.SolverSettings;
import dev.shifu.planner.travel.HaversineTravelTime;

/** The city benchmark's travel lower bound is one: no plan that serves every job drives less. */
class CityBenchmarkTest {

    @Test
    void travelLowerBoundIsAtMostTheTravelOfTheGreedyAndTheSolvedPlanOfASmallDay() {
        CityGenerator.City city = CityGenerator.generate(300, 30, 1);
        Schedule schedule = new ScheduleBuilder("small-city", HaversineTravelTime.cityDefault())
                .shifts(city.shifts()).jobs(city.jobs()).build();
        long bound = CityBenchmark.travelLowerBound(schedule);

        GreedyInsertion.planUnplacedJobs(schedule);
        // Every job on a route, or the bound (which counts a leg into every job) would not apply.
        assertThat(schedule.getUnassignedJobs()).isEmpty();
        long greedy = schedule.getTotalTravelSeconds();
        Schedule solved = SolverFactory.<Schedule>create(ScheduleSolverConfig.create(
                SolverSettings.ofSteps(500, 5_000, 1))).buildSolver().solve(schedule);
        assertThat(solved.getUnassignedJobs()).isEmpty();

        assertThat(bound).as("a leg into each job").isPositive();
        assertThat(bound).as("greedy travel").isLessThanOrEqualTo(greedy);
        assertThat(bound).as("solved travel").isLessThanOrEqualTo(solved.getTotalTravelSeconds());
    }
}
