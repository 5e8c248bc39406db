package dev.shifu.planner;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.optaplanner.core.config.solver.SolverConfig;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.domain.Times;
import dev.shifu.planner.solver.ScheduleBuilder;
import dev.shifu.planner.solver.ScheduleSolverConfig;
import dev.shifu.planner.solver.SolverSettings;
import dev.shifu.planner.travel.HaversineTravelTime;

/**
 * A tiny Hangzhou day for end-to-end tests: three installers (one with the "gas" skill), nine jobs
 * of one hour, each with a three-hour booked window, all easily feasible.
 */
public final class TinyCity {

    public static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private TinyCity() {
    }

    public static long at(int hour) {
        return Times.of(DAY.atTime(LocalTime.of(hour, 0)));
    }

    public static Shift shift(String id, double lat, double lon, Set<String> skills) {
        return new Shift(id, new Location(id + "-base", lat, lon), DAY, at(8), at(18))
                .withInstallers(List.of("I-" + id)).withProvider("P1").withSkills(skills);
    }

    public static Job job(String id, double lat, double lon, int windowStartHour) {
        return new Job(id, new Location(id, lat, lon), 3600).withSkills(Set.of("ac"))
                .withWindow(at(windowStartHour), at(windowStartHour + 3));
    }

    public static ScheduleBuilder builder() {
        return builder(Set.of());
    }

    /** The tiny day, with extra skills only S1 has (to make a job S1's alone). */
    public static ScheduleBuilder builder(Set<String> extraS1Skills) {
        Set<String> s1Skills = new java.util.HashSet<>(extraS1Skills);
        s1Skills.add("ac");
        ScheduleBuilder builder = new ScheduleBuilder("tiny", HaversineTravelTime.cityDefault())
                .shift(shift("S1", 30.25, 120.10, s1Skills))
                .shift(shift("S2", 30.30, 120.20, Set.of("ac")))
                .shift(shift("S3", 30.28, 120.15, Set.of("ac", "gas")));
        double[][] points = {
                {30.26, 120.11}, {30.25, 120.13}, {30.27, 120.12}, {30.31, 120.19}, {30.29, 120.21},
                {30.30, 120.17}, {30.27, 120.16}, {30.28, 120.14}};
        int[] windows = {8, 9, 12, 8, 10, 13, 9, 11};
        for (int i = 0; i < points.length; i++) {
            builder.job(job("J" + (i + 1), points[i][0], points[i][1], windows[i]));
        }
        builder.job(job("GAS", 30.29, 120.16, 10).withSkills(Set.of("ac", "gas")));
        return builder;
    }

    public static Schedule schedule() {
        return builder().build();
    }

    /** No wall clock: at most 3 000 local-search steps or 20 000 scored moves, ending after 500 steps without improvement. */
    public static SolverSettings quickSettings() {
        return SolverSettings.ofSteps(3_000, 20_000, 7).withUnimprovedStepLimit(500);
    }

    public static SolverConfig quickConfig() {
        return ScheduleSolverConfig.create(quickSettings());
    }
}
