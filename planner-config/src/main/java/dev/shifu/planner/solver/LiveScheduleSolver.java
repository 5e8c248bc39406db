package dev.shifu.planner.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;
import org.optaplanner.core.api.solver.event.BestSolutionChangedEvent;
import org.optaplanner.core.impl.phase.event.PhaseLifecycleListener;
import org.optaplanner.core.impl.solver.DefaultSolver;

import dev.shifu.planner.domain.Schedule;

/**
 * Continuous planning of one region: a daemon {@link Solver} on its own thread that takes
 * {@link ProblemChange}s while it runs and never restarts from scratch.
 * <p>
 * {@link #submit(ProblemChange)} returns a future that completes with the first published best
 * solution that contains the change and is fully initialized (every job planned or parked as
 * unassigned). Why not {@code SolverManager}: in OptaPlanner 10.1 its daemon jobs race when a change
 * arrives while the solver restarts ({@code IllegalMonitorStateException} in
 * {@code DefaultSolverJob$UnlockLockPhaseLifecycleListener}), which kills the job.
 */
public final class LiveScheduleSolver implements AutoCloseable {

    private final Solver<Schedule> solver;
    private final Thread thread;
    private final CompletableFuture<Schedule> finalBest = new CompletableFuture<>();
    /** Touched on the solver thread only: changes applied but not yet seen in a published best solution. */
    private final List<CompletableFuture<Schedule>> applied = new ArrayList<>();
    private volatile Schedule best;

    /**
     * @param solverFactory built from a daemon configuration ({@code SolverSettings.withDaemon(true)})
     * @param problem the schedule to plan
     * @param listener receives every new best solution (on the solver thread; keep it quick)
     */
    public LiveScheduleSolver(SolverFactory<Schedule> solverFactory, Schedule problem,
            Consumer<BestSolutionChangedEvent<Schedule>> listener) {
        this(solverFactory, problem, listener, SolverBudget.unlimited());
    }

    /**
     * As {@link #LiveScheduleSolver(SolverFactory, Schedule, Consumer)}, taking its steps in turn with the other solvers
     * of the {@code budget}.
     */
    public LiveScheduleSolver(SolverFactory<Schedule> solverFactory, Schedule problem,
            Consumer<BestSolutionChangedEvent<Schedule>> listener, SolverBudget budget) {
        this.solver = solverFactory.buildSolver();
        SolverBudget.Turns turns = budget.turns();
        ((DefaultSolver<Schedule>) solver).addPhaseLifecycleListener(turns);
        solver.addEventListener(event -> {
            best = event.getNewBestSolution();
            listener.accept(event);
            HardMediumSoftLongScore score = (HardMediumSoftLongScore) event.getNewBestScore();
            if (score.isSolutionInitialized() && !applied.isEmpty()) {
                applied.forEach(future -> future.complete(event.getNewBestSolution()));
                applied.clear();
            }
        });
        this.thread = new Thread(() -> {
            try {
                finalBest.complete(solver.solve(problem));
            } catch (RuntimeException | Error e) {
                finalBest.completeExceptionally(e);
                applied.forEach(future -> future.completeExceptionally(e));
            } finally {
                turns.giveBack();
            }
        }, "live-solver-" + problem.getName());
        thread.setDaemon(true);
    }

    /**
     * Adds a listener of the solver's bursts (each change restarts solving: {@code solvingStarted} ..
     * {@code solvingEnded}) and steps, through the impl API of 10.1. Call before {@link #start()}.
     */
    public LiveScheduleSolver listen(PhaseLifecycleListener<Schedule> listener) {
        ((DefaultSolver<Schedule>) solver).addPhaseLifecycleListener(listener);
        return this;
    }

    public LiveScheduleSolver start() {
        thread.start();
        return this;
    }

    /** The latest best solution, or null before the first one. */
    public Schedule bestSolution() {
        return best;
    }

    /** True once solving ended with an error: the thread is gone and submitted changes go nowhere. */
    public boolean hasFailed() {
        return finalBest.isCompletedExceptionally();
    }

    public CompletableFuture<Schedule> submit(ProblemChange<Schedule> change) {
        CompletableFuture<Schedule> future = new CompletableFuture<>();
        solver.addProblemChange(new Tracked(change, future));
        return future;
    }

    /** Stops solving and returns the final best solution. */
    public Schedule stop() throws InterruptedException, ExecutionException {
        solver.terminateEarly();
        return finalBest.get();
    }

    @Override
    public void close() {
        solver.terminateEarly();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Tracked implements ProblemChange<Schedule> {
        private final ProblemChange<Schedule> change;
        private final CompletableFuture<Schedule> future;

        Tracked(ProblemChange<Schedule> change, CompletableFuture<Schedule> future) {
            this.change = change;
            this.future = future;
        }

        @Override
        public void doChange(Schedule working, ProblemChangeDirector director) {
            try {
                change.doChange(working, director);
                applied.add(future);
            } catch (RuntimeException | Error e) {
                // An Error ends the solver thread: its sender must hear so, or a successor would be handed the same
                // change again (as never applied) and end too.
                future.completeExceptionally(e);
                throw e;
            }
        }
    }
}
