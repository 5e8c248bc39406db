package dev.shifu.planner.solver;

import java.time.Duration;
import java.util.List;

import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.AcceptorType;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;

/**
 * The solver configuration, in Java so settings are typed. Phases: OptaPlanner's construction
 * heuristic for list variables (places jobs that are in no route yet; for large problems run
 * {@link GreedyInsertion} first), a hill-climbing repair that ends as soon as the plan is feasible, and
 * late acceptance over ruin and recreate ({@link RuinRecreateMoveFactory}, SISR-style string removal
 * with greedy or regret-2 reinsertion and blinks, and route removal when vehicles cost) mixed with list
 * moves with nearby selection ({@link NearbyListMoveFactory}: relocate a job, swap two jobs, relocate a
 * sub-route of up to 8 jobs, reversed too).
 */
public final class ScheduleSolverConfig {

    /** Draw weight of the ruin-and-recreate move against 1 for each list move (3 and 30 were worse on r101/rc201). */
    private static final double RUIN_RECREATE_WEIGHT = 10.0;
    /** Relocate, swap and sub-list change, 1 each. */
    private static final double LIST_MOVES_WEIGHT = 3.0;
    private static final Duration REPAIR_UNIMPROVED = Duration.ofSeconds(2);

    private ScheduleSolverConfig() {
    }

    public static SolverConfig create(SolverSettings settings) {
        TerminationConfig termination = new TerminationConfig();
        if (settings.timeLimit() != null) {
            termination.setSpentLimit(settings.timeLimit());
        }
        if (settings.unimprovedTimeLimit() != null) {
            termination.setUnimprovedSpentLimit(settings.unimprovedTimeLimit());
        }
        if (settings.moveLimit() != null) {
            // Checked between moves too, so it also ends a step that finds no acceptable move.
            termination.setScoreCalculationCountLimit(settings.moveLimit());
        }
        // OptaPlanner counts steps per phase only, so step limits end the local search phase.
        TerminationConfig localSearchTermination = new TerminationConfig();
        if (settings.stepLimit() != null) {
            localSearchTermination.setStepCountLimit(settings.stepLimit());
        }
        if (settings.unimprovedStepLimit() != null) {
            localSearchTermination.setUnimprovedStepCountLimit(settings.unimprovedStepLimit());
        }
        LocalSearchPhaseConfig localSearch = new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(moves())
                .withAcceptorConfig(new LocalSearchAcceptorConfig()
                        .withLateAcceptanceSize(settings.lateAcceptanceSize()))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))
                .withTerminationConfig(localSearchTermination);
        return new SolverConfig()
                .withSolutionClass(Schedule.class)
                .withEntityClasses(Shift.class, Job.class)
                .withScoreDirectorFactory(scoreDirector())
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(settings.seed())
                .withDaemon(settings.daemon())
                .withTerminationConfig(termination)
                .withPhases(new ConstructionHeuristicPhaseConfig(), repair(settings), localSearch);
    }

    /** Only the model and the score: what {@link GreedyInsertion} needs to judge an insertion. */
    static SolverConfig scoring() {
        return new SolverConfig()
                .withSolutionClass(Schedule.class)
                .withEntityClasses(Shift.class, Job.class)
                .withScoreDirectorFactory(scoreDirector());
    }

    // Bavet: several times faster than the Drools-based default of OptaPlanner 10.1.
    private static ScoreDirectorFactoryConfig scoreDirector() {
        return new ScoreDirectorFactoryConfig()
                .withConstraintProviderClass(ScheduleConstraintProvider.class)
                .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);
    }

    /**
     * Hill climbing until every hard constraint holds. It ends at once on a feasible solution; it
     * matters after a problem change left the plan infeasible (a dispatcher forced a job into a full
     * route): late acceptance started there would accept any move that keeps the hard score above the
     * bad starting point, and park hundreds of jobs while drifting. Without improvement it gives up
     * after 2 s, or, when the settings count steps, after their unimproved (else total) step limit.
     */
    private static LocalSearchPhaseConfig repair(SolverSettings settings) {
        TerminationConfig termination = new TerminationConfig().withBestScoreFeasible(true);
        if (settings.timeLimit() != null) {
            termination.setUnimprovedSpentLimit(REPAIR_UNIMPROVED);
        } else {
            termination.setUnimprovedStepCountLimit(settings.unimprovedStepLimit() != null
                    ? settings.unimprovedStepLimit() : settings.stepLimit());
        }
        // The same moves as the local search: ruin and recreate takes jobs off an overfull route and puts
        // them where they fit, which plain random list moves rarely find on a 2 000-job day.
        return new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(moves())
                .withAcceptorConfig(new LocalSearchAcceptorConfig()
                        .withAcceptorTypeList(List.of(AcceptorType.HILL_CLIMBING)))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))
                .withTerminationConfig(termination);
    }

    /**
     * Ruin and recreate does most of the work (10 of 13 draws); the nearby list moves (relocate, swap,
     * sub-list change) polish in between. Both are our own move factories: OptaPlanner 10.1's nearby
     * selection builds its whole matrix at every phase start, which held live changes back (see
     * {@link NearbyJobs}). Sub-route swaps and k-opt were tried too: on the long routes of r201/rc201
     * they cost more evaluation time than they gained within 30 s.
     */
    private static MoveSelectorConfig moves() {
        return new UnionMoveSelectorConfig(List.of(
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(NearbyListMoveFactory.class)
                        .withFixedProbabilityWeight(LIST_MOVES_WEIGHT),
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(RuinRecreateMoveFactory.class)
                        .withFixedProbabilityWeight(RUIN_RECREATE_WEIGHT)));
    }
}
