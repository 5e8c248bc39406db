package dev.shifu.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolutionUpdatePolicy;
import org.optaplanner.core.api.solver.SolverFactory;

import dev.shifu.planner.RandomDay;
import dev.shifu.planner.TinyCity;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.ProviderCapacity;
import dev.shifu.planner.domain.Schedule;

class GreedyInsertionTest {

    private static final SolutionManager<Schedule, HardMediumSoftLongScore> SCORING =
            SolutionManager.create(SolverFactory.create(TinyCity.quickConfig()));

    @Test
    void firstPlanBreaksNoHardConstraintAndParksWhatCannotBeServed() {
        Schedule schedule = TinyCity.builder()
                .job(TinyCity.job("PLUMBING", 30.27, 120.15, 9).withSkills(Set.of("plumbing")))
                .build();

        int planned = GreedyInsertion.planUnplacedJobs(schedule);

        assertThat(planned).isEqualTo(9);
        assertThat(schedule.getUnassignedJobs()).extracting(Job::getId).containsExactly("PLUMBING");
        HardMediumSoftLongScore score = SCORING.update(schedule);
        assertThat(score.hardScore()).isZero();
        assertThat(score.mediumScore()).isEqualTo(-1);
        assertThat(schedule.findJob("GAS").orElseThrow().getShift().getId()).isEqualTo("S3");
    }

    @Test
    void providersDailyCapacityParksTheJobsBeyondIt() {
        // Capacity is a rule over all of a provider's shifts: only the real constraints know it.
        Schedule schedule = TinyCity.builder()
                .capacity(ProviderCapacity.everyDay("P1", "INSTALLATION", 1))
                .job(TinyCity.job("INST-A", 30.26, 120.12, 9).withServiceType("INSTALLATION"))
                .job(TinyCity.job("INST-B", 30.30, 120.19, 9).withServiceType("INSTALLATION"))
                .build();

        GreedyInsertion.planUnplacedJobs(schedule);

        assertThat(schedule.getUnassignedJobs()).extracting(Job::getId).containsExactly("INST-B");
        assertThat(schedule.findJob("INST-A").orElseThrow().isAssigned()).isTrue();
        assertThat(SCORING.update(schedule).hardScore()).isZero();
    }

    @Test
    void neverBreaksAHardConstraintThePlanSatisfiedAndKeepsPinnedJobsInPlace() {
        for (long seed = 1; seed <= 30; seed++) {
            Schedule schedule = RandomDay.of(seed);
            Map<String, Long> before = hardImpacts(schedule);
            Map<String, List<String>> pinnedBefore = pinnedIds(schedule);
            Map<String, Long> pinnedStarts = pinnedStarts(schedule);
            int todo = (int) schedule.getJobs().stream().filter(j -> j.getShift() == null).count();

            int planned = GreedyInsertion.planUnplacedJobs(schedule);

            Map<String, Long> after = hardImpacts(schedule);
            for (Map.Entry<String, Long> entry : after.entrySet()) {
                assertThat(entry.getValue()).as("seed %d: %s", seed, entry.getKey())
                        .isGreaterThanOrEqualTo(before.getOrDefault(entry.getKey(), 0L));
            }
            assertThat(pinnedIds(schedule)).as("seed %d: pinned jobs", seed).isEqualTo(pinnedBefore);
            assertThat(pinnedStarts(schedule)).as("seed %d: pinned times", seed).isEqualTo(pinnedStarts);
            assertThat(schedule.getJobs()).as("seed %d: every job placed", seed).allMatch(j -> j.getShift() != null);
            assertThat(planned + schedule.getUnassignedJobs().size()).isEqualTo(todo);
            assertThat(planned).as("seed %d: greedy plans something", seed).isPositive();
        }
    }

    /** Hard impact per constraint (negative numbers), recomputed from the routes. */
    private static Map<String, Long> hardImpacts(Schedule schedule) {
        Map<String, Long> impacts = new HashMap<>();
        for (ConstraintMatchTotal<HardMediumSoftLongScore> total : SCORING
                .explain(schedule, SolutionUpdatePolicy.UPDATE_ALL).getConstraintMatchTotalMap().values()) {
            if (total.getScore().hardScore() != 0) {
                impacts.put(total.getConstraintName(), total.getScore().hardScore());
            }
        }
        return impacts;
    }

    private static Map<String, List<String>> pinnedIds(Schedule schedule) {
        Map<String, List<String>> ids = new HashMap<>();
        schedule.getRealShifts().forEach(s -> ids.put(s.getId(), s.getPinnedJobs().stream().map(Job::getId).toList()));
        return ids;
    }

    private static Map<String, Long> pinnedStarts(Schedule schedule) {
        Map<String, Long> starts = new HashMap<>();
        schedule.getRealShifts().forEach(s -> s.getPinnedJobs().forEach(j -> starts.put(j.getId(), j.getStartTime())));
        return starts;
    }
}
