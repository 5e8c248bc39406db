package dev.shifu.planner.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import dev.shifu.planner.travel.TravelTable;

/**
 * The planning solution: the installer shifts of one region over a horizon of one or more days, and
 * the jobs to plan. Build it with {@code dev.shifu.planner.solver.ScheduleBuilder}.
 * <p>
 * {@link #getJobs()} holds only jobs the solver may move; pinned jobs live in their shift's pinned
 * prefix. {@link #getShifts()} includes the unassigned bucket.
 */
@PlanningSolution
public class Schedule {

    private String name;
    @ProblemFactProperty
    private TravelTable travelTable;
    @ConstraintConfigurationProvider
    private ScheduleWeights weights;
    @PlanningEntityCollectionProperty
    private List<Shift> shifts;
    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<Job> jobs;
    /** Daily capacity per provider and service type; empty means unlimited. */
    @ProblemFactCollectionProperty
    private List<ProviderCapacity> providerCapacities = new ArrayList<>();
    @PlanningScore
    private HardMediumSoftLongScore score;

    public Schedule() {
    }

    public Schedule(String name, TravelTable travelTable, ScheduleWeights weights, List<Shift> shifts,
            List<Job> jobs) {
        this.name = name;
        this.travelTable = travelTable;
        this.weights = weights;
        this.shifts = shifts;
        this.jobs = jobs;
    }

    public Shift getUnassignedBucket() {
        return shifts.stream().filter(Shift::isUnassignedBucket).findFirst()
                .orElseThrow(() -> new IllegalStateException("Schedule has no unassigned bucket"));
    }

    public Optional<Shift> findShift(String shiftId) {
        return shifts.stream().filter(s -> s.getId().equals(shiftId)).findFirst();
    }

    /** Finds a job by id, planned or pinned. */
    public Optional<Job> findJob(String jobId) {
        for (Job job : jobs) {
            if (job.getId().equals(jobId)) {
                return Optional.of(job);
            }
        }
        for (Shift shift : shifts) {
            for (Job job : shift.getPinnedJobs()) {
                if (job.getId().equals(jobId)) {
                    return Optional.of(job);
                }
            }
        }
        return Optional.empty();
    }

    /** Real shifts only (no unassigned bucket). */
    public List<Shift> getRealShifts() {
        return shifts.stream().filter(s -> !s.isUnassignedBucket()).toList();
    }

    /** Jobs planned or pinned on a real shift; jobs in the bucket are excluded. */
    public List<Job> getAssignedJobs() {
        List<Job> result = new ArrayList<>();
        for (Shift shift : getRealShifts()) {
            result.addAll(shift.getPinnedJobs());
            result.addAll(shift.getJobs());
        }
        return result;
    }

    public List<Job> getUnassignedJobs() {
        return List.copyOf(getUnassignedBucket().getJobs());
    }

    public long getTotalTravelSeconds() {
        return getRealShifts().stream().mapToLong(Shift::getTotalTravelSeconds).sum();
    }

    public long getTotalTravelMeters() {
        return getRealShifts().stream().mapToLong(Shift::getTotalTravelMeters).sum();
    }

    public String getName() {
        return name;
    }

    public TravelTable getTravelTable() {
        return travelTable;
    }

    public ScheduleWeights getWeights() {
        return weights;
    }

    public void setWeights(ScheduleWeights weights) {
        this.weights = weights;
    }

    public List<Shift> getShifts() {
        return shifts;
    }

    public List<Job> getJobs() {
        return jobs;
    }

    public List<ProviderCapacity> getProviderCapacities() {
        return providerCapacities;
    }

    public void setProviderCapacities(List<ProviderCapacity> providerCapacities) {
        this.providerCapacities = providerCapacities;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
