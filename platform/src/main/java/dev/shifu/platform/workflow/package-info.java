/**
 * Drives every order through its {@code service-order} process (models in the {@code workflows} module): starts one
 * process per accepted order from the outbox, turns what other contexts report ({@link OrderProcess}, one typed
 * method per event) into process messages, keeps the order's status in step, and decides cancellations. Delegates
 * that belong to another context (offers, notifications, complaints) live in that context.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Order workflow")
package dev.shifu.platform.workflow;
