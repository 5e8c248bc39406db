package dev.shifu.planner.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShiftTest {

    private static final long EIGHT = 8 * 3600, ELEVEN = 11 * 3600, SIX_PM = 18 * 3600;

    private static Shift eightToSix() {
        return new Shift("S1", new Location("base", 30.27, 120.15), LocalDate.of(2026, 12, 2), EIGHT, SIX_PM);
    }

    @Test
    void anInstallerWhoStopsEarlyEndsTheShiftThereAndOvertimeCountsFromThen() {
        Shift shift = eightToSix();

        shift.endNoLaterThan(ELEVEN);

        assertThat(shift.getEndTime()).isEqualTo(ELEVEN);
        assertThat(shift.overtimeIfBackAt(ELEVEN + 600)).isEqualTo(600);
    }

    @Test
    void aLaterEndNeverExtendsTheShift() {
        Shift shift = eightToSix();
        shift.endNoLaterThan(ELEVEN);

        shift.endNoLaterThan(SIX_PM);

        assertThat(shift.getEndTime()).isEqualTo(ELEVEN);
    }

}
