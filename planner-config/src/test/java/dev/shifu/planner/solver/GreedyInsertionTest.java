package dev.shifu.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolutionUpdatePolicy;
import org.optaplanner.core.api.solver.SolverFactory;

import dev.shifu.planner.TinyCity;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.ProviderCapacity;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
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
            Schedule schedule = randomDay(seed);
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

    /**
     * A random day that touches every hard rule: skills, crews, certificates, goods, leave, accepted
     * providers, van capacity, a provider's daily capacity and windows; some jobs are already on a
     * route (not always feasibly) and one is pinned.
     */
    private static Schedule randomDay(long seed) {
        Random random = new Random(seed);
        LocalDate day = TinyCity.DAY;
        ScheduleBuilder builder = new ScheduleBuilder("random-" + seed, HaversineTravelTime.cityDefault())
                .capacity(ProviderCapacity.everyDay("P1", "INSTALLATION", 2 + random.nextInt(3)));
        List<String> shiftIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "S" + i;
            shiftIds.add(id);
            Set<String> skills = random.nextBoolean() ? Set.of("ac", "gas") : Set.of("ac");
            builder.shift(new Shift(id, new Location(id + "-base", lat(random), lon(random)), day, TinyCity.at(8),
                    TinyCity.at(17 + random.nextInt(2)))
                    .withInstallers(List.of("I" + i)).withProvider(i < 3 ? "P1" : "P2").withSkills(skills)
                    .withCertificates(Map.of("gas", random.nextBoolean() ? day : day.minusDays(1)))
                    .withCrewSize(1 + random.nextInt(2)).withCapacity(3 + random.nextInt(3))
                    .withOnLeave(i == 4 && random.nextBoolean()));
        }
        for (int j = 0; j < 24; j++) {
            int from = 8 + random.nextInt(8);
            Job job = new Job("J" + j, new Location("J" + j, lat(random), lon(random)), 1800 + 600 * random.nextInt(4))
                    .withSkills(random.nextInt(4) == 0 ? Set.of("gas") : Set.of("ac"))
                    .withCrewSize(random.nextInt(4) == 0 ? 2 : 1)
                    .withWindow(TinyCity.at(from), TinyCity.at(Math.min(from + 1 + random.nextInt(3), 18)))
                    .withServiceType(random.nextBoolean() ? "INSTALLATION" : "REPAIR")
                    .withDemand(1);
            if (job.getRequiredSkills().contains("gas")) {
                job.withCertificates(Set.of("gas"));
            }
            if (random.nextInt(5) == 0) {
                job.withGoodsArrival(day.plusDays(random.nextInt(2)));
            }
            if (random.nextInt(5) == 0) {
                job.withAcceptedProvider(random.nextBoolean() ? "P1" : "P2");
            }
            if (j == 0) {
                builder.pinnedJob(shiftIds.get(random.nextInt(shiftIds.size())), job);
            } else if (j < 4) {
                builder.initialAssignment(shiftIds.get(random.nextInt(shiftIds.size())), job);
            } else {
                builder.job(job);
            }
        }
        return builder.build();
    }

    private static double lat(Random random) {
        return 30.22 + random.nextDouble() * 0.1;
    }

    private static double lon(Random random) {
        return 120.08 + random.nextDouble() * 0.15;
    }
}
