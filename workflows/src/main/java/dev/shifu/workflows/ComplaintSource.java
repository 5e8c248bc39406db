package dev.shifu.workflows;

/** Input {@code complaintSource} of {@link ServiceOrderProcess.Beans#COMPLAINT}. */
public enum ComplaintSource {
    /** The consumer rated 2 stars or fewer. */
    LOW_RATING,
    /** The return visit call found an issue. */
    RETURN_VISIT
}
