package dev.shifu.workflows;

/** Payload {@code exceptionReason} of message {@link ServiceOrderProcess.Messages#INSTALLER_EXCEPTION}. */
public enum ExceptionReason {
    /** Nobody at home: back to booking, counted as a revisit. */
    CONSUMER_ABSENT,
    /** Goods damaged: brand notified, replacement goods awaited, then booked again (a revisit). */
    GOODS_DAMAGED,
    /** Parts missing: booked again with the same installer preferred (a revisit). */
    PARTS_MISSING,
    /** Wrong address: a dispatcher resolves it. Any unknown reason lands in the same dispatcher task. */
    ADDRESS_WRONG
}
