package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;

/**
 * A visit booked for a whole day ({@link dev.shifu.platform.schedule.WindowCapacity#bookDay}), published in the
 * booking's transaction: Spring Modulith's publication registry stores it with the booking, so a crash before the
 * schedule took the day is made good on restart (the publication is resubmitted).
 */
record DayBooked(long orderId, LocalDate day) {
}
