package dev.shifu.workflows;

/** Form variable {@code returnVisitOutcome} of user task {@link ServiceOrderProcess.Elements#RETURN_VISIT_TASK}. */
public enum ReturnVisitOutcome {
    SATISFIED,
    /** Opens a complaint ({@link ComplaintSource#RETURN_VISIT}). */
    ISSUE,
    UNREACHABLE
}
