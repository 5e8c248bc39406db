package dev.shifu.planner.solver;

import static dev.shifu.planner.PlanChecks.SCORING;
import static dev.shifu.planner.PlanChecks.hardImpacts;
import static dev.shifu.planner.PlanChecks.pinned;
import static dev.shifu.planner.PlanChecks.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

import dev.shifu.planner.RandomDay;
import dev.shifu.planner.TinyCity;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.ScheduleConstraints;

/**
 * The ruin-and-recreate move (string removal, and route removal when vehicles cost) and the nearby
 * list moves on random days that touch every hard rule: they never move a pinned job, ruin and recreate
 * never breaks a hard rule of a shift that the plan satisfied, every undo restores the plan exactly, and
 * a solve that uses them keeps every hard constraint the first plan satisfied.
 */
class RuinRecreateMoveTest {

    private static final SolverFactory<Schedule> FACTORY = SolverFactory.create(TinyCity.quickConfig());

    @SuppressWarnings("unchecked")
    private static InnerScoreDirector<Schedule, HardMediumSoftLongScore> director(Schedule schedule) {
        InnerScoreDirector<Schedule, HardMediumSoftLongScore> director =
                (InnerScoreDirector<Schedule, HardMediumSoftLongScore>) ((DefaultSolverFactory<Schedule>) FACTORY)
                        .getScoreDirectorFactory().buildScoreDirector(true, false);
        director.setWorkingSolution(schedule);
        director.calculateScore();
        return director;
    }

    @Test
    void movesKeepPinnedJobsAndSatisfiedRulesAndUndoExactly() {
        Map<String, Integer> kinds = new HashMap<>();
        assertThat(checkMoves(RuinRecreateMoveFactory::new, null, true, kinds)).as("moves that change something")
                .isGreaterThan(300);
    }

    @Test
    void openingANewRouteKeepsPinnedJobsAndSatisfiedRulesAndUndoesExactly() {
        // The tiny day with a started job pinned on S2 and three idle shifts farther out: without a vehicle
        // cost some recreates start a route on one of them.
        Map<String, Integer> kinds = new HashMap<>();
        assertThat(checkMoves(RuinRecreateMoveFactory::new, null, true, kinds, seed -> TinyCity.builder()
                .pinnedJob("S2", TinyCity.job("STARTED", 30.30, 120.19, 8))
                .shift(TinyCity.shift("FAR1", 30.36, 120.26, java.util.Set.of("ac")))
                .shift(TinyCity.shift("FAR2", 30.20, 120.04, java.util.Set.of("ac")))
                .shift(TinyCity.shift("FAR3", 30.36, 120.04, java.util.Set.of("ac", "gas"))).build()))
                .as("moves that change something").isGreaterThan(300);
        assertThat(kinds).containsKey("RoutesMove(new-route)");
    }

    @Test
    void routeRemovalUnderAVehicleCostKeepsPinnedJobsAndSatisfiedRulesAndUndoesExactly() {
        // With a cost per used shift one ruin in five empties a whole route (fewest vehicles first), and
        // half of those search on (route elimination) before the move is offered.
        Map<String, Integer> kinds = new HashMap<>();
        assertThat(checkMoves(RuinRecreateMoveFactory::new, HardMediumSoftLongScore.ofSoft(20_000), true, kinds))
                .as("moves that change something").isGreaterThan(300);
        assertThat(kinds).containsKey("RoutesMove(route-elimination)").doesNotContainKey("RoutesMove(new-route)");
    }

    @Test
    void nearbyListMovesKeepPinnedJobsAndUndoExactly() {
        // Plain relocate/swap/sub-list moves may break a window: the acceptor judges them; they never touch pins.
        assertThat(checkMoves(NearbyListMoveFactory::new, null, false, new HashMap<>())).as("moves that change something")
                .isGreaterThan(300);
    }

    @Test
    void nearbyListMovesShowEveryHardRuleTheyBreakInTheirScore() {
        // Nearby moves are blind list moves (as OptaPlanner's own): they may break a rule the plan kept,
        // and the acceptor refuses them by their hard score. So each break must lower the incremental
        // hard score (unless the same move repairs another rule), and every pinned job stays.
        int breaking = 0;
        int clean = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Schedule schedule = RandomDay.of(seed);
            GreedyInsertion.planUnplacedJobs(schedule);
            try (InnerScoreDirector<Schedule, HardMediumSoftLongScore> director = director(schedule)) {
                Iterator<RoutesMove> moves = new NearbyListMoveFactory().createRandomMoveIterator(director,
                        new Random(seed));
                Map<String, List<String>> pinnedBefore = pinned(schedule);
                for (int k = 0; k < 40; k++) {
                    RoutesMove move = moves.next();
                    if (!move.isMoveDoable(director)) {
                        continue;
                    }
                    Map<String, Long> before = hardImpacts(schedule);
                    long hardBefore = director.calculateScore().hardScore();
                    Move<Schedule> undo = move.doMove(director);
                    long hardAfter = director.calculateScore().hardScore();
                    Map<String, Long> after = hardImpacts(schedule);

                    assertThat(pinned(schedule)).as("seed %d: pinned jobs", seed).isEqualTo(pinnedBefore);
                    assertThat(hardAfter).as("seed %d: hard score of %s", seed, after)
                            .isEqualTo(after.values().stream().mapToLong(Long::longValue).sum());
                    boolean broke = after.entrySet().stream()
                            .anyMatch(e -> e.getValue() < before.getOrDefault(e.getKey(), 0L));
                    boolean repaired = before.entrySet().stream()
                            .anyMatch(e -> after.getOrDefault(e.getKey(), 0L) > e.getValue());
                    if (!broke) {
                        clean++;
                        assertThat(hardAfter).as("seed %d: nothing broken", seed).isGreaterThanOrEqualTo(hardBefore);
                        continue; // keep it: the plan moves on
                    }
                    breaking++;
                    if (!repaired) {
                        assertThat(hardAfter).as("seed %d: broke %s", seed, after).isLessThan(hardBefore);
                    }
                    undo.doMove(director);
                    assertThat(director.calculateScore().hardScore()).as("seed %d: undo", seed).isEqualTo(hardBefore);
                }
            }
        }
        assertThat(clean).as("moves that break no rule").isGreaterThan(20);
        assertThat(breaking).as("moves that break a rule (the acceptor's work)").isPositive();
    }

    private static int checkMoves(java.util.function.Supplier<org.optaplanner.core.impl.heuristic.selector.move.factory
            .MoveIteratorFactory<Schedule, RoutesMove>> factory, HardMediumSoftLongScore vehicleCost,
            boolean keepsShiftRules, Map<String, Integer> kinds) {
        return checkMoves(factory, vehicleCost, keepsShiftRules, kinds, RandomDay::of);
    }

    private static int checkMoves(java.util.function.Supplier<org.optaplanner.core.impl.heuristic.selector.move.factory
            .MoveIteratorFactory<Schedule, RoutesMove>> factory, HardMediumSoftLongScore vehicleCost,
            boolean keepsShiftRules, Map<String, Integer> kinds, java.util.function.LongFunction<Schedule> days) {
        int changed = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Schedule schedule = days.apply(seed);
            if (vehicleCost != null) {
                schedule.setWeights(schedule.getWeights().with(ScheduleConstraints.SHIFT_USED, vehicleCost));
            }
            GreedyInsertion.planUnplacedJobs(schedule);
            try (InnerScoreDirector<Schedule, HardMediumSoftLongScore> director = director(schedule)) {
                Iterator<RoutesMove> moves = factory.get().createRandomMoveIterator(director, new Random(seed));
                for (int k = 0; k < 30; k++) {
                    Map<String, Long> before = hardImpacts(schedule);
                    Map<String, List<String>> routesBefore = routes(schedule);
                    Map<String, List<String>> pinnedBefore = pinned(schedule);
                    HardMediumSoftLongScore scoreBefore = director.calculateScore();
                    RoutesMove move = moves.next();
                    if (!move.isMoveDoable(director)) {
                        continue;
                    }
                    Move<Schedule> undo = move.doMove(director);
                    HardMediumSoftLongScore incremental = director.calculateScore();
                    changed++;
                    kinds.merge(move.getSimpleMoveTypeDescription(), 1, Integer::sum);

                    assertThat(pinned(schedule)).as("seed %d: pinned jobs", seed).isEqualTo(pinnedBefore);
                    Map<String, Long> after = hardImpacts(schedule);
                    assertThat(SCORING.update(schedule)).as("seed %d: incremental score", seed).isEqualTo(incremental);
                    for (Map.Entry<String, Long> entry : after.entrySet()) {
                        // Every hard rule, the provider's daily capacity across shifts included.
                        if (keepsShiftRules) {
                            assertThat(entry.getValue()).as("seed %d: %s", seed, entry.getKey())
                                    .isGreaterThanOrEqualTo(before.getOrDefault(entry.getKey(), 0L));
                        }
                    }

                    undo.doMove(director);
                    assertThat(routes(schedule)).as("seed %d: undo", seed).isEqualTo(routesBefore);
                    assertThat(director.calculateScore()).as("seed %d: undo score", seed).isEqualTo(scoreBefore);
                    // Keep the plan moving: apply the move again for good (a list move only if it broke nothing).
                    if (keepsShiftRules || incremental.hardScore() >= scoreBefore.hardScore()) {
                        move.doMove(director);
                    }
                }
            }
        }
        return changed;
    }

    @Test
    void solveWithRuinAndRecreateStaysFeasibleAndKeepsPinnedJobs() {
        int solved = 0;
        for (long seed = 0; seed <= 30 && solved < 3; seed++) {
            // The tiny day with a started job pinned first on S2, then random days whose first plan is feasible.
            Schedule schedule = seed == 0
                    ? TinyCity.builder().pinnedJob("S2", TinyCity.job("STARTED", 30.30, 120.19, 8)).build()
                    : RandomDay.of(seed);
            GreedyInsertion.planUnplacedJobs(schedule);
            if (!SCORING.update(schedule).isFeasible()) {
                continue; // the random day's own first routes break rules: not a plan to keep
            }
            Map<String, List<String>> pinnedBefore = pinned(schedule);

            Schedule best = SolverFactory.<Schedule>create(ScheduleSolverConfig.create(
                    SolverSettings.ofSteps(1_500, 15_000, seed))).buildSolver().solve(schedule);

            assertThat(pinned(best)).as("seed %d: pinned jobs", seed).isEqualTo(pinnedBefore);
            assertThat(SCORING.update(best).hardScore()).as("seed %d: hard score", seed).isZero();
            solved++;
        }
        assertThat(solved).as("feasible days solved").isGreaterThanOrEqualTo(2);
    }

    @Test
    void solveWithOnlyTheNearbyListMovesNeverEndsWithASatisfiedHardRuleBrokenAndKeepsPinnedJobs() {
        // The nearby moves are blind to the rules (see above): in a solve only the acceptor keeps them from
        // breaking one. The real configuration with every local-search phase drawing from them alone.
        int solved = 0;
        int moved = 0;
        int infeasibleStarts = 0;
        for (long day = 0; day <= 30; day++) {
            long seed = day;
            Schedule schedule = seed == 0
                    ? TinyCity.builder().pinnedJob("S2", TinyCity.job("STARTED", 30.30, 120.19, 8)).build()
                    : RandomDay.of(seed);
            GreedyInsertion.planUnplacedJobs(schedule);
            boolean feasible = SCORING.update(schedule).isFeasible();
            infeasibleStarts += feasible ? 0 : 1;
            Map<String, Long> before = hardImpacts(schedule);
            Map<String, List<String>> pinnedBefore = pinned(schedule);
            Map<String, List<String>> routesBefore = routes(schedule);

            Schedule best = SolverFactory.<Schedule>create(nearbyOnly(SolverSettings.ofSteps(1_500, 15_000, seed)))
                    .buildSolver().solve(schedule);

            assertThat(pinned(best)).as("seed %d: pinned jobs and their times", seed).isEqualTo(pinnedBefore);
            Map<String, Long> after = hardImpacts(best);
            after.forEach((name, impact) -> assertThat(impact).as("seed %d: %s (before %s)", seed, name, before)
                    .isGreaterThanOrEqualTo(before.getOrDefault(name, 0L)));
            if (feasible) {
                assertThat(after).as("seed %d: a feasible day stays feasible", seed).isEmpty();
                solved++;
                moved += routes(best).equals(routesBefore) ? 0 : 1;
            }
        }
        assertThat(solved).as("feasible days solved").isGreaterThanOrEqualTo(2);
        assertThat(moved).as("feasible days whose routes the moves changed").isPositive();
        assertThat(infeasibleStarts).as("days the repair phase starts on").isGreaterThanOrEqualTo(5);
    }

    /** The real configuration, with the nearby list moves as the only moves of its repair and late acceptance. */
    private static org.optaplanner.core.config.solver.SolverConfig nearbyOnly(SolverSettings settings) {
        org.optaplanner.core.config.solver.SolverConfig config = ScheduleSolverConfig.create(settings);
        int replaced = 0;
        for (var phase : config.getPhaseConfigList()) {
            if (phase instanceof org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig localSearch) {
                localSearch.setMoveSelectorConfig(new org.optaplanner.core.config.heuristic.selector.move.factory
                        .MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(NearbyListMoveFactory.class));
                replaced++;
            }
        }
        assertThat(replaced).as("repair and late acceptance").isEqualTo(2);
        return config;
    }
}
