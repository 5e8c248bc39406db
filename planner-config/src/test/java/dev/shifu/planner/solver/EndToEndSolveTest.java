package dev.shifu.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;

import dev.shifu.planner.TinyCity;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;

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
}
