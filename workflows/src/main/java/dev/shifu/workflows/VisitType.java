package dev.shifu.workflows;

/** Input {@code visitType} of {@link ServiceOrderProcess.Beans#SCHEDULE_JOB}. */
public enum VisitType {
    /** The regular visit (also revisits and reschedules: create or move the order's planned job). */
    INSTALLATION,
    /** A priority rework visit after a low rating. */
    REWORK
}
