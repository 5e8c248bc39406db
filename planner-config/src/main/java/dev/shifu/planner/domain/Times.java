package dev.shifu.planner.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Model time is a {@code long} count of seconds of the region's local clock since 1970-01-01T00:00
 * (the local date-time read as if it were UTC). Benchmarks with abstract time units use small numbers
 * on the same scale. Plain longs keep the shadow-variable arithmetic cheap.
 */
public final class Times {

    private Times() {
    }

    public static long of(LocalDateTime localDateTime) {
        return localDateTime.toEpochSecond(ZoneOffset.UTC);
    }

    public static LocalDateTime toDateTime(long modelTime) {
        return LocalDateTime.ofEpochSecond(modelTime, 0, ZoneOffset.UTC);
    }

    public static LocalDate dateOf(long modelTime) {
        return toDateTime(modelTime).toLocalDate();
    }
}
