package dev.shifu.planner.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import dev.shifu.planner.benchmark.SolomonModel.Objective;

class SolomonSummaryTest {

    private static SolomonBenchmark.Result run(String instance, Objective objective, int vehicles, double distance,
            boolean feasible) {
        return run(instance, objective, 1, vehicles, distance, feasible);
    }

    /** Best known: 10 vehicles, distance 100, so the gap in per cent is distance - 100. */
    private static SolomonBenchmark.Result run(String instance, Objective objective, long seed, int vehicles,
            double distance, boolean feasible) {
        return new SolomonBenchmark.Result(instance, objective, seed, vehicles, distance, distance,
                HardMediumSoftLongScore.ZERO, feasible, 10, 100.0, 1.0, Path.of(instance + ".txt"));
    }

    @Test
    void aRunWhoseRoutesFailTheCheckIsLeftOutOfTheGapsAndFailsTheTarget() {
        // The infeasible run is far below the best known: counted, it would pull the mean under 1 %.
        List<SolomonBenchmark.Summary> summaries = SolomonBenchmark.summarise(List.of(
                run("c101", Objective.DISTANCE, 10, 100.5, true),
                run("c102", Objective.DISTANCE, 9, 80.0, false)));

        assertThat(summaries).singleElement().satisfies(s -> {
            assertThat(s.runs()).isEqualTo(2);
            assertThat(s.infeasible()).isEqualTo(1);
            assertThat(s.meanGap()).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(s.reached()).isEqualTo(1);
            assertThat(s.met()).isFalse();
            assertThat(s.row()).contains("n/a: 1 of 2 runs infeasible").contains("no (1 infeasible)");
        });
    }

    @Test
    void theSameRunsAllFeasibleMeetTheTarget() {
        List<SolomonBenchmark.Summary> summaries = SolomonBenchmark.summarise(List.of(
                run("c101", Objective.DISTANCE, 10, 100.5, true),
                run("c102", Objective.DISTANCE, 10, 101.0, true)));

        assertThat(summaries).singleElement().satisfies(s -> {
            assertThat(s.infeasible()).isZero();
            assertThat(s.meanGap()).isEqualTo(0.75, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(s.met()).isTrue();
            assertThat(s.row()).contains("**0.75 %**").endsWith("| yes |\n");
        });
    }

    @Test
    void infeasibleHierarchicalRunsDoNotCountAsVehiclesReached() {
        List<SolomonBenchmark.Summary> summaries = SolomonBenchmark.summarise(List.of(
                run("r101", Objective.HIERARCHICAL, 8, 100.0, false)));

        assertThat(summaries).singleElement().satisfies(s -> {
            assertThat(s.reached()).isZero();
            assertThat(s.met()).isFalse();
        });
    }

    @Test
    void withASingleSeedTheSpreadIsNotApplicableRatherThanZero() {
        List<SolomonBenchmark.Summary> summaries = SolomonBenchmark.summarise(List.of(
                run("c101", Objective.DISTANCE, 10, 100.5, true),
                run("c102", Objective.DISTANCE, 10, 101.0, true)));

        assertThat(summaries).singleElement().satisfies(s -> {
            assertThat(s.seeds()).isEqualTo(1);
            assertThat(s.row()).contains("| n/a (1 seed) |").doesNotContain(" pp ");
        });
    }

    @Test
    void withSeveralSeedsTheSpreadIsTheMeanOfMaxMinusMinPerInstance() {
        List<SolomonBenchmark.Summary> summaries = SolomonBenchmark.summarise(List.of(
                run("c101", Objective.DISTANCE, 1, 10, 100.5, true),
                run("c101", Objective.DISTANCE, 2, 10, 101.5, true),
                run("c102", Objective.DISTANCE, 1, 10, 100.0, true),
                run("c102", Objective.DISTANCE, 2, 10, 100.0, true)));

        assertThat(summaries).singleElement().satisfies(s -> {
            assertThat(s.seeds()).isEqualTo(2);
            assertThat(s.spread()).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(s.row()).contains("| 0.50 pp |");
        });
    }

    @Test
    void hierarchicalMeanGapIsAlsoGivenOverTheRunsAtTheBestKnownVehicleCount() {
        // r102 uses one vehicle more than the best known, so its distance is below the best known of 10 vehicles.
        List<SolomonBenchmark.Summary> summaries = SolomonBenchmark.summarise(List.of(
                run("r101", Objective.HIERARCHICAL, 10, 101.0, true),
                run("r102", Objective.HIERARCHICAL, 11, 97.0, true)));

        assertThat(summaries).singleElement().satisfies(s -> {
            assertThat(s.meanGap()).isEqualTo(-1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(s.reached()).isEqualTo(1);
            assertThat(s.meanGapReached()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(s.row()).contains("**-1.00 %** (1.00 % over the 1 at best-known vehicles)");
        });
    }

    @Test
    void distanceOnlyRowsDoNotRepeatTheMeanAtBestKnownVehicles() {
        assertThat(SolomonBenchmark.summarise(List.of(run("c101", Objective.DISTANCE, 10, 100.5, true))))
                .singleElement().satisfies(s -> assertThat(s.row()).contains("| **0.50 %** |"));
    }
}
