package dev.shifu.planner.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SolomonInstanceTest {

    static final List<String> TINY = List.of(
            "TINY1", "",
            "VEHICLE",
            "NUMBER     CAPACITY",
            "  3         20", "",
            "CUSTOMER",
            "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME", " ",
            "    0      0          0          0          0       1000          0",
            "    1      3          4         10          0        100         10",
            "    2      6          8         10         50        200         10",
            "    3      0         10         15          0         30          5");

    @Test
    void parsesHeaderFleetAndCustomersWithDepotFirst() {
        SolomonInstance instance = SolomonInstance.parse(TINY);

        assertThat(instance.name()).isEqualTo("TINY1");
        assertThat(instance.vehicleCount()).isEqualTo(3);
        assertThat(instance.capacity()).isEqualTo(20);
        assertThat(instance.customers()).hasSize(4);
        assertThat(instance.depot().dueDate()).isEqualTo(1000);
        assertThat(instance.customers().get(2))
                .isEqualTo(new SolomonInstance.Customer(2, 6, 8, 10, 50, 200, 10));
    }

    @Test
    void rejectsTextWithoutVehicleSection() {
        assertThatThrownBy(() -> SolomonInstance.parse(List.of("X", "CUSTOMER", "0 0 0 0 0 10 0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkerMeasuresExactDistanceAndFindsViolations() {
        SolomonInstance instance = SolomonInstance.parse(TINY);

        // 0 -> 1 (5) -> 2 (5) -> 0 (10) and 0 -> 3 (10) -> 0 (10)
        SolomonModel.Check ok = SolomonModel.check(instance, List.of(List.of(1, 2), List.of(3)));
        assertThat(ok.feasible()).isTrue();
        assertThat(ok.vehicles()).isEqualTo(2);
        assertThat(ok.distance()).isEqualTo(40.0);

        // Customer 3 after 1 and 2: arrives after its due date 30, and the load 35 exceeds 20.
        SolomonModel.Check bad = SolomonModel.check(instance, List.of(List.of(1, 2, 3)));
        assertThat(bad.feasible()).isFalse();
        assertThat(bad.violations()).anyMatch(v -> v.contains("customer 3"))
                .anyMatch(v -> v.contains("capacity"));
    }

    @Test
    void modelGivesOneShiftPerVehicleAndOneJobPerCustomer() {
        SolomonInstance instance = SolomonInstance.parse(TINY);

        var schedule = SolomonModel.toSchedule(instance, SolomonModel.Objective.HIERARCHICAL);

        assertThat(schedule.getRealShifts()).hasSize(3)
                .allSatisfy(s -> assertThat(s.getCapacity()).isEqualTo(20));
        assertThat(schedule.getJobs()).extracting(j -> j.getId()).containsExactly("1", "2", "3");
        assertThat(schedule.getJobs().get(1).getWindowStart()).isEqualTo(50 * SolomonModel.SCALE);
        assertThat(schedule.getWeights().getShiftUsed().softScore()).isEqualTo(SolomonModel.VEHICLE_COST);
    }
}
