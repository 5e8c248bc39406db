package dev.shifu.planner.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.shifu.planner.TinyCity;
import dev.shifu.planner.benchmark.ReplanBenchmark.Latency;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.solver.ScheduleBuilder;

/** What the replan benchmark counts as placed, and how it turns latencies and misses into percentiles. */
class ReplanMeasuresTest {

    private static List<Double> millis(int count) {
        return new ArrayList<>(IntStream.rangeClosed(1, count).mapToObj(i -> i * 10.0).toList());
    }

    @Test
    void theNinetyFifthPercentileOfTwentyValuesIsTheNineteenth() {
        List<Double> values = millis(20);
        java.util.Collections.shuffle(values, new java.util.Random(1));

        assertThat(ReplanBenchmark.percentile(values, 95)).isEqualTo(190.0);
        assertThat(ReplanBenchmark.percentile(values, 50)).isEqualTo(100.0);
        assertThat(new Latency(values, 0, Map.of()).p(95)).isEqualTo(190.0);
    }

    @Test
    void oneMissInTwentyIsTheTwentiethValueSoP95IsTheSlowestPlacedAndTheMaxSaysNotPlaced() {
        // The miss counts as slower than every placed change: it is the max, and p95 (the 19th of 20) is the
        // slowest placed one. A miss can only raise a percentile, never lower it.
        Latency latency = new Latency(millis(19), 1, Map.of());

        assertThat(latency.samples()).isEqualTo(20);
        assertThat(latency.p(95)).isEqualTo(190.0);
        assertThat(latency.max()).isInfinite();
        assertThat(ReplanBenchmark.ms(latency.max())).isEqualTo("> 10 s (not placed)");
        assertThat(latency.p(95)).isGreaterThanOrEqualTo(new Latency(millis(19), 0, Map.of()).p(95));
    }

    @Test
    void twoMissesInTwentyMakeP95InfiniteAndItPrintsAsNotPlaced() {
        Latency latency = new Latency(millis(18), 2, Map.of());

        assertThat(latency.p(95)).isInfinite();
        assertThat(ReplanBenchmark.ms(latency.p(95))).isEqualTo("> 10 s (not placed)");
        assertThat(latency.p(50)).isEqualTo(100.0);
        assertThat(ReplanBenchmark.ms(latency.p(50))).isEqualTo("100 ms");
    }

    /**
     * SICK's shift (the sick installer's), LEAVE on leave, LATE whose second job starts after its window
     * closes, and CLEAN (with a pinned job) that breaks nothing; WAITING is in the unassigned bucket.
     */
    private static Schedule day() {
        Schedule schedule = new ScheduleBuilder("replan-measures", dev.shifu.planner.travel.HaversineTravelTime.cityDefault())
                .shift(TinyCity.shift("SICK", 30.25, 120.10, Set.of("ac")))
                .shift(TinyCity.shift("LEAVE", 30.30, 120.20, Set.of("ac")).withOnLeave(true))
                .shift(TinyCity.shift("LATE", 30.28, 120.15, Set.of("ac")))
                .shift(TinyCity.shift("CLEAN", 30.27, 120.13, Set.of("ac")))
                .initialAssignment("SICK", TinyCity.job("ON-SICK", 30.26, 120.11, 9))
                .initialAssignment("LEAVE", TinyCity.job("ON-LEAVE", 30.30, 120.19, 9))
                // Three hours of service from 8:00, then a job whose window is 8-11: it starts after 11.
                .initialAssignment("LATE", new Job("LONG", new Location("LONG", 30.28, 120.14), 3 * 3600)
                        .withSkills(Set.of("ac")))
                .initialAssignment("LATE", TinyCity.job("LATE-JOB", 30.281, 120.141, 8))
                .pinnedJob("CLEAN", TinyCity.job("PINNED", 30.27, 120.12, 8))
                .initialAssignment("CLEAN", TinyCity.job("ON-CLEAN", 30.27, 120.131, 11))
                .job(TinyCity.job("WAITING", 30.27, 120.14, 12))
                .build();
        // Parked, as the greedy first plan or a change parks a job it cannot place.
        schedule.getUnassignedBucket().getJobs().add(schedule.findJob("WAITING").orElseThrow());
        return schedule;
    }

    @Test
    void aJobIsPlacedOnlyOffTheSickShiftOnAShiftNotOnLeaveWhoseWholeRouteBreaksNoHardRule() {
        Schedule schedule = day();
        Shift late = schedule.findShift("LATE").orElseThrow();
        assertThat(late.getJobs().get(1).getWindowViolationSeconds()).as("the late job").isPositive();

        assertThat(ReplanBenchmark.offShiftOnHardCleanRoutes(schedule, Set.of("ON-CLEAN", "PINNED"), "SICK")).isTrue();
        assertThat(ReplanBenchmark.onHardCleanRoute(schedule, Set.of("ON-CLEAN"))).isTrue();
        assertThat(ReplanBenchmark.offShiftOnHardCleanRoutes(schedule, Set.of(), "SICK")).isTrue();

        assertThat(ReplanBenchmark.offShiftOnHardCleanRoutes(schedule, Set.of("ON-CLEAN", "ON-SICK"), "SICK"))
                .as("still on the sick shift").isFalse();
        assertThat(ReplanBenchmark.onHardCleanRoute(schedule, Set.of("ON-SICK"))).as("another change's check")
                .isTrue();
        assertThat(ReplanBenchmark.offShiftOnHardCleanRoutes(schedule, Set.of("ON-LEAVE"), "SICK"))
                .as("on a shift on leave").isFalse();
        assertThat(ReplanBenchmark.offShiftOnHardCleanRoutes(schedule, Set.of("LONG"), "SICK"))
                .as("on a route with a window violation (another job's)").isFalse();
        assertThat(ReplanBenchmark.offShiftOnHardCleanRoutes(schedule, Set.of("WAITING"), "SICK"))
                .as("in the unassigned bucket").isFalse();
        assertThat(ReplanBenchmark.offShiftOnHardCleanRoutes(schedule, Set.of("UNKNOWN"), "SICK"))
                .as("not in the plan yet").isFalse();
    }

    @Test
    void aJobNoShiftMayTakeCountsOnlyWhenItWaitsInTheBucketAndTheChangeReportedIt() {
        Schedule schedule = day();

        assertThat(ReplanBenchmark.parkedAndReported(schedule, Set.of("WAITING"), Set.of("WAITING"))).isTrue();
        assertThat(ReplanBenchmark.parkedAndReported(schedule, Set.of(), Set.of())).isTrue();
        assertThat(ReplanBenchmark.parkedAndReported(schedule, Set.of("WAITING"), Set.of())).as("not reported")
                .isFalse();
        assertThat(ReplanBenchmark.parkedAndReported(schedule, Set.of("ON-CLEAN"), Set.of("ON-CLEAN")))
                .as("on a route, not waiting").isFalse();
    }
}
