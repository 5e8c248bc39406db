package dev.shifu.planner.solver;

import java.time.Duration;

/**
 * How long and how to solve.
 *
 * @param timeLimit hard stop for one solve (or, in daemon mode, for each burst after a change)
 * @param unimprovedTimeLimit stop earlier when the best score has not improved for this long; null = never
 * @param seed random seed; with the same seed, problem and step count the solver repeats itself
 * @param daemon keep waiting for problem changes after the time limit instead of returning
 * @param lateAcceptanceSize late acceptance history length of the local search
 */
public record SolverSettings(Duration timeLimit, Duration unimprovedTimeLimit, long seed, boolean daemon,
        int lateAcceptanceSize) {

    public static SolverSettings of(Duration timeLimit, long seed) {
        return new SolverSettings(timeLimit, null, seed, false, 200);
    }

    public SolverSettings withUnimprovedTimeLimit(Duration limit) {
        return new SolverSettings(timeLimit, limit, seed, daemon, lateAcceptanceSize);
    }

    public SolverSettings withDaemon(boolean value) {
        return new SolverSettings(timeLimit, unimprovedTimeLimit, seed, value, lateAcceptanceSize);
    }

    public SolverSettings withLateAcceptanceSize(int size) {
        return new SolverSettings(timeLimit, unimprovedTimeLimit, seed, daemon, size);
    }
}
