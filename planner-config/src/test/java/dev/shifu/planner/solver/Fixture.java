package dev.shifu.planner.solver;

import java.time.LocalDate;
import java.util.List;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.travel.EuclideanTravelTime;
import dev.shifu.planner.travel.TravelTable;

/**
 * Small hand-made problems on a line: travel time equals the distance along x (scale 1), shifts
 * start at time 0 at base (0, 0), so expected penalties can be worked out by hand.
 */
final class Fixture {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    final TravelTable table = new TravelTable(new EuclideanTravelTime(1));

    Location at(String id, double x) {
        Location location = Location.plane(id, x, 0);
        table.register(location);
        return location;
    }

    /** A shift from time 0 to 10 000 at base x = 0. */
    Shift shift(String id) {
        return new Shift(id, at(id + "-base", 0), DAY, 0, 10_000).withInstallers(List.of("I-" + id));
    }

    /** A job at x with 100 time units of service and no window. */
    Job job(String id, double x) {
        return new Job(id, at(id, x), 100);
    }

    /** Puts the jobs on the shift in order and sets their shadow variables, as the solver would. */
    static Shift route(Shift shift, Job... jobs) {
        shift.getJobs().addAll(List.of(jobs));
        shift.updateRouteShadows();
        return shift;
    }
}
