package dev.shifu.planner.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.InverseRelationShadowVariable;
import org.optaplanner.core.api.domain.variable.NextElementShadowVariable;
import org.optaplanner.core.api.domain.variable.PiggybackShadowVariable;
import org.optaplanner.core.api.domain.variable.PreviousElementShadowVariable;
import org.optaplanner.core.api.domain.variable.ShadowVariable;

/**
 * One installation or repair visit: a planning value of {@link Shift#getJobs()}.
 * <p>
 * Problem properties are set once with the chainable {@code with...} methods. Times are model times
 * (see {@link Times}). The shadow variables (shift, previous, next, arrival, start) are maintained by
 * the solver; for jobs in a shift's pinned prefix they are set by {@link Shift#refreshPinnedPrefix()}.
 */
@PlanningEntity
public class Job {

    /** Added to a rework's priority weight: above the heaviest ordinary job (PLATINUM with SLA = 10). */
    public static final int REWORK_PRIORITY = 2 * MemberTier.PLATINUM.weight();

    @PlanningId
    private String id;
    private Location location;
    private long serviceSeconds;
    private Set<String> requiredSkills = Set.of();
    private Set<String> requiredCertificates = Set.of();
    private int crewSize = 1;
    /** The lowest installer rating the booking allows (a premium installer, 0.0 to 5.0); null when any will do. */
    private Double minInstallerRating;
    /** Service must start in [windowStart, windowEnd]; null means no window of its own. */
    private Long windowStart;
    private Long windowEnd;
    /** Goods arrive on this date: no visit on an earlier day. Null when nothing is shipped. */
    private LocalDate goodsArrivalDate;
    private MemberTier tier = MemberTier.NORMAL;
    /** SLA due or promised-by time: service should end by then. Null when none. */
    private Long slaDue;
    /** Provider that accepted the job; null means open to the whole installer network. */
    private String acceptedProviderId;
    /** Installer who did the original work (revisit, rework); null when any installer will do. */
    private String preferredInstallerId;
    /** Installer who should preferably not do it (rework after a complaint about their work); null when none. */
    private String avoidedInstallerId;
    /** A rework visit: planned before ordinary jobs and as early as its window allows. */
    private boolean rework;
    /** Service type (e.g. INSTALLATION), counted against the provider's daily capacity; null when not counted. */
    private String serviceType;
    private int demand;
    /**
     * What the installer reported (facts, not planning variables): when they arrived, started and finished. Null
     * until reported. {@link RouteClock} times the job by them, so the rest of the route follows the real day.
     */
    private Long actualArrival;
    private Long actualStart;
    private Long actualEnd;

    @InverseRelationShadowVariable(sourceVariableName = "jobs")
    private Shift shift;
    @PreviousElementShadowVariable(sourceVariableName = "jobs")
    private Job previous;
    @NextElementShadowVariable(sourceVariableName = "jobs")
    private Job next;
    @ShadowVariable(variableListenerClass = ArrivalTimeListener.class, sourceEntityClass = Shift.class,
            sourceVariableName = "jobs")
    private Long arrivalTime;
    @PiggybackShadowVariable(shadowVariableName = "arrivalTime")
    private Long startTime;

    public Job() {
    }

    public Job(String id, Location location, long serviceSeconds) {
        this.id = Objects.requireNonNull(id);
        this.location = Objects.requireNonNull(location);
        this.serviceSeconds = serviceSeconds;
    }

    // ----- chainable problem properties -----

    public Job withSkills(Set<String> skills) {
        this.requiredSkills = Set.copyOf(skills);
        return this;
    }

    public Job withCertificates(Set<String> certificates) {
        this.requiredCertificates = Set.copyOf(certificates);
        return this;
    }

    public Job withCrewSize(int crewSize) {
        this.crewSize = crewSize;
        return this;
    }

    public Job withMinInstallerRating(Double minInstallerRating) {
        this.minInstallerRating = minInstallerRating;
        return this;
    }

    public Job withWindow(long start, long end) {
        if (end < start) {
            throw new IllegalArgumentException("window end before start for job " + id);
        }
        this.windowStart = start;
        this.windowEnd = end;
        return this;
    }

    public Job withGoodsArrival(LocalDate date) {
        this.goodsArrivalDate = date;
        return this;
    }

    public Job withTier(MemberTier tier) {
        this.tier = Objects.requireNonNull(tier);
        return this;
    }

    public Job withSlaDue(Long slaDue) {
        this.slaDue = slaDue;
        return this;
    }

    public Job withAcceptedProvider(String providerId) {
        this.acceptedProviderId = providerId;
        return this;
    }

    public Job withPreferredInstaller(String installerId) {
        this.preferredInstallerId = installerId;
        return this;
    }

    public Job withAvoidedInstaller(String installerId) {
        this.avoidedInstallerId = installerId;
        return this;
    }

    public Job withRework(boolean rework) {
        this.rework = rework;
        return this;
    }

    public Job withServiceType(String serviceType) {
        this.serviceType = serviceType;
        return this;
    }

    public Job withDemand(int demand) {
        this.demand = demand;
        return this;
    }

    /**
     * Sets the reported times (null: not reported). Outside the solver directly; inside it only through
     * {@code dev.shifu.planner.change.ActualTimesChange}, which re-times the route.
     */
    public Job withActualTimes(Long arrival, Long start, Long end) {
        this.actualArrival = arrival;
        this.actualStart = start;
        this.actualEnd = end;
        return this;
    }

    public Long getActualArrival() {
        return actualArrival;
    }

    public Long getActualStart() {
        return actualStart;
    }

    public Long getActualEnd() {
        return actualEnd;
    }

    // ----- derived values used by constraints -----

    public boolean isAssigned() {
        return shift != null && !shift.isUnassignedBucket();
    }

    public boolean isUnassigned() {
        return shift != null && shift.isUnassignedBucket();
    }

    /** When the crew leaves: the reported finish, else start + service (as {@link RouteClock} times it). */
    public Long getDepartureTime() {
        if (startTime == null) {
            return null;
        }
        return actualEnd != null ? actualEnd : startTime + serviceSeconds;
    }


    /** Where the installer comes from: the previous job, or the shift's route start. */
    public Location getPreviousLocation() {
        return previous != null ? previous.location : shift.getRouteStartLocation();
    }

    public long getTravelSecondsFromPrevious() {
        return getPreviousLocation().travelSecondsTo(location);
    }

    /** How long service starts after the window closes, 0 if on time. */
    public long getWindowViolationSeconds() {
        return startTime == null ? 0 : lateIfStartingAt(startTime);
    }

    /** How late a start at that time is against the window: the rule of "Service starts within time window". */
    public long lateIfStartingAt(long start) {
        return windowEnd == null ? 0 : Math.max(0, start - windowEnd);
    }

    /** How long service ends after the SLA / promised-by time, 0 if on time. */
    public long getSlaLatenessSeconds() {
        if (slaDue == null || startTime == null) {
            return 0;
        }
        return Math.max(0, startTime + serviceSeconds - slaDue);
    }

    /**
     * Priority for being planned at all: tier weight, doubled when an SLA is set. A rework adds
     * {@link #REWORK_PRIORITY}, more than any ordinary job can weigh, so it is the last to be left out.
     */
    public int getPriorityWeight() {
        int weight = tier.weight() * (slaDue == null ? 1 : 2);
        return rework ? REWORK_PRIORITY + weight : weight;
    }

    /** How long after its window opened a rework starts; 0 for other jobs and jobs without a window. */
    public long getReworkWaitSeconds() {
        if (!rework || windowStart == null || startTime == null) {
            return 0;
        }
        return Math.max(0, startTime - windowStart);
    }

    // ----- getters and setters -----

    public String getId() {
        return id;
    }

    public Location getLocation() {
        return location;
    }

    public long getServiceSeconds() {
        return serviceSeconds;
    }

    public Set<String> getRequiredSkills() {
        return requiredSkills;
    }

    public Set<String> getRequiredCertificates() {
        return requiredCertificates;
    }

    public int getCrewSize() {
        return crewSize;
    }

    public Double getMinInstallerRating() {
        return minInstallerRating;
    }

    public Long getWindowStart() {
        return windowStart;
    }

    public Long getWindowEnd() {
        return windowEnd;
    }

    public LocalDate getGoodsArrivalDate() {
        return goodsArrivalDate;
    }

    public MemberTier getTier() {
        return tier;
    }

    public Long getSlaDue() {
        return slaDue;
    }

    public String getAcceptedProviderId() {
        return acceptedProviderId;
    }

    public String getPreferredInstallerId() {
        return preferredInstallerId;
    }

    public String getAvoidedInstallerId() {
        return avoidedInstallerId;
    }

    public boolean isRework() {
        return rework;
    }

    public String getServiceType() {
        return serviceType;
    }

    public int getDemand() {
        return demand;
    }

    public Shift getShift() {
        return shift;
    }

    public void setShift(Shift shift) {
        this.shift = shift;
    }

    public Job getPrevious() {
        return previous;
    }

    public void setPrevious(Job previous) {
        this.previous = previous;
    }

    public Job getNext() {
        return next;
    }

    public void setNext(Job next) {
        this.next = next;
    }

    public Long getArrivalTime() {
        return arrivalTime;
    }

    public void setArrivalTime(Long arrivalTime) {
        this.arrivalTime = arrivalTime;
    }

    public Long getStartTime() {
        return startTime;
    }

    public void setStartTime(Long startTime) {
        this.startTime = startTime;
    }

    @Override
    public String toString() {
        return id;
    }
}
