/**
 * The consumer's side of an order through the link they receive (the token opens that order only): see the order,
 * book or move the visit day, cancel. The booking page and time windows build on this.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consumer booking")
package dev.shifu.platform.booking;
