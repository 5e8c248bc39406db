package dev.shifu.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;

import dev.shifu.planner.TinyCity;
import dev.shifu.planner.domain.Schedule;

class SolverBudgetTest {

    @Test
    void solversSharingOnePermitNeverStepAtTheSameTime() throws Exception {
        SolverBudget budget = new SolverBudget(1);
        AtomicInteger stepping = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> solvers = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            SolverBudget.Turns turns = budget.turns();
            solvers.add(new Thread(() -> {
                for (int step = 0; step < 5_000; step++) {
                    turns.stepStarted(null);
                    most.accumulateAndGet(stepping.incrementAndGet(), Math::max);
                    stepping.decrementAndGet();
                    turns.stepEnded(null);
                }
            }));
        }
        solvers.forEach(Thread::start);
        for (Thread solver : solvers) {
            solver.join();
        }

        assertThat(most.get()).isEqualTo(1);
        assertThat(budget.available()).isEqualTo(1);
    }

    @Test
    void aStepThatNeverEndedGivesItsPermitBackWhenSolvingEnds() {
        SolverBudget budget = new SolverBudget(2);
        SolverBudget.Turns turns = budget.turns();

        turns.stepStarted(null);
        turns.stepStarted(null);
        assertThat(budget.available()).as("a solver holds one permit however often it starts a step").isEqualTo(1);

        turns.solvingEnded(null);
        turns.phaseEnded(null);
        assertThat(budget.available()).isEqualTo(2);
    }

    @Test
    void twoLiveSolversOnOnePermitBothPlanTheirRegionAndReturnThePermit() throws Exception {
        SolverBudget budget = new SolverBudget(1);
        SolverFactory<Schedule> factory = SolverFactory.create(ScheduleSolverConfig.create(
                SolverSettings.ofSteps(500, 2_000, 3).withUnimprovedStepLimit(100).withDaemon(true)));
        List<CompletableFuture<Schedule>> firstPlans = List.of(new CompletableFuture<>(), new CompletableFuture<>());
        List<LiveScheduleSolver> live = new ArrayList<>();
        for (CompletableFuture<Schedule> first : firstPlans) {
            live.add(new LiveScheduleSolver(factory, TinyCity.schedule(), event -> {
                if (event.getNewBestScore().isSolutionInitialized()) {
                    first.complete(event.getNewBestSolution());
                }
            }, budget).start());
        }
        try {
            for (CompletableFuture<Schedule> first : firstPlans) {
                Schedule plan = first.get(60, TimeUnit.SECONDS);
                assertThat(plan.getScore().isFeasible()).isTrue();
            }
        }
        finally {
            live.forEach(LiveScheduleSolver::close);
        }

        assertThat(budget.available()).isEqualTo(1);
    }

}
