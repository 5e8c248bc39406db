package dev.shifu.planner.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.travel.EuclideanTravelTime;

/**
 * The greedy insertion's position check on its own, as the consumer's windows ask it: travel along x equals time
 * (scale 1), shifts start at 0 at base x = 0 and end at 10 000 unless stated, service takes 100.
 */
class RouteInsertionTest {

    private final Fixture f = new Fixture();

    @Test
    void aJobFitsAnEmptyDayAndCostsItsRoundTrip() {
        Shift shift = Fixture.route(f.shift("S"));
        Job job = f.job("J", 100).withWindow(0, 1000);

        RouteInsertion insertion = RouteInsertion.of(shift);

        assertThat(insertion.takes(job)).isTrue();
        assertThat(insertion.cost(0, job)).isEqualTo(200);
    }

    @Test
    void travelThatPushesALaterStopOutOfItsWindowDoesNotFitWhereANearerJobDoes() {
        // A at 200 must start by 400. J far the other way (-150) arrives at A at 600 when put first, and put after A
        // it starts at 650, after its own window.
        Job a = f.job("A", 200).withWindow(0, 400);
        Shift shift = Fixture.route(f.shift("S"), a);
        Job far = f.job("FAR", -150).withWindow(0, 500);
        Job near = f.job("NEAR", -10).withWindow(0, 500);

        RouteInsertion insertion = RouteInsertion.of(shift);

        assertThat(insertion.cost(0, far)).isEqualTo(RouteInsertion.LATE);
        assertThat(insertion.cost(1, far)).isEqualTo(RouteInsertion.LATE);
        assertThat(insertion.takes(far)).isFalse();
        assertThat(insertion.takes(near)).isTrue();
        assertThat(insertion.firstFit(near)).isZero();
    }

    @Test
    void aJobThatCannotStartWithinItsWindowDoesNotFit() {
        Shift shift = Fixture.route(f.shift("S"));

        RouteInsertion insertion = RouteInsertion.of(shift);

        assertThat(insertion.takes(f.job("EARLY", 100).withWindow(0, 50))).isFalse();
        assertThat(insertion.takes(f.job("ON_TIME", 100).withWindow(0, 200))).isTrue();
    }

    @Test
    void aJobThatBringsTheCrewHomeAfterTheShiftEndsDoesNotFit() {
        Shift shift = Fixture.route(new Shift("S", f.at("base", 0), Fixture.DAY, 0, 400).withInstallers(List.of("I")));
        Job home = f.job("HOME", 100); // back at 300
        Job late = f.job("LATE", 160); // back at 420

        RouteInsertion insertion = RouteInsertion.of(shift);

        assertThat(insertion.takes(home)).isTrue();
        assertThat(insertion.cost(0, late)).isEqualTo(RouteInsertion.OVERTIME);
        assertThat(insertion.takes(late)).isFalse();
    }

    @Test
    void aShiftWithoutTheSkillOrTheCrewTakesNothingWhereverThereIsTime() {
        Shift single = Fixture.route(f.shift("S1").withSkills(Set.of("door")).withCrewSize(1));
        Shift pair = Fixture.route(f.shift("S2").withSkills(Set.of("door", "gas")).withCrewSize(2));
        Job gas = f.job("GAS", 100).withSkills(Set.of("gas"));
        Job heavy = f.job("HEAVY", 100).withSkills(Set.of("door")).withCrewSize(2);

        assertThat(RouteInsertion.of(single).fits(gas, RouteInsertion.of(single).legs(gas.getLocation()))).isTrue();
        assertThat(RouteInsertion.of(single).takes(gas)).isFalse();
        assertThat(RouteInsertion.of(single).takes(heavy)).isFalse();
        assertThat(RouteInsertion.of(pair).takes(gas)).isTrue();
        assertThat(RouteInsertion.of(pair).takes(heavy)).isTrue();
    }

    @Test
    void aStopThatWaitsForItsWindowAbsorbsTheDetourSoTheRestOfTheRouteStandsAsItIs() {
        // A waits at 100 until its window opens at 1000; B, right after it, is already late (by 100): a job put
        // before A leaves both where they are, a job put between A and B makes B later still.
        Job a = f.job("A", 100).withWindow(1000, 1100);
        Job b = f.job("B", 200).withWindow(0, 1100);
        Shift shift = Fixture.route(f.shift("S"), a, b);
        Job job = f.job("J", 50);

        RouteInsertion insertion = RouteInsertion.of(shift);

        assertThat(insertion.cost(0, job)).isZero();
        assertThat(insertion.cost(1, job)).isEqualTo(RouteInsertion.LATE);
    }

    @Test
    void aRouteThePlanDoesNotHoldIsTimedWithTheTravelModel() {
        // Locations outside the plan's travel table: a held booking and the consumer's address.
        EuclideanTravelTime model = new EuclideanTravelTime(1);
        Shift shift = Fixture.route(f.shift("S"));
        Job held = new Job("HELD", Location.plane("HELD", 300, 0), 400).withWindow(0, 400);
        Job job = new Job("J", Location.plane("J", 300, 0), 100).withWindow(0, 500);

        RouteInsertion withHeld = RouteInsertion.of(shift, List.of(held), model);

        // Before HELD: J 300-400, HELD at 400 is on time, done 800; after it J would start at 700.
        assertThat(withHeld.cost(0, job, withHeld.legs(job.getLocation()))).isZero();
        assertThat(withHeld.cost(1, job, withHeld.legs(job.getLocation()))).isEqualTo(RouteInsertion.LATE);
        assertThat(withHeld.takes(job)).isTrue();
    }
}
