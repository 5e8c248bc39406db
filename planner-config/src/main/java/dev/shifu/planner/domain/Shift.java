package dev.shifu.planner.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningListVariable;

/**
 * One installer, or a two-person crew, working one day: the planning entity. The solver orders
 * {@link #getJobs()}; {@link #getPinnedJobs()} is a fixed prefix of the route (jobs already started or
 * locked by a dispatcher) that the solver never touches.
 * <p>
 * Why a separate prefix: OptaPlanner 10.1 has neither {@code @PlanningPinToIndex} nor pinning for
 * list variables, so pinned jobs are simply not planning values. The planned route starts where the
 * prefix ends ({@link #getRouteStartLocation()}, {@link #getRouteStartTime()}).
 * <p>
 * One special shift per schedule is the {@linkplain #unassignedBucket() unassigned bucket}: OptaPlanner
 * 10.1 list variables must assign every value, so a job parked there counts as unassigned (a medium
 * penalty) and every other constraint ignores the bucket.
 */
@PlanningEntity
public class Shift {

    public static final String UNASSIGNED_ID = "UNASSIGNED";

    @PlanningId
    private String id;
    private List<String> installerIds = List.of();
    private String providerId;
    private Set<String> skills = Set.of();
    /** Certificate expiry date per skill (e.g. electrical, gas); valid through that date. */
    private Map<String, LocalDate> certificateExpiry = Map.of();
    private int crewSize = 1;
    private Location base;
    private LocalDate date;
    private long startTime;
    private long endTime;
    private int capacity = Integer.MAX_VALUE;
    /** Average customer rating, 0.0 to 5.0. */
    private double rating = 5.0;
    private boolean onLeave;
    private boolean unassignedBucket;

    private List<Job> pinnedJobs = new ArrayList<>();

    @PlanningListVariable
    private List<Job> jobs = new ArrayList<>();

    // Derived from the pinned prefix by refreshPinnedPrefix().
    private Location routeStartLocation;
    private long routeStartTime;
    private int pinnedDemand;
    private long pinnedTravelSeconds;
    private long pinnedTravelMeters;
    private long pinnedServiceSeconds;

    public Shift() {
    }

    public Shift(String id, Location base, LocalDate date, long startTime, long endTime) {
        this.id = Objects.requireNonNull(id);
        this.base = Objects.requireNonNull(base);
        this.date = Objects.requireNonNull(date);
        this.startTime = startTime;
        this.endTime = endTime;
        refreshPinnedPrefix();
    }

    public static Shift unassignedBucket() {
        Shift bucket = new Shift();
        bucket.id = UNASSIGNED_ID;
        bucket.unassignedBucket = true;
        return bucket;
    }

    // ----- chainable problem properties -----

    public Shift withInstallers(List<String> installerIds) {
        this.installerIds = List.copyOf(installerIds);
        return this;
    }

    public Shift withProvider(String providerId) {
        this.providerId = providerId;
        return this;
    }

    public Shift withSkills(Set<String> skills) {
        this.skills = Set.copyOf(skills);
        return this;
    }

    public Shift withCertificates(Map<String, LocalDate> certificateExpiry) {
        this.certificateExpiry = Map.copyOf(certificateExpiry);
        return this;
    }

    public Shift withCrewSize(int crewSize) {
        this.crewSize = crewSize;
        return this;
    }

    public Shift withCapacity(int capacity) {
        this.capacity = capacity;
        return this;
    }

    public Shift withRating(double rating) {
        this.rating = rating;
        return this;
    }

    public Shift withOnLeave(boolean onLeave) {
        this.onLeave = onLeave;
        return this;
    }

    // ----- pinned prefix -----

    /**
     * Recomputes the times of the pinned jobs (from the base at the shift start) and where and when
     * the planned part of the route starts. Call after changing {@link #getPinnedJobs()}.
     */
    public void refreshPinnedPrefix() {
        RouteClock clock = RouteClock.leaving(base, startTime);
        int demand = 0;
        long travel = 0;
        long meters = 0;
        long service = 0;
        Job previous = null;
        for (Job job : pinnedJobs) {
            Location from = clock.location();
            clock.visit(job);
            link(job, previous);
            job.setArrivalTime(clock.arrival());
            job.setStartTime(clock.start());
            travel += from.travelSecondsTo(job.getLocation());
            meters += from.travelMetersTo(job.getLocation());
            service += job.getServiceSeconds();
            demand += job.getDemand();
            previous = job;
        }
        routeStartLocation = clock.location();
        routeStartTime = clock.departure();
        pinnedDemand = demand;
        pinnedTravelSeconds = travel;
        pinnedTravelMeters = meters;
        pinnedServiceSeconds = service;
    }

    private void link(Job job, Job previous) {
        job.setShift(this);
        job.setPrevious(previous);
        job.setNext(null);
        if (previous != null) {
            previous.setNext(job);
        }
    }

    /**
     * Sets the shadow variables of the planned jobs from the list, outside the solver: for tests
     * (ConstraintVerifier runs no variable listeners) and for a plan loaded from storage.
     */
    public void updateRouteShadows() {
        Job previous = null;
        RouteClock clock = unassignedBucket ? null : RouteClock.leaving(routeStartLocation, routeStartTime);
        for (Job job : jobs) {
            link(job, previous);
            if (clock == null) {
                job.setArrivalTime(null);
                job.setStartTime(null);
            } else {
                clock.visit(job);
                job.setArrivalTime(clock.arrival());
                job.setStartTime(clock.start());
            }
            previous = job;
        }
    }

    // ----- derived values used by constraints -----

    public boolean isUsed() {
        return !jobs.isEmpty() || !pinnedJobs.isEmpty();
    }

    public int getTotalDemand() {
        int total = pinnedDemand;
        for (Job job : jobs) {
            total += job.getDemand();
        }
        return total;
    }

    /** The last job of the route (planned or pinned), or null for an empty route. */
    public Job getLastJob() {
        if (!jobs.isEmpty()) {
            return jobs.get(jobs.size() - 1);
        }
        return pinnedJobs.isEmpty() ? null : pinnedJobs.get(pinnedJobs.size() - 1);
    }

    /** Driving time of the whole route, pinned prefix and return to base included. */
    public long getTotalTravelSeconds() {
        long total = pinnedTravelSeconds;
        Location location = routeStartLocation;
        for (Job job : jobs) {
            total += location.travelSecondsTo(job.getLocation());
            location = job.getLocation();
        }
        return total + location.travelSecondsTo(base);
    }

    /** Driving distance of the whole route, pinned prefix and return to base included. */
    public long getTotalTravelMeters() {
        long total = pinnedTravelMeters;
        Location location = routeStartLocation;
        for (Job job : jobs) {
            total += location.travelMetersTo(job.getLocation());
            location = job.getLocation();
        }
        return total + location.travelMetersTo(base);
    }

    /** When the crew is back at base; null while a planned job has no times yet. */
    public Long getBackAtBaseTime() {
        if (jobs.isEmpty()) {
            return RouteClock.leaving(routeStartLocation, routeStartTime).backAt(base);
        }
        Job last = jobs.get(jobs.size() - 1);
        Long departure = last.getDepartureTime();
        return departure == null ? null : RouteClock.leaving(last.getLocation(), departure).backAt(base);
    }

    public long getOvertimeSeconds() {
        Long back = getBackAtBaseTime();
        return back == null ? 0 : overtimeIfBackAt(back);
    }

    /** Overtime of a crew back at base at that time: the rule of "Back at base by shift end". */
    public long overtimeIfBackAt(long backAtBase) {
        return Math.max(0, backAtBase - endTime);
    }

    /** Load over the vehicle capacity with extra demand on board: the rule of "Vehicle capacity". */
    public int capacityExcessWith(int extraDemand) {
        return Math.max(0, getTotalDemand() + extraDemand - capacity);
    }

    public long getWorkSeconds() {
        long total = pinnedServiceSeconds;
        for (Job job : jobs) {
            total += job.getServiceSeconds();
        }
        return total;
    }

    /** Jobs of the service type on this route, pinned prefix included (for the provider's daily capacity). */
    public int countJobsOfServiceType(String serviceType) {
        int count = 0;
        for (Job job : pinnedJobs) {
            if (serviceType.equals(job.getServiceType())) {
                count++;
            }
        }
        for (Job job : jobs) {
            if (serviceType.equals(job.getServiceType())) {
                count++;
            }
        }
        return count;
    }

    public boolean hasAllSkills(Set<String> required) {
        return skills.containsAll(required);
    }

    public int countMissingSkills(Set<String> required) {
        int missing = 0;
        for (String skill : required) {
            if (!skills.contains(skill)) {
                missing++;
            }
        }
        return missing;
    }

    /** Required certificates this shift lacks, or holds expired on the shift date. */
    public int countInvalidCertificates(Set<String> required) {
        int invalid = 0;
        for (String certificate : required) {
            LocalDate expiry = certificateExpiry.get(certificate);
            if (expiry == null || expiry.isBefore(date)) {
                invalid++;
            }
        }
        return invalid;
    }

    public boolean hasInstaller(String installerId) {
        return installerIds.contains(installerId);
    }

    /** Rating in tenths (0 to 50), so constraint weights stay integers. */
    public int getRatingTenths() {
        return (int) Math.round(rating * 10);
    }

    // ----- getters and setters -----

    public String getId() {
        return id;
    }

    public List<String> getInstallerIds() {
        return installerIds;
    }

    public String getProviderId() {
        return providerId;
    }

    public Set<String> getSkills() {
        return skills;
    }

    public Map<String, LocalDate> getCertificateExpiry() {
        return certificateExpiry;
    }

    public int getCrewSize() {
        return crewSize;
    }

    public Location getBase() {
        return base;
    }

    public LocalDate getDate() {
        return date;
    }

    public long getStartTime() {
        return startTime;
    }

    public long getEndTime() {
        return endTime;
    }

    public int getCapacity() {
        return capacity;
    }

    public double getRating() {
        return rating;
    }

    public boolean isOnLeave() {
        return onLeave;
    }

    public void setOnLeave(boolean onLeave) {
        this.onLeave = onLeave;
    }

    /**
     * Ends the shift no later than {@code end} (a locked day, an installer who stops early); never
     * extends it. Inside a problem change, announce it as a problem property change.
     */
    public void endNoLaterThan(long end) {
        this.endTime = Math.min(this.endTime, end);
    }

    public boolean isUnassignedBucket() {
        return unassignedBucket;
    }

    public List<Job> getPinnedJobs() {
        return pinnedJobs;
    }

    public void setPinnedJobs(List<Job> pinnedJobs) {
        this.pinnedJobs = pinnedJobs;
    }

    public List<Job> getJobs() {
        return jobs;
    }

    public void setJobs(List<Job> jobs) {
        this.jobs = jobs;
    }

    public Location getRouteStartLocation() {
        return routeStartLocation;
    }

    public long getRouteStartTime() {
        return routeStartTime;
    }

    public long getPinnedTravelSeconds() {
        return pinnedTravelSeconds;
    }

    @Override
    public String toString() {
        return id;
    }
}
