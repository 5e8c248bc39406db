/**
 * Brand service orders: intake by API or CSV with idempotency, the order aggregate and its guarded status
 * machine, goods status from logistics, cancellation, and the status history. Publishes order events that the
 * workflow and the schedule react to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service orders")
package dev.shifu.platform.order;
