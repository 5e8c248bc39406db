/**
 * Drives every order through its {@code service-order} process (models in the {@code workflows} module): starts the
 * process from the outbox when an order is accepted, correlates messages for the other contexts, keeps the order's
 * status in step, and answers whether an order may still be cancelled. Delegates that belong to another context
 * (offers, notifications, complaints) live in that context.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Order workflow")
package dev.shifu.platform.workflow;
