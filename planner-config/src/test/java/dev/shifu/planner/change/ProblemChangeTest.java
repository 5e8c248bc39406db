package dev.shifu.planner.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import org.optaplanner.core.impl.phase.scope.AbstractStepScope;
import org.optaplanner.core.impl.solver.scope.SolverScope;

import dev.shifu.planner.TinyCity;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.solver.LiveScheduleSolver;
import dev.shifu.planner.solver.ScheduleSolverConfig;
import dev.shifu.planner.solver.SolverSettings;

/**
 * Problem changes applied to a running daemon solver, as the platform will: each change goes to an idle
 * solver, and the test waits until the burst of steps it starts has ended, then checks the published plan.
 */
class ProblemChangeTest {

    private LiveScheduleSolver solver;
    private final AtomicReference<Schedule> best = new AtomicReference<>();
    private final Bursts bursts = new Bursts();

    @BeforeEach
    void startSolver() throws Exception {
        // Step limits: every burst after a change runs the same number of steps, however busy the machine.
        SolverFactory<Schedule> factory = SolverFactory.create(ScheduleSolverConfig.create(
                SolverSettings.ofSteps(2_000, 20_000, 3).withUnimprovedStepLimit(300).withDaemon(true)));
        solver = new LiveScheduleSolver(factory, TinyCity.schedule(), event -> best.set(event.getNewBestSolution()))
                .listen(bursts).start();
        // The first burst runs to its step limit before any test reads the plan or submits a change.
        bursts.awaitIdleAfter(0);
        assertThat(best.get().getScore().isFeasible()).isTrue();
    }

    @AfterEach
    void stopSolver() {
        solver.close();
    }

    /**
     * Submits the change to an idle solver and waits until the burst of steps it starts has ended, not
     * only for its first published plan: the next change then lands on the same solver state however
     * fast the machine is, so a reproducible solver gives the same result every run.
     */
    private Schedule apply(ProblemChange<Schedule> change) throws Exception {
        int ended = bursts.ended();
        Schedule published = solver.submit(change).get(30, TimeUnit.SECONDS);
        bursts.awaitIdleAfter(ended);
        return published;
    }

    /** Like {@link #apply}, but returns the best plan at the end of the change's burst. */
    private Schedule settle(ProblemChange<Schedule> change) throws Exception {
        apply(change);
        return best.get();
    }

    /** Counts the solver's bursts (solving restarts after each change) and steps, on the solver thread. */
    private static final class Bursts extends PhaseLifecycleListenerAdapter<Schedule> {
        private int started;
        private int ended;
        private long steps;

        @Override
        public synchronized void solvingStarted(SolverScope<Schedule> scope) {
            started++;
        }

        @Override
        public synchronized void stepEnded(AbstractStepScope<Schedule> scope) {
            steps++;
        }

        @Override
        public synchronized void solvingEnded(SolverScope<Schedule> scope) {
            ended++;
            notifyAll();
        }

        synchronized int ended() {
            return ended;
        }

        /** Waits, bounded, until a burst after {@code endedBefore} ended bursts has ended and no other runs. */
        synchronized void awaitIdleAfter(int endedBefore) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(ended > endedBefore && started == ended) && System.nanoTime() < deadline) {
                wait(100);
            }
            assertThat(ended).as("bursts ended (steps so far: %d)", steps).isGreaterThan(endedBefore);
            assertThat(started).as("no burst still running").isEqualTo(ended);
        }
    }

    @Test
    void addedUrgentJobIsOnARealShiftInTheFirstPublishedPlan() throws Exception {
        Schedule published = apply(new AddJobChange(TinyCity.job("URGENT", 30.27, 120.15, 14)));

        Job urgent = published.findJob("URGENT").orElseThrow();
        assertThat(urgent.isAssigned()).isTrue();
        assertThat(urgent.getStartTime()).isBetween(urgent.getWindowStart(), urgent.getWindowEnd());
        assertThat(published.getScore().isFeasible()).isTrue();
    }

    @Test
    void aChangeThatEndsTheSolverThreadFailsItsOwnFutureSoNobodyHandsItOnAsNeverApplied() {
        java.util.concurrent.CompletableFuture<Schedule> fatal = solver.submit((working, director) -> {
            throw new AssertionError("ends the solver thread");
        });

        assertThat(fatal).failsWithin(1, TimeUnit.MINUTES)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(AssertionError.class);
        for (int i = 0; i < 600 && !solver.hasFailed(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(solver.hasFailed()).as("the solver thread ended").isTrue();
    }

    @Test
    void cancelledJobLeavesTheSchedule() throws Exception {
        Schedule after = apply(new CancelJobChange("J3"));

        assertThat(after.findJob("J3")).isEmpty();
        assertThat(after.getAssignedJobs()).hasSize(8);
        assertThat(after.getScore().isFeasible()).isTrue();
    }

    @Test
    void sickInstallersJobsAreOnOtherShiftsInTheFirstPublishedPlan() throws Exception {
        Shift s1Before = best.get().findShift("S1").orElseThrow();
        List<String> s1Jobs = s1Before.getJobs().stream().map(Job::getId).toList();

        Schedule after = apply(InstallerLeaveChange.sickOn("I-S1", TinyCity.DAY));

        Shift s1 = after.findShift("S1").orElseThrow();
        assertThat(s1.isOnLeave()).isTrue();
        assertThat(s1.getJobs()).isEmpty();
        for (String id : s1Jobs) {
            Job job = after.findJob(id).orElseThrow();
            assertThat(job.isAssigned()).as(id).isTrue();
            assertThat(job.getShift().getId()).isNotEqualTo("S1");
        }
        assertThat(after.getScore().hardScore()).isZero();
    }

    @Test
    void aDayBackFromLeaveTakesTheParkedJobsAgainInTheFirstPublishedPlan() throws Exception {
        // Everyone off: every job is parked, with its reason.
        apply(InstallerLeaveChange.sickOn("I-S1", TinyCity.DAY));
        apply(InstallerLeaveChange.sickOn("I-S2", TinyCity.DAY));
        Schedule off = apply(InstallerLeaveChange.sickOn("I-S3", TinyCity.DAY));
        assertThat(off.getAssignedJobs()).isEmpty();

        Schedule back = apply(new InstallerBackChange("I-S2", TinyCity.DAY));

        Shift s2 = back.findShift("S2").orElseThrow();
        assertThat(s2.isOnLeave()).isFalse();
        assertThat(s2.getJobs()).as("the day back takes work at once").isNotEmpty();
        assertThat(back.getScore().hardScore()).isZero();
    }

    @Test
    void aDayBackTriesOnlyTheParkedJobsItsShiftMayTake() throws Exception {
        // Another provider accepted this one: no shift here may take it, so it stays parked and is not tried.
        apply(new AddJobChange(TinyCity.job("OTHERS", 30.28, 120.15, 9).withAcceptedProvider("P9")));
        apply(InstallerLeaveChange.sickOn("I-S1", TinyCity.DAY));
        apply(InstallerLeaveChange.sickOn("I-S2", TinyCity.DAY));
        apply(InstallerLeaveChange.sickOn("I-S3", TinyCity.DAY));
        java.util.concurrent.atomic.AtomicReference<List<String>> tried = new java.util.concurrent.atomic.AtomicReference<>();

        Schedule back = apply(new InstallerBackChange("I-S2", TinyCity.DAY,
                placements -> tried.set(placements.stream().map(p -> p.job().getId()).toList())));

        assertThat(tried.get()).isNotEmpty().doesNotContain("OTHERS");
        assertThat(back.findJob("OTHERS").orElseThrow().isAssigned()).isFalse();
        assertThat(back.findShift("S2").orElseThrow().getJobs()).as("the others go to the day back").isNotEmpty();
    }

    @Test
    void pinnedJobStaysAtTheHeadWhileOtherChangesArrive() throws Exception {
        Shift busiest = best.get().getRealShifts().stream()
                .max((a, b) -> Integer.compare(a.getJobs().size(), b.getJobs().size())).orElseThrow();
        String shiftId = busiest.getId();
        List<String> head = busiest.getJobs().subList(0, 2).stream().map(Job::getId).toList();

        apply(new PinJobChange(head.get(1)));
        Schedule after = apply(new AddJobChange(TinyCity.job("LATE", 30.28, 120.15, 14)));

        Shift shift = after.findShift(shiftId).orElseThrow();
        assertThat(shift.getPinnedJobs()).extracting(Job::getId).containsExactlyElementsOf(head);
        assertThat(after.getJobs()).extracting(Job::getId).doesNotContainAnyElementsOf(head);
        assertThat(after.findJob("LATE").orElseThrow().isAssigned()).isTrue();
    }

    @Test
    void dispatcherMoveWithPinPutsTheJobFirstOnTheTargetShift() throws Exception {
        Job job = best.get().findJob("J1").orElseThrow();
        String target = job.getShift().getId().equals("S2") ? "S3" : "S2";

        Schedule after = apply(new MoveJobChange("J1", target, 0, true));

        Shift shift = after.findShift(target).orElseThrow();
        assertThat(shift.getPinnedJobs()).extracting(Job::getId).containsExactly("J1");
        assertThat(after.findJob("J1").orElseThrow().getShift().getId()).isEqualTo(target);
        assertThat(after.getAssignedJobs()).hasSize(9);
    }

    @Test
    void aLateArrivalReportedOnThePinnedHeadPushesTheRestOfTheRouteAndAnEarlyFinishPullsItBack() throws Exception {
        Shift busiest = best.get().getRealShifts().stream()
                .max((a, b) -> Integer.compare(a.getJobs().size(), b.getJobs().size())).orElseThrow();
        String shiftId = busiest.getId();
        List<String> head = busiest.getJobs().subList(0, 2).stream().map(Job::getId).toList();
        Job first = settle(new PinJobChange(head.get(1))).findJob(head.get(0)).orElseThrow();
        long late = first.getStartTime() + 2 * 3600;

        Schedule after = settle(new ActualTimesChange(head.get(0), late, null, null));

        Shift shift = after.findShift(shiftId).orElseThrow();
        Job arrived = shift.getPinnedJobs().get(0);
        assertThat(arrived.getArrivalTime()).isEqualTo(late);
        assertThat(arrived.getStartTime()).isEqualTo(late);
        Job next = shift.getPinnedJobs().get(1);
        long drive = arrived.getLocation().travelSecondsTo(next.getLocation());
        assertThat(next.getArrivalTime()).as("the next job follows the real arrival")
                .isEqualTo(late + arrived.getServiceSeconds() + drive);

        long done = late + 600;
        Schedule finished = settle(new ActualTimesChange(head.get(0), late, late, done));
        Job afterFinish = finished.findShift(shiftId).orElseThrow().getPinnedJobs().get(1);
        assertThat(afterFinish.getArrivalTime()).as("the route goes on from the finish").isEqualTo(done + drive);
        assertThat(finished.getAssignedJobs()).hasSize(9);
    }
}
