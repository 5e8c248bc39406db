package dev.shifu.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;

import dev.shifu.planner.TinyCity;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.MemberTier;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.travel.HaversineTravelTime;

class EndToEndSolveTest {

    @Test
    void solvesTinyCityDayFeasiblyWithEveryJobPlannedInItsWindow() {
        Schedule solved = SolverFactory.<Schedule>create(TinyCity.quickConfig()).buildSolver()
                .solve(TinyCity.schedule());

        assertThat(solved.getScore().isFeasible()).isTrue();
        assertThat(solved.getScore().mediumScore()).isZero();
        assertThat(solved.getUnassignedJobs()).isEmpty();
        Set<String> seen = new HashSet<>();
        for (Shift shift : solved.getRealShifts()) {
            long previousDeparture = shift.getStartTime();
            for (Job job : shift.getJobs()) {
                assertThat(seen.add(job.getId())).as("job planned once").isTrue();
                assertThat(job.getShift()).isSameAs(shift);
                assertThat(job.getStartTime()).isBetween(job.getWindowStart(), job.getWindowEnd());
                assertThat(job.getArrivalTime()).isGreaterThanOrEqualTo(previousDeparture);
                assertThat(shift.getSkills()).containsAll(job.getRequiredSkills());
                previousDeparture = job.getDepartureTime();
            }
            assertThat(shift.getBackAtBaseTime()).isLessThanOrEqualTo(shift.getEndTime());
        }
        assertThat(seen).hasSize(9);
        assertThat(solved.findJob("GAS").orElseThrow().getShift().getId()).isEqualTo("S3");
    }

    @Test
    void keepsPinnedJobsAtTheHeadOfTheirShiftAndPlansTheRestOfTheRouteAfterThem() {
        Schedule problem = TinyCity.builder(Set.of("tv"))
                // Pinned on S1 although it is next to S2's base: the solver must not move it.
                .pinnedJob("S1", TinyCity.job("STARTED", 30.30, 120.20, 8))
                // Only S1 has the tv skill, so S1's planned route cannot be empty.
                .job(TinyCity.job("TV", 30.26, 120.12, 12).withSkills(Set.of("tv")))
                .build();
        Job started = problem.findJob("STARTED").orElseThrow();
        long startedAt = started.getStartTime();

        Schedule solved = SolverFactory.<Schedule>create(TinyCity.quickConfig()).buildSolver().solve(problem);

        Shift s1 = solved.findShift("S1").orElseThrow();
        assertThat(s1.getPinnedJobs()).extracting(Job::getId).containsExactly("STARTED");
        assertThat(s1.getPinnedJobs().get(0).getStartTime()).isEqualTo(startedAt);
        assertThat(solved.getJobs()).extracting(Job::getId).doesNotContain("STARTED");
        assertThat(solved.getScore().isFeasible()).isTrue();
        assertThat(solved.getUnassignedJobs()).isEmpty();
        assertThat(s1.getJobs()).extracting(Job::getId).contains("TV");
        Job first = s1.getJobs().get(0);
        Job pinned = s1.getPinnedJobs().get(0);
        assertThat(first.getPreviousLocation().id()).isEqualTo("STARTED");
        assertThat(first.getArrivalTime())
                .isEqualTo(pinned.getDepartureTime() + pinned.getLocation().travelSecondsTo(first.getLocation()));
    }

    @Test
    void reworkIsPlannedAheadOfAnOrdinaryJobAndByAnotherInstallerThanTheOriginalOne() {
        // Two shifts a few kilometres apart; each can take one long job, and three compete for them.
        Schedule problem = new ScheduleBuilder("rework", HaversineTravelTime.cityDefault())
                .shift(TinyCity.shift("S1", 30.25, 120.10, Set.of("ac")))
                .shift(TinyCity.shift("S2", 30.27, 120.13, Set.of("ac")))
                .job(longJob("ORDINARY-A", 30.25, 120.11).withTier(MemberTier.PLATINUM))
                .job(longJob("ORDINARY-B", 30.30, 120.19).withTier(MemberTier.PLATINUM))
                // Next to S1's base, but S1's installer did the rejected work.
                .job(longJob("REWORK", 30.251, 120.101).withRework(true).withAvoidedInstaller("I-S1"))
                .build();
        GreedyInsertion.planUnplacedJobs(problem);

        Schedule solved = SolverFactory.<Schedule>create(TinyCity.quickConfig()).buildSolver().solve(problem);

        assertThat(solved.getScore().isFeasible()).isTrue();
        Job rework = solved.findJob("REWORK").orElseThrow();
        assertThat(rework.isAssigned()).as("a rework outranks any ordinary job").isTrue();
        assertThat(rework.getShift().getId()).as("not the original installer").isEqualTo("S2");
        assertThat(rework.getStartTime()).as("served as early as the shift allows")
                .isLessThan(TinyCity.at(10));
        assertThat(solved.getUnassignedJobs()).hasSize(1);
    }

    /** Eight hours of work in a window covering the whole day: one per shift. */
    private static Job longJob(String id, double lat, double lon) {
        return new Job(id, new Location(id, lat, lon), 8 * 3600)
                .withSkills(Set.of("ac")).withWindow(TinyCity.at(8), TinyCity.at(10));
    }
}
