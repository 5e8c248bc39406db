package dev.shifu.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

import dev.shifu.planner.TinyCity;
import dev.shifu.planner.domain.Schedule;

class GreedyInsertionTest {

    @Test
    void firstPlanBreaksNoHardConstraintAndParksWhatCannotBeServed() {
        Schedule schedule = TinyCity.builder()
                .job(TinyCity.job("PLUMBING", 30.27, 120.15, 9).withSkills(Set.of("plumbing")))
                .build();

        int planned = GreedyInsertion.planUnplacedJobs(schedule);

        assertThat(planned).isEqualTo(9);
        assertThat(schedule.getUnassignedJobs()).extracting(j -> j.getId()).containsExactly("PLUMBING");
        var score = SolutionManager.<Schedule, org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore>create(
                SolverFactory.create(TinyCity.quickConfig())).update(schedule);
        assertThat(score.hardScore()).isZero();
        assertThat(score.mediumScore()).isEqualTo(-1);
        assertThat(schedule.findJob("GAS").orElseThrow().getShift().getId()).isEqualTo("S3");
    }
}
