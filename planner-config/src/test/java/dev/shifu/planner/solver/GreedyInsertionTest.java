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
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.MemberTier;
import dev.shifu.planner.domain.ProviderCapacity;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.travel.HaversineTravelTime;

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
    void jobWithOneShiftLeftGoesFirstSoBothJobsArePlaced() {
        // A can take both jobs but only one of them in their 9:00-10:00 window; only A has gas. Taken in
        // order (same window, PLATINUM first) the AC job would go to A, its cheapest shift, and the gas job
        // would be left out; regret-2 places the gas job first and sends the AC job to B.
        Job ac = new Job("AC", new Location("AC", 30.251, 120.101), 3600).withSkills(Set.of("ac"))
                .withWindow(TinyCity.at(9), TinyCity.at(10)).withTier(MemberTier.PLATINUM);
        Job gas = new Job("GAS", new Location("GAS", 30.252, 120.102), 3600).withSkills(Set.of("gas"))
                .withWindow(TinyCity.at(9), TinyCity.at(10));
        Schedule schedule = new ScheduleBuilder("regret", HaversineTravelTime.cityDefault())
                .shift(TinyCity.shift("A", 30.25, 120.10, Set.of("ac", "gas")))
                .shift(TinyCity.shift("B", 30.30, 120.20, Set.of("ac")))
                .job(ac).job(gas).build();

        GreedyInsertion.planUnplacedJobs(schedule);

        assertThat(schedule.findJob("GAS").orElseThrow().getShift().getId()).isEqualTo("A");
        assertThat(schedule.findJob("AC").orElseThrow().getShift().getId()).isEqualTo("B");
        assertThat(SCORING.update(schedule).hardScore()).isZero();
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

        // One of the two fits the provider's limit of one; which one is the insertion's choice.
        assertThat(schedule.getUnassignedJobs()).extracting(Job::getId).singleElement()
                .isIn("INST-A", "INST-B");
        assertThat(schedule.getJobs().stream().filter(j -> j.getId().startsWith("INST-") && j.isAssigned()))
                .hasSize(1);
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
