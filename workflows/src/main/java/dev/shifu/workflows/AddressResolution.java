package dev.shifu.workflows;

/** Form variable {@code addressResolution} of user task {@link ServiceOrderProcess.Elements#RESOLVE_ADDRESS_TASK}. */
public enum AddressResolution {
    /** Address corrected; the installer carries on with today's visit. */
    CONTINUE_VISIT,
    /** A new visit must be booked (counted as a revisit). */
    REBOOK
}
