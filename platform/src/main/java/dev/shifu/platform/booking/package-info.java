/**
 * The consumer's side of an order through the link they receive (the token opens that order only): see the order,
 * book or move the visit day, cancel. Windows come from the schedule's capacity ({@code schedule.WindowCapacity}) for
 * the providers dispatch allows ({@code dispatch.ProviderPolicy}); booking a window reserves it there, rescheduling
 * late waits for a dispatcher ({@link dev.shifu.platform.booking.AppointmentEvents}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consumer booking")
package dev.shifu.platform.booking;
