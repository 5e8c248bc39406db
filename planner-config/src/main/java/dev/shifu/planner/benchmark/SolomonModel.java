package dev.shifu.planner.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shifu.planner.benchmark.SolomonInstance.Customer;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.ScheduleWeights;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.solver.ScheduleBuilder;
import dev.shifu.planner.travel.EuclideanTravelTime;

/**
 * Maps a Solomon instance onto the production model: one shift per vehicle based at the depot,
 * from the depot ready time to its due date; one job per customer with its window, service time and
 * demand. Times are scaled by {@link #SCALE} and travel rounded up, so the model is never more
 * lenient than the exact semantics. Also reads routes back and measures them exactly.
 */
public final class SolomonModel {

    /** Model time units per Solomon time unit. */
    public static final long SCALE = 10_000;
    /** Hierarchical objective: one vehicle costs more than any total distance of these instances. */
    public static final long VEHICLE_COST = 100_000 * SCALE;

    /**
     * Hierarchical objective, first stage: reward per squared route length (2 distance units), which
     * guides the search to empty short routes; switched off for the final stage.
     */
    public static final long CONSOLIDATION_REWARD = 2 * SCALE;

    /**
     * Hierarchical objective, first stage (fleet minimisation, as in SISR): a job left in the unassigned
     * bucket costs a tenth of a vehicle instead of a medium penalty, so emptying a route of a few jobs
     * pays, and ruin and recreate (centred on waiting jobs) then fits them into the remaining routes.
     * The final stage makes unassigned jobs a medium penalty again.
     */
    public static final long ABSENCE_COST = VEHICLE_COST / 10;

    public enum Objective {
        HIERARCHICAL, DISTANCE;

        public long vehicleCost() {
            return this == HIERARCHICAL ? VEHICLE_COST : 0;
        }
    }

    private SolomonModel() {
    }

    public static Schedule toSchedule(SolomonInstance instance, Objective objective) {
        ScheduleBuilder builder = new ScheduleBuilder(instance.name(), new EuclideanTravelTime(SCALE))
                .weights(ScheduleWeights.solomon(objective.vehicleCost()));
        Customer depot = instance.depot();
        Location depotLocation = Location.plane("0", depot.x(), depot.y());
        LocalDate day = LocalDate.EPOCH;
        for (int v = 1; v <= instance.vehicleCount(); v++) {
            builder.shift(new Shift("V" + v, depotLocation, day, depot.readyTime() * SCALE, depot.dueDate() * SCALE)
                    .withCapacity(instance.capacity()));
        }
        for (Customer c : instance.customers().subList(1, instance.customers().size())) {
            builder.job(new Job(String.valueOf(c.id()), Location.plane(String.valueOf(c.id()), c.x(), c.y()),
                    c.serviceTime() * SCALE)
                    .withWindow(c.readyTime() * SCALE, c.dueDate() * SCALE)
                    .withDemand(c.demand()));
        }
        return builder.build();
    }

    /** Non-empty routes as customer ids in visiting order. */
    public static List<List<Integer>> routes(Schedule schedule) {
        List<List<Integer>> routes = new ArrayList<>();
        for (Shift shift : schedule.getRealShifts()) {
            if (!shift.getJobs().isEmpty()) {
                routes.add(shift.getJobs().stream().map(j -> Integer.parseInt(j.getId())).toList());
            }
        }
        return routes;
    }

    /** Exact measurement of routes against the Solomon semantics, independent of the solver model. */
    public record Check(int vehicles, double distance, double truncatedDistance, int served, List<String> violations) {
        public boolean feasible() {
            return violations.isEmpty();
        }
    }

    public static Check check(SolomonInstance instance, List<List<Integer>> routes) {
        Map<Integer, Customer> byId = new HashMap<>();
        instance.customers().forEach(c -> byId.put(c.id(), c));
        Customer depot = instance.depot();
        List<String> violations = new ArrayList<>();
        double distance = 0;
        double truncated = 0;
        int served = 0;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int r = 0; r < routes.size(); r++) {
            Customer at = depot;
            double time = depot.readyTime();
            int load = 0;
            for (int id : routes.get(r)) {
                Customer c = byId.get(id);
                if (c == null || id == 0 || !seen.add(id)) {
                    violations.add("route " + (r + 1) + ": bad or repeated customer " + id);
                    continue;
                }
                double d = dist(at, c);
                distance += d;
                truncated += Math.floor(d * 10) / 10;
                time = Math.max(time + d, c.readyTime());
                if (time > c.dueDate() + 1e-9) {
                    violations.add("route " + (r + 1) + ": customer " + id + " starts at " + time + " > due " + c.dueDate());
                }
                time += c.serviceTime();
                load += c.demand();
                at = c;
                served++;
            }
            double d = dist(at, depot);
            distance += d;
            truncated += Math.floor(d * 10) / 10;
            if (time + d > depot.dueDate() + 1e-9) {
                violations.add("route " + (r + 1) + ": back at depot at " + (time + d) + " > " + depot.dueDate());
            }
            if (load > instance.capacity()) {
                violations.add("route " + (r + 1) + ": load " + load + " > capacity " + instance.capacity());
            }
        }
        if (served != instance.customers().size() - 1) {
            violations.add("served " + served + " of " + (instance.customers().size() - 1) + " customers");
        }
        return new Check(routes.size(), distance, truncated, served, violations);
    }

    private static double dist(Customer a, Customer b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }
}
