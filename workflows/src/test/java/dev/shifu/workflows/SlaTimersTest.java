package dev.shifu.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

class SlaTimersTest {

    private final SlaTimers timers = new SlaTimers();

    @Test
    void defaultsMatchTheServiceLevels() {
        assertThat(timers.getBookingReminder()).isEqualTo("PT24H");
        assertThat(timers.getBookingEscalation()).isEqualTo("PT48H");
        assertThat(timers.getContactSla()).isEqualTo("PT4H");
        assertThat(timers.getOfferExpiry()).isEqualTo("PT2H");
        assertThat(timers.getRatingTimeout()).isEqualTo("PT72H");
        assertThat(timers.getReturnVisitDelay()).isEqualTo("P7D");
    }

    @Test
    void thePromisedByDateIsAtRiskOneDayBeforeByDefault() {
        Date promisedBy = Date.from(Instant.parse("2025-05-10T08:00:00Z"));

        assertThat(timers.promisedByRiskAt(promisedBy)).isEqualTo(Date.from(Instant.parse("2025-05-09T08:00:00Z")));
    }

    @Test
    void theRiskMarginIsConfigurableInHoursToo() {
        timers.setPromisedByMargin("PT6H");
        Date promisedBy = Date.from(Instant.parse("2025-05-10T08:00:00Z"));

        assertThat(timers.promisedByRiskAt(promisedBy)).isEqualTo(Date.from(Instant.parse("2025-05-10T02:00:00Z")));
    }

    @Test
    void withoutPromisedByDateTheRiskIsNeverReached() {
        assertThat(timers.promisedByRiskAt(null)).isEqualTo(Date.from(SlaTimers.NEVER));
    }

    @Test
    void goodsAreLateOneDayBeforeTheBookedWindowByDefault() {
        Date booked = Date.from(Instant.parse("2025-05-10T06:00:00Z"));

        assertThat(timers.goodsLateAt(booked)).isEqualTo(Date.from(Instant.parse("2025-05-09T06:00:00Z")));
    }

    @Test
    void theOrderGoesInServiceAtMidnightOfTheBookedDayInTheConfiguredZone() {
        // 2025-05-10 09:00 in Shanghai
        Date booked = Date.from(Instant.parse("2025-05-10T01:00:00Z"));

        assertThat(timers.inServiceAt(booked)).isEqualTo(Date.from(Instant.parse("2025-05-09T16:00:00Z")));

        timers.setZone("UTC");
        assertThat(timers.inServiceAt(booked)).isEqualTo(Date.from(Instant.parse("2025-05-10T00:00:00Z")));
    }

    @Test
    void datesThatNeedTheBookedDateRefuseAMissingOne() {
        assertThatThrownBy(() -> timers.goodsLateAt(null)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("bookedDate");
    }

    @Test
    void monthsAreRejectedBecauseTheyHaveNoFixedLength() {
        timers.setGoodsCutoff("P1M");

        assertThatThrownBy(() -> timers.goodsLateAt(new Date())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOrdersOwnZoneDecidesTheInstallationDayWhateverTheDefault() {
        // 2025-05-10 00:00 in Berlin (summer time) is 2025-05-10 06:00 in Shanghai
        Date booked = Date.from(Instant.parse("2025-05-09T22:00:00Z"));

        assertThat(timers.inServiceAt(booked, "Europe/Berlin")).isEqualTo(booked);
        assertThat(timers.inServiceAt(booked, null)).as("the default zone's midnight")
            .isEqualTo(Date.from(Instant.parse("2025-05-09T16:00:00Z")));
    }

    @Test
    void daysBeforeADateAreCalendarDaysOfTheOrdersZone() {
        // Berlin moves to summer time on 2025-03-30: midnight of the 31st minus one day is 23 hours earlier
        Date booked = Date.from(Instant.parse("2025-03-30T22:00:00Z"));

        assertThat(timers.goodsLateAt(booked, "Europe/Berlin")).isEqualTo(Date.from(Instant.parse("2025-03-29T23:00:00Z")));
        assertThat(timers.promisedByRiskAt(booked, "Europe/Berlin")).isEqualTo(Date.from(Instant.parse("2025-03-29T23:00:00Z")));
        timers.setGoodsCutoff("PT6H");
        assertThat(timers.goodsLateAt(booked, "Europe/Berlin")).isEqualTo(Date.from(Instant.parse("2025-03-30T16:00:00Z")));
    }
}
