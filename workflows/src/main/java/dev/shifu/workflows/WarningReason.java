package dev.shifu.workflows;

/** Why an SLA warning was raised; input {@code warningReason} of {@link ServiceOrderProcess.Beans#SLA_WARNING}. */
public enum WarningReason {
    BOOKING_OVERDUE,
    CONTACT_SLA_BREACHED,
    PROMISED_BY_AT_RISK
}
