package dev.shifu.planner.solver;

import java.util.List;

import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.heuristic.selector.common.nearby.NearbySelectionConfig;
import org.optaplanner.core.config.heuristic.selector.common.nearby.NearbySelectionDistributionType;
import org.optaplanner.core.config.heuristic.selector.list.DestinationSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.list.SubListSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.SubListChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.SubListSwapMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.list.kopt.KOptListMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.value.ValueSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
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
 * The solver configuration, in Java so settings are typed. Construction heuristic: OptaPlanner's
 * default for list variables (each job, in turn, inserted at its best position). Local search: late
 * acceptance over list moves with nearby selection (relocate, swap, relocate and swap of sub-routes,
 * reversed too) plus 2-opt / 3-opt, as recommended for vehicle routing with time windows.
 */
public final class ScheduleSolverConfig {

    private static final int NEARBY_SIZE = 40;

    private ScheduleSolverConfig() {
    }

    public static SolverConfig create(SolverSettings settings) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(settings.timeLimit());
        if (settings.unimprovedTimeLimit() != null) {
            termination.setUnimprovedSpentLimit(settings.unimprovedTimeLimit());
        }
        LocalSearchPhaseConfig localSearch = new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig(moveSelectors()))
                .withAcceptorConfig(new LocalSearchAcceptorConfig()
                        .withLateAcceptanceSize(settings.lateAcceptanceSize()))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
        return new SolverConfig()
                .withSolutionClass(Schedule.class)
                .withEntityClasses(Shift.class, Job.class)
                // Bavet: several times faster than the Drools-based default of OptaPlanner 10.1.
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(ScheduleConstraintProvider.class)
                        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET))
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(settings.seed())
                .withDaemon(settings.daemon())
                .withTerminationConfig(termination)
                .withPhases(new ConstructionHeuristicPhaseConfig(), localSearch);
    }

    private static List<MoveSelectorConfig> moveSelectors() {
        ListChangeMoveSelectorConfig change = new ListChangeMoveSelectorConfig()
                .withValueSelectorConfig(new ValueSelectorConfig().withId("changeOrigin"))
                .withDestinationSelectorConfig(new DestinationSelectorConfig()
                        .withNearbySelectionConfig(nearby().withOriginValueSelectorConfig(
                                new ValueSelectorConfig().withMimicSelectorRef("changeOrigin"))));
        ListSwapMoveSelectorConfig swap = new ListSwapMoveSelectorConfig()
                .withValueSelectorConfig(new ValueSelectorConfig().withId("swapOrigin"))
                .withSecondaryValueSelectorConfig(new ValueSelectorConfig()
                        .withNearbySelectionConfig(nearby().withOriginValueSelectorConfig(
                                new ValueSelectorConfig().withMimicSelectorRef("swapOrigin"))));
        SubListChangeMoveSelectorConfig subListChange = new SubListChangeMoveSelectorConfig()
                .withSelectReversingMoveToo(true)
                .withSubListSelectorConfig(new SubListSelectorConfig().withId("subListOrigin")
                        .withMaximumSubListSize(8))
                .withDestinationSelectorConfig(new DestinationSelectorConfig()
                        .withNearbySelectionConfig(nearby().withOriginSubListSelectorConfig(
                                new SubListSelectorConfig().withMimicSelectorRef("subListOrigin"))));
        SubListSwapMoveSelectorConfig subListSwap = new SubListSwapMoveSelectorConfig()
                .withSelectReversingMoveToo(true)
                .withSubListSelectorConfig(new SubListSelectorConfig().withId("subListSwapOrigin")
                        .withMaximumSubListSize(8))
                .withSecondarySubListSelectorConfig(new SubListSelectorConfig().withMaximumSubListSize(8)
                        .withNearbySelectionConfig(nearby().withOriginSubListSelectorConfig(
                                new SubListSelectorConfig().withMimicSelectorRef("subListSwapOrigin"))));
        KOptListMoveSelectorConfig kOpt = new KOptListMoveSelectorConfig().withMinimumK(2).withMaximumK(3);
        return List.of(change, swap, subListChange, subListSwap, kOpt);
    }

    private static NearbySelectionConfig nearby() {
        return new NearbySelectionConfig()
                .withNearbyDistanceMeterClass(JobNearbyDistanceMeter.class)
                .withNearbySelectionDistributionType(NearbySelectionDistributionType.PARABOLIC_DISTRIBUTION)
                .withParabolicDistributionSizeMaximum(NEARBY_SIZE);
    }
}
