package dev.shifu.planner.solver;

import java.time.Duration;

/**
 * How long and how to solve: by wall-clock time (production, benchmarks) or by step counts (tests:
 * with the same seed and problem, a step-limited solve repeats itself exactly, however busy the machine).
 *
 * @param timeLimit hard stop for one solve (or, in daemon mode, for each burst after a change); null = none
 * @param unimprovedTimeLimit stop earlier when the best score has not improved for this long; null = never
 * @param stepLimit most local-search steps per phase run (each burst after a change starts again); null = none
 * @param unimprovedStepLimit end a local-search phase after this many steps without a better score; null = never
 * @param moveLimit most moves scored per solve (or per burst after a change); null = none. Needed with step
 *        limits: a local-search step lasts until a move is accepted, and at a local optimum none may be
 * @param seed random seed; with the same seed, problem and step count the solver repeats itself
 * @param daemon keep waiting for problem changes after the limit instead of returning
 * @param lateAcceptanceSize late acceptance history length of the local search
 */
public record SolverSettings(Duration timeLimit, Duration unimprovedTimeLimit, Integer stepLimit,
        Integer unimprovedStepLimit, Long moveLimit, long seed, boolean daemon, int lateAcceptanceSize) {

    private static final int LATE_ACCEPTANCE = 200;

    public SolverSettings {
        if (timeLimit == null && (stepLimit == null || moveLimit == null)) {
            throw new IllegalArgumentException("a time limit, or a step limit and a move limit, is required");
        }
    }

    /** Stops on wall-clock time. */
    public static SolverSettings of(Duration timeLimit, long seed) {
        return new SolverSettings(timeLimit, null, null, null, null, seed, false, LATE_ACCEPTANCE);
    }

    /**
     * Stops after a number of local-search steps or scored moves, whichever comes first: no wall clock,
     * the same result on any machine.
     */
    public static SolverSettings ofSteps(int stepLimit, long moveLimit, long seed) {
        return new SolverSettings(null, null, stepLimit, null, moveLimit, seed, false, LATE_ACCEPTANCE);
    }

    public SolverSettings withUnimprovedTimeLimit(Duration limit) {
        return new SolverSettings(timeLimit, limit, stepLimit, unimprovedStepLimit, moveLimit, seed, daemon,
                lateAcceptanceSize);
    }

    public SolverSettings withUnimprovedStepLimit(int limit) {
        return new SolverSettings(timeLimit, unimprovedTimeLimit, stepLimit, limit, moveLimit, seed, daemon,
                lateAcceptanceSize);
    }

    public SolverSettings withDaemon(boolean value) {
        return new SolverSettings(timeLimit, unimprovedTimeLimit, stepLimit, unimprovedStepLimit, moveLimit, seed,
                value, lateAcceptanceSize);
    }

    public SolverSettings withLateAcceptanceSize(int size) {
        return new SolverSettings(timeLimit, unimprovedTimeLimit, stepLimit, unimprovedStepLimit, moveLimit, seed,
                daemon, size);
    }
}
