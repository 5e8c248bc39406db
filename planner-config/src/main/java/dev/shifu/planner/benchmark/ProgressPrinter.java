package dev.shifu.planner.benchmark;

import java.util.function.Consumer;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.event.BestSolutionChangedEvent;

import dev.shifu.planner.domain.Schedule;

/**
 * Streams best-score updates, at most one line per interval (plus the first feasible one), and
 * records when the first feasible solution (all hard constraints met) appeared.
 */
public final class ProgressPrinter implements Consumer<BestSolutionChangedEvent<Schedule>> {

    private final String label;
    private final long intervalMillis;
    private final long startNanos = System.nanoTime();
    private long lastPrintMillis = -1;
    private volatile long firstFeasibleMillis = -1;
    private volatile long completeMillis = -1;
    private volatile HardMediumSoftLongScore lastScore;

    public ProgressPrinter(String label, long intervalMillis) {
        this.label = label;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public synchronized void accept(BestSolutionChangedEvent<Schedule> event) {
        HardMediumSoftLongScore score = (HardMediumSoftLongScore) event.getNewBestScore();
        lastScore = score;
        long now = (System.nanoTime() - startNanos) / 1_000_000;
        boolean firstFeasible = false;
        if (firstFeasibleMillis < 0 && score.isSolutionInitialized() && score.hardScore() == 0) {
            firstFeasibleMillis = now;
            firstFeasible = true;
        }
        if (completeMillis < 0 && score.isSolutionInitialized() && score.hardScore() == 0 && score.mediumScore() == 0) {
            completeMillis = now;
        }
        if (firstFeasible || lastPrintMillis < 0 || now - lastPrintMillis >= intervalMillis) {
            lastPrintMillis = now;
            System.out.printf("  [%s] %6.1f s  best %s%s%n", label, now / 1000.0, score,
                    firstFeasible ? "  (first feasible)" : "");
        }
    }

    /** The plan the solver starts from (for example the greedy first plan) counts as a best solution too. */
    public synchronized void starting(HardMediumSoftLongScore score) {
        if (score == null || !score.isSolutionInitialized()) {
            return;
        }
        long now = (System.nanoTime() - startNanos) / 1_000_000;
        if (firstFeasibleMillis < 0 && score.hardScore() == 0) {
            firstFeasibleMillis = now;
        }
        if (completeMillis < 0 && score.hardScore() == 0 && score.mediumScore() == 0) {
            completeMillis = now;
        }
        System.out.printf("  [%s] %6.1f s  start %s%n", label, now / 1000.0, score);
    }

    /** Milliseconds from creation to the first feasible best solution, or -1. */
    public long firstFeasibleMillis() {
        return firstFeasibleMillis;
    }

    /** Milliseconds from creation to the first best solution that is feasible with no job unassigned, or -1. */
    public long completeMillis() {
        return completeMillis;
    }

    public HardMediumSoftLongScore lastScore() {
        return lastScore;
    }
}
