package dev.shifu.planner.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.ProviderCapacity;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.ScheduleWeights;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.travel.TravelTable;
import dev.shifu.planner.travel.TravelTime;

/**
 * Assembles a {@link Schedule}: registers every location in one precomputed {@link TravelTable},
 * adds the unassigned bucket, and places pinned jobs (already started, or locked by a dispatcher) at
 * the head of their shift.
 *
 * <pre>{@code
 * Schedule schedule = new ScheduleBuilder("hz-west 2026-11-23", HaversineTravelTime.cityDefault())
 *         .shift(new Shift("S1", base, day, Times.of(day.atTime(8, 0)), Times.of(day.atTime(18, 0)))
 *                 .withInstallers(List.of("I1")).withSkills(Set.of("ac")))
 *         .job(new Job("J1", where, 3600).withSkills(Set.of("ac")).withWindow(from, to))
 *         .pinnedJob("S1", new Job("J0", there, 1800))   // already started
 *         .build();
 * }</pre>
 */
public final class ScheduleBuilder {

    private final String name;
    private final TravelTime travelTime;
    private ScheduleWeights weights = new ScheduleWeights();
    private final Map<String, Shift> shifts = new LinkedHashMap<>();
    private final List<Job> jobs = new ArrayList<>();
    private final Map<String, List<Job>> pinned = new LinkedHashMap<>();
    private final Map<String, List<Job>> initialRoutes = new LinkedHashMap<>();
    private final List<ProviderCapacity> capacities = new ArrayList<>();

    public ScheduleBuilder(String name, TravelTime travelTime) {
        this.name = name;
        this.travelTime = travelTime;
    }

    public ScheduleBuilder weights(ScheduleWeights weights) {
        this.weights = weights;
        return this;
    }

    public ScheduleBuilder shift(Shift shift) {
        if (shifts.putIfAbsent(shift.getId(), shift) != null) {
            throw new IllegalArgumentException("Duplicate shift " + shift.getId());
        }
        return this;
    }

    public ScheduleBuilder shifts(List<Shift> list) {
        list.forEach(this::shift);
        return this;
    }

    /** A provider's daily capacity for one service type (hard constraint "Provider daily capacity"). */
    public ScheduleBuilder capacity(ProviderCapacity capacity) {
        capacities.add(capacity);
        return this;
    }

    public ScheduleBuilder capacities(List<ProviderCapacity> list) {
        capacities.addAll(list);
        return this;
    }

    /** A job for the solver to plan. */
    public ScheduleBuilder job(Job job) {
        jobs.add(job);
        return this;
    }

    public ScheduleBuilder jobs(List<Job> list) {
        jobs.addAll(list);
        return this;
    }

    /** A job fixed at the head of a shift's route, in call order; the solver never moves it. */
    public ScheduleBuilder pinnedJob(String shiftId, Job job) {
        pinned.computeIfAbsent(shiftId, id -> new ArrayList<>()).add(job);
        return this;
    }

    /**
     * Starts a planned job on a given shift (e.g. yesterday's plan) instead of leaving it to the
     * construction heuristic. The solver may still move it.
     */
    public ScheduleBuilder initialAssignment(String shiftId, Job job) {
        jobs.add(job);
        initialRoutes.computeIfAbsent(shiftId, id -> new ArrayList<>()).add(job);
        return this;
    }

    public Schedule build() {
        TravelTable table = new TravelTable(travelTime);
        List<Location> locations = new ArrayList<>();
        for (Shift shift : shifts.values()) {
            locations.add(shift.getBase());
        }
        jobs.forEach(job -> locations.add(job.getLocation()));
        pinned.values().forEach(list -> list.forEach(job -> locations.add(job.getLocation())));
        table.registerAll(locations.stream().filter(l -> l.table() == null).distinct().toList());

        List<Shift> shiftList = new ArrayList<>(shifts.values());
        pinned.forEach((shiftId, list) -> {
            Shift shift = requireShift(shiftId);
            shift.getPinnedJobs().addAll(list);
        });
        shiftList.forEach(Shift::refreshPinnedPrefix);
        initialRoutes.forEach((shiftId, list) -> requireShift(shiftId).getJobs().addAll(list));
        shiftList.forEach(Shift::updateRouteShadows);
        shiftList.add(Shift.unassignedBucket());
        Schedule schedule = new Schedule(name, table, weights, shiftList, new ArrayList<>(jobs));
        schedule.setProviderCapacities(new ArrayList<>(capacities));
        return schedule;
    }

    private Shift requireShift(String shiftId) {
        Shift shift = shifts.get(shiftId);
        if (shift == null) {
            throw new IllegalArgumentException("Unknown shift " + shiftId);
        }
        return shift;
    }
}
