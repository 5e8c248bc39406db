/**
 * Installer schedules: a live OptaPlanner solver per region plans today and the next days continuously (model in
 * {@code planner-config}). Order, booking, dispatch and network events go in as problem changes; the best plan is
 * stored per installer shift, streamed to dispatchers with its score, explained constraint by constraint, and can be
 * re-optimized for a day on demand.
 * <p>
 * It also owns the consumer's booking capacity ({@link dev.shifu.platform.schedule.WindowCapacity}): a capacity view
 * per region rebuilt on each published plan, and window reservations held in the database. Booking calls it; the
 * schedule does not depend on booking.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Schedules")
package dev.shifu.platform.schedule;
