package dev.shifu.planner.solver;

import java.util.concurrent.Semaphore;

import org.optaplanner.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import org.optaplanner.core.impl.phase.scope.AbstractPhaseScope;
import org.optaplanner.core.impl.phase.scope.AbstractStepScope;
import org.optaplanner.core.impl.solver.scope.SolverScope;

import dev.shifu.planner.domain.Schedule;

/**
 * How many live solvers of one process may take a step at the same time. Each region has its own daemon solver, and
 * a surge of orders keeps every one of them solving: ten regions on a 2-core machine then take nearly all the CPU
 * from the requests whose orders they plan. A solver takes a permit for each step and gives it back when the step
 * ends, so the others wait for their turn without spinning; a step is short (milliseconds), so turns go round
 * quickly. The permits are fair: a region that waits longest steps next.
 */
public final class SolverBudget {

    private final Semaphore permits;

    private final int size;

    /** @param permits steps that may run at once (at least 1) */
    public SolverBudget(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, not " + permits);
        }
        this.size = permits;
        this.permits = new Semaphore(permits, true);
    }

    /** No limit: every solver steps whenever it likes. */
    public static SolverBudget unlimited() {
        return new SolverBudget(Integer.MAX_VALUE);
    }

    /** The budget that leaves one core to everything else (at least one permit). */
    public static SolverBudget leavingOneCore() {
        return new SolverBudget(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    public int size() {
        return size;
    }

    /** Permits free now (for tests and metrics). */
    public int available() {
        return permits.availablePermits();
    }

    /** One solver's turn-taking: held at most one permit at a time, given back however its step or solving ends. */
    Turns turns() {
        return new Turns();
    }

    final class Turns extends PhaseLifecycleListenerAdapter<Schedule> {

        /** Touched on the solver's own thread only. */
        private boolean held;

        @Override
        public void stepStarted(AbstractStepScope<Schedule> stepScope) {
            if (!held) {
                permits.acquireUninterruptibly();
                held = true;
            }
        }

        @Override
        public void stepEnded(AbstractStepScope<Schedule> stepScope) {
            giveBack();
        }

        @Override
        public void phaseEnded(AbstractPhaseScope<Schedule> phaseScope) {
            giveBack();
        }

        @Override
        public void solvingEnded(SolverScope<Schedule> solverScope) {
            giveBack();
        }

        void giveBack() {
            if (held) {
                held = false;
                permits.release();
            }
        }

    }

}
