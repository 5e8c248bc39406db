package dev.shifu.planner.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;

import dev.shifu.planner.TinyCity;
import dev.shifu.planner.domain.ProviderCapacity;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.ScheduleConstraints;
import dev.shifu.planner.solver.GreedyInsertion;
import dev.shifu.planner.solver.ScheduleBuilder;
import dev.shifu.planner.travel.HaversineTravelTime;

class ScoreExplainerTest {

    @Test
    void explainsConstraintImpactsAndPerJobReasonsOfAStoredPlan() {
        // A plan as the platform might load it: the gas job on an installer without gas skills.
        Schedule plan = new ScheduleBuilder("stored", HaversineTravelTime.cityDefault())
                .shift(TinyCity.shift("S1", 30.25, 120.10, Set.of("ac")))
                .initialAssignment("S1", TinyCity.job("A", 30.26, 120.11, 8))
                .initialAssignment("S1", TinyCity.job("GAS", 30.29, 120.16, 10).withSkills(Set.of("gas")))
                .build();
        var explainer = new ScoreExplainer(SolverFactory.create(TinyCity.quickConfig()));

        ScheduleExplanation explanation = explainer.explain(plan);

        assertThat(explanation.feasible()).isFalse();
        assertThat(explanation.constraints().get(0).constraint()).isEqualTo(ScheduleConstraints.SKILL_MATCH);
        assertThat(explanation.constraints().get(0).level()).isEqualTo("hard");
        assertThat(explanation.constraints().get(0).impact()).isEqualTo(-1);
        assertThat(explanation.constraints()).anyMatch(c -> c.constraint().equals(ScheduleConstraints.TRAVEL_TIME)
                && c.level().equals("soft") && c.impact() < 0);
        assertThat(explanation.jobs().get("GAS")).anyMatch(r -> r.constraint().equals(ScheduleConstraints.SKILL_MATCH)
                && r.reason().contains("gas"));
        assertThat(explanation.shifts().get("S1")).anyMatch(r -> r.constraint().equals(ScheduleConstraints.TRAVEL_TIME));
    }

    @Test
    void tellsWhyAJobIsUnassignedWhenTheProvidersDailyCapacityIsUsedUp() {
        Schedule plan = new ScheduleBuilder("full", HaversineTravelTime.cityDefault())
                .shift(TinyCity.shift("S1", 30.25, 120.10, Set.of("ac")))
                .shift(TinyCity.shift("GAS-ONLY", 30.25, 120.10, Set.of("gas")))
                .capacity(ProviderCapacity.everyDay("P1", "INSTALLATION", 1))
                .initialAssignment("S1", TinyCity.job("A", 30.26, 120.11, 8).withServiceType("INSTALLATION"))
                .job(TinyCity.job("B", 30.26, 120.12, 9).withServiceType("INSTALLATION"))
                .build();
        GreedyInsertion.planUnplacedJobs(plan); // parks B: the provider's one installation is A
        assertThat(plan.getUnassignedJobs()).extracting(j -> j.getId()).containsExactly("B");
        var explainer = new ScoreExplainer(SolverFactory.create(TinyCity.quickConfig()));

        ScheduleExplanation explanation = explainer.explain(plan);

        assertThat(explanation.feasible()).isTrue();
        assertThat(explanation.jobs().get("B"))
                .anyMatch(r -> r.constraint().equals(ScheduleConstraints.PROVIDER_DAILY_CAPACITY)
                        && r.reason().equals("provider P1 has 1 of 1 INSTALLATION jobs on " + TinyCity.DAY))
                .anyMatch(r -> r.constraint().equals(ScheduleConstraints.SKILL_MATCH)
                        && r.reason().equals("rules out 1 shift(s)"))
                .anyMatch(r -> r.constraint().equals(ScheduleConstraints.UNASSIGNED_JOB));
        assertThat(explanation.jobs().getOrDefault("A", java.util.List.of())).noneMatch(r -> r.impact().equals("blocks"));
    }
}
