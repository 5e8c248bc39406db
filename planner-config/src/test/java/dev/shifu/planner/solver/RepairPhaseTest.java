package dev.shifu.planner.solver;

import static dev.shifu.planner.PlanChecks.SCORING;
import static dev.shifu.planner.PlanChecks.hardImpacts;
import static dev.shifu.planner.PlanChecks.pinned;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.AcceptorType;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;

import dev.shifu.planner.RandomDay;
import dev.shifu.planner.TinyCity;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.ScheduleConstraints;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.travel.HaversineTravelTime;

/**
 * The hill-climbing repair (the solver's second phase) started from a plan a dispatcher made infeasible
 * in one rule: it keeps the pinned jobs where and when they are, never breaks a hard constraint that the
 * plan satisfied, and repairs the broken one. Step and move limits only, no wall clock. Run twice: the
 * repair phase alone (the configuration's first two phases) and the whole configuration.
 */
class RepairPhaseTest {

    private static final SolverSettings SETTINGS = SolverSettings.ofSteps(1_000, 10_000, 3).withUnimprovedStepLimit(200);

    @Test
    void repairOfAnOverlongRouteKeepsPinsAndEverySatisfiedRule() {
        // S1's dispatcher squeezed five hours of work into a four-hour shift after its started job.
        Schedule schedule = day(builder -> {
            for (int k = 1; k <= 5; k++) {
                builder.initialAssignment("S1", new Job("FORCED" + k, new Location("FORCED" + k, 30.25 + 0.002 * k,
                        120.11), 3600).withSkills(Set.of("ac")));
            }
        });

        checkRepair(schedule, ScheduleConstraints.BACK_AT_BASE);
    }

    @Test
    void repairOfAJobForcedIntoAFullVanKeepsPinsAndEverySatisfiedRule() {
        // S3's van holds three jobs; a dispatcher moved a fourth onto it.
        Schedule schedule = day(builder -> {
            for (int k = 1; k <= 4; k++) {
                builder.initialAssignment("S3", new Job("VAN" + k, new Location("VAN" + k, 30.28, 120.15 + 0.002 * k),
                        1800).withSkills(Set.of("ac")).withDemand(1));
            }
        });

        checkRepair(schedule, ScheduleConstraints.VEHICLE_CAPACITY);
    }

    @Test
    void repairOfRandomInfeasibleDaysNeverBreaksASatisfiedRuleNorMovesPinnedJobs() {
        // Random days whose first plan keeps some of their random (infeasible) initial routes.
        int repaired = 0;
        int infeasible = 0;
        for (long day = 1; day <= 30; day++) {
            long seed = day;
            Schedule schedule = RandomDay.of(seed);
            GreedyInsertion.planUnplacedJobs(schedule);
            if (SCORING.update(schedule).isFeasible()) {
                continue;
            }
            infeasible++;
            for (SolverConfig config : List.of(repairOnly(SETTINGS), ScheduleSolverConfig.create(SETTINGS))) {
                Schedule best = solve(schedule, config);
                Map<String, Long> before = hardImpacts(schedule);
                Map<String, Long> after = hardImpacts(best);
                assertThat(pinned(best)).as("seed %d: pinned jobs", seed).isEqualTo(pinned(schedule));
                after.forEach((name, impact) -> assertThat(impact).as("seed %d: %s (before: %s)", seed, name, before)
                        .isGreaterThanOrEqualTo(before.getOrDefault(name, 0L)));
                repaired += after.isEmpty() ? 1 : 0;
            }
        }
        assertThat(infeasible).as("random days whose first plan breaks a rule").isGreaterThanOrEqualTo(5);
        // Two solves per day (repair alone, whole configuration): most end with every rule holding.
        assertThat(repaired).as("solves that repaired the day").isGreaterThanOrEqualTo(infeasible);
    }

    /** The tiny day with pinned jobs on S1 (a short shift, 8-12) and S2, S3's van capped at three jobs. */
    private static Schedule day(java.util.function.Consumer<ScheduleBuilder> forced) {
        ScheduleBuilder builder = new ScheduleBuilder("repair", HaversineTravelTime.cityDefault())
                .shift(new Shift("S1", new Location("S1-base", 30.25, 120.10), TinyCity.DAY, TinyCity.at(8),
                        TinyCity.at(12)).withInstallers(List.of("I-S1")).withProvider("P1").withSkills(Set.of("ac")))
                .shift(TinyCity.shift("S2", 30.30, 120.20, Set.of("ac")))
                .shift(TinyCity.shift("S3", 30.28, 120.15, Set.of("ac", "gas")).withCapacity(3))
                .shift(TinyCity.shift("S4", 30.27, 120.13, Set.of("ac")))
                .pinnedJob("S1", TinyCity.job("STARTED1", 30.251, 120.101, 8))
                .pinnedJob("S2", TinyCity.job("STARTED2", 30.30, 120.19, 8));
        forced.accept(builder);
        double[][] points = {{30.26, 120.11}, {30.31, 120.19}, {30.29, 120.21}, {30.27, 120.16}};
        int[] windows = {9, 10, 13, 11};
        for (int i = 0; i < points.length; i++) {
            builder.job(TinyCity.job("J" + (i + 1), points[i][0], points[i][1], windows[i]));
        }
        Schedule schedule = builder.build();
        GreedyInsertion.planUnplacedJobs(schedule);
        return schedule;
    }

    private static void checkRepair(Schedule schedule, String broken) {
        Map<String, Long> before = hardImpacts(schedule);
        assertThat(before).as("the first plan breaks exactly one rule").containsOnlyKeys(broken);
        assertThat(schedule.getUnassignedJobs()).isEmpty();
        Map<String, List<String>> pinnedBefore = pinned(schedule);
        assertThat(pinnedBefore.values()).filteredOn(p -> !p.isEmpty()).hasSize(2);

        for (SolverConfig config : List.of(repairOnly(SETTINGS), ScheduleSolverConfig.create(SETTINGS))) {
            Schedule best = solve(schedule, config);

            assertThat(pinned(best)).as("pinned jobs, their order and start times").isEqualTo(pinnedBefore);
            assertThat(hardImpacts(best)).as("every hard rule holds, the broken one repaired").isEmpty();
            assertThat(best.getUnassignedJobs()).as("no job parked to get there").isEmpty();
        }
    }

    private static Schedule solve(Schedule schedule, SolverConfig config) {
        return SolverFactory.<Schedule>create(config).buildSolver().solve(schedule);
    }

    /** The configuration's construction heuristic and hill-climbing repair, without the late acceptance after them. */
    static SolverConfig repairOnly(SolverSettings settings) {
        SolverConfig config = ScheduleSolverConfig.create(settings);
        List<PhaseConfig> phases = config.getPhaseConfigList();
        LocalSearchPhaseConfig repair = (LocalSearchPhaseConfig) phases.get(1);
        assertThat(repair.getAcceptorConfig().getAcceptorTypeList()).containsExactly(AcceptorType.HILL_CLIMBING);
        return config.withPhases(phases.get(0), repair);
    }
}
