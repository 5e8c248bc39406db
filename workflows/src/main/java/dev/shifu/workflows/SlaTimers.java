package dev.shifu.workflows;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAmount;
import java.util.Date;

/**
 * Every timer of the {@code service-order} model, configurable. The platform registers one instance under the bean
 * name {@code slaTimers} (for example bound from configuration properties); the model calls the getters for
 * durations and the {@code ...At} methods for dates. Durations are ISO-8601 strings, as Camunda timers expect:
 * {@code PT24H}, {@code P7D}, {@code PT2M} in a demo profile.
 *
 * <p>Timers are created when the process reaches them, so a changed setting applies to timers created afterwards.
 */
public class SlaTimers {

    /** Far enough to never fire: used when an order has no promised-by date. */
    static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    private String bookingReminder = "PT24H";
    private String bookingEscalation = "PT48H";
    private String contactSla = "PT4H";
    private String promisedByMargin = "P1D";
    private String goodsCutoff = "P1D";
    private String offerExpiry = "PT2H";
    private String ratingTimeout = "PT72H";
    private String returnVisitDelay = "P7D";
    private String zone = "Asia/Shanghai";

    /** When the promised-by date is at risk, in the default {@link #getZone()}. */
    public Date promisedByRiskAt(Date promisedBy) {
        return promisedByRiskAt(promisedBy, null);
    }

    /**
     * When the promised-by date is at risk: {@code promisedBy - promisedByMargin}, days counted on the calendar of
     * {@code zone} (the order's region: a day is 23 or 25 hours where the clocks change); never if there is none.
     */
    public Date promisedByRiskAt(Date promisedBy, Object zone) {
        if (promisedBy == null) {
            return Date.from(NEVER);
        }
        return minus(promisedBy, promisedByMargin, zone);
    }

    /** When goods are too late, in the default {@link #getZone()}. */
    public Date goodsLateAt(Date bookedDate) {
        return goodsLateAt(bookedDate, null);
    }

    /**
     * When goods that have not arrived are too late for the booked window: {@code bookedDate - goodsCutoff}, days
     * counted on the calendar of {@code zone} (the order's region).
     */
    public Date goodsLateAt(Date bookedDate, Object zone) {
        return minus(required(bookedDate, "bookedDate"), goodsCutoff, zone);
    }

    /** When an order goes in service, in the default {@link #getZone()}. */
    public Date inServiceAt(Date bookedDate) {
        return inServiceAt(bookedDate, null);
    }

    /**
     * When an order goes in service: the start (00:00) of the booked day in {@code zone}, the order's region's zone
     * (process variable {@code zone}); {@link #getZone()} when the process carries none.
     */
    public Date inServiceAt(Date bookedDate, Object zone) {
        ZonedDateTime booked = required(bookedDate, "bookedDate").toInstant().atZone(zoneOf(zone));
        return Date.from(booked.toLocalDate().atStartOfDay(booked.getZone()).toInstant());
    }

    /** The zone a process variable names, or the default zone where it names none. */
    ZoneId zoneOf(Object zone) {
        return zone == null || String.valueOf(zone).isBlank() ? ZoneId.of(this.zone) : ZoneId.of(String.valueOf(zone));
    }

    /** Hours are hours; days ({@code P1D}) are calendar days of the zone. */
    private Date minus(Date date, String iso, Object zone) {
        TemporalAmount amount = amount(iso);
        if (!iso.trim().toUpperCase().contains("T")) {
            return Date.from(date.toInstant().atZone(zoneOf(zone)).minusDays(((Duration) amount).toDays()).toInstant());
        }
        return Date.from(date.toInstant().minus(amount));
    }

    static TemporalAmount amount(String iso) {
        String upper = iso.trim().toUpperCase();
        if (upper.contains("T")) {
            return Duration.parse(upper);
        }
        Period period = Period.parse(upper);
        if (period.toTotalMonths() != 0) {
            throw new IllegalArgumentException("Use days, hours or minutes, not months or years: " + iso);
        }
        return Duration.ofDays(period.getDays());
    }

    private static Date required(Date date, String name) {
        if (date == null) {
            throw new IllegalArgumentException("Process variable '" + name + "' is required for this timer");
        }
        return date;
    }

    /** Not booked this long after the booking link was sent: a reminder. Default PT24H. */
    public String getBookingReminder() {
        return bookingReminder;
    }

    public void setBookingReminder(String bookingReminder) {
        this.bookingReminder = bookingReminder;
    }

    /** Not booked this long after the booking link was sent: WARN and "phone the consumer". Default PT48H. */
    public String getBookingEscalation() {
        return bookingEscalation;
    }

    public void setBookingEscalation(String bookingEscalation) {
        this.bookingEscalation = bookingEscalation;
    }

    /** "Phone the consumer" still open this long: ALERT. Default PT4H. */
    public String getContactSla() {
        return contactSla;
    }

    public void setContactSla(String contactSla) {
        this.contactSla = contactSla;
    }

    /** Not completed this long before the promised-by date: SEVERE. Default P1D. */
    public String getPromisedByMargin() {
        return promisedByMargin;
    }

    public void setPromisedByMargin(String promisedByMargin) {
        this.promisedByMargin = promisedByMargin;
    }

    /** Goods must have arrived this long before the booked window, else rebooking. Default P1D. */
    public String getGoodsCutoff() {
        return goodsCutoff;
    }

    public void setGoodsCutoff(String goodsCutoff) {
        this.goodsCutoff = goodsCutoff;
    }

    /** How long a provider has to answer an offer. Default PT2H. */
    public String getOfferExpiry() {
        return offerExpiry;
    }

    public void setOfferExpiry(String offerExpiry) {
        this.offerExpiry = offerExpiry;
    }

    /** How long the consumer has to rate before the order counts as unrated. Default PT72H. */
    public String getRatingTimeout() {
        return ratingTimeout;
    }

    public void setRatingTimeout(String ratingTimeout) {
        this.ratingTimeout = ratingTimeout;
    }

    /** Time from completion to the return visit call. Default P7D. */
    public String getReturnVisitDelay() {
        return returnVisitDelay;
    }

    public void setReturnVisitDelay(String returnVisitDelay) {
        this.returnVisitDelay = returnVisitDelay;
    }

    /**
     * The zone of a process that carries none (instances started before processes carried their region's zone).
     * Each order's own zone is the process variable {@code zone}. Default Asia/Shanghai.
     */
    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }
}
