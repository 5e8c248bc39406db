package dev.shifu.planner.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.shifu.planner.domain.Location;

class TravelTableTest {

    @Test
    void precomputesBothDirectionsAndKeepsThemWhenGrowing() {
        TravelTable table = new TravelTable(new EuclideanTravelTime(10));
        List<Location> locations = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Location location = Location.plane("L" + i, i, 0);
            locations.add(location);
            table.register(location); // grows several times
        }

        assertThat(table.size()).isEqualTo(100);
        assertThat(locations.get(3).travelSecondsTo(locations.get(97))).isEqualTo(940);
        assertThat(locations.get(97).travelSecondsTo(locations.get(3))).isEqualTo(940);
        assertThat(locations.get(50).travelSecondsTo(locations.get(50))).isZero();
    }

    @Test
    void registeringTwiceIsHarmless() {
        TravelTable table = new TravelTable(new EuclideanTravelTime(1));
        Location a = Location.plane("A", 0, 0);
        table.register(a);
        table.register(a);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void euclideanRoundsUpSoScaledTimesAreNeverOptimistic() {
        EuclideanTravelTime euclid = new EuclideanTravelTime(10);
        // sqrt(2) * 10 = 14.14..., rounded up
        assertThat(euclid.seconds(Location.plane("A", 0, 0), Location.plane("B", 1, 1))).isEqualTo(15);
    }

    @Test
    void haversineDrivesTheRoadDistanceAtTheAverageSpeed() {
        HaversineTravelTime haversine = new HaversineTravelTime(1.0, 36.0); // 10 m/s
        Location a = new Location("A", 30.0, 120.0);
        Location b = new Location("B", 30.01, 120.0); // about 1 112 m north

        assertThat(haversine.meters(a, b)).isBetween(1100L, 1120L);
        assertThat(haversine.seconds(a, b)).isBetween(110L, 112L);
    }

    @Test
    void matrixUsesItsValuesAndFallsBackForUnknownLocations() {
        MatrixTravelTime matrix = new MatrixTravelTime(List.of("A", "B"),
                new long[][] {{0, 300}, {320, 0}}, new long[][] {{0, 2000}, {2100, 0}}, new EuclideanTravelTime(1));
        Location a = Location.plane("A", 0, 0);
        Location b = Location.plane("B", 1, 0);
        Location c = Location.plane("C", 0, 7);

        assertThat(matrix.seconds(b, a)).isEqualTo(320);
        assertThat(matrix.meters(a, b)).isEqualTo(2000);
        assertThat(matrix.seconds(a, c)).isEqualTo(7);
    }
}
