package dev.shifu.workflows;

/** Grades of SLA warnings, passed to {@link ServiceOrderProcess.Beans#SLA_WARNING} as input {@code warningLevel}. */
public enum WarningLevel {
    /** Not booked within the booking escalation time (default 48 h); a dispatcher phones the consumer. */
    WARN,
    /** The dispatcher did not reach the consumer within the contact SLA. */
    ALERT,
    /** The promised-by date is at risk and the job is not completed yet. */
    SEVERE
}
