package dev.shifu.planner.domain;

import static dev.shifu.planner.domain.ScheduleConstraints.*;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Constraint weights, configurable per schedule (a zero weight switches a constraint off). The
 * defaults are the production weights; {@link #solomon(long)} gives the benchmark semantics.
 */
@ConstraintConfiguration
public class ScheduleWeights {

    private static final HardMediumSoftLongScore HARD = HardMediumSoftLongScore.ONE_HARD;
    private static final HardMediumSoftLongScore MEDIUM = HardMediumSoftLongScore.ONE_MEDIUM;
    private static final HardMediumSoftLongScore SOFT = HardMediumSoftLongScore.ONE_SOFT;
    private static final HardMediumSoftLongScore OFF = HardMediumSoftLongScore.ZERO;

    @ConstraintWeight(SKILL_MATCH)
    private HardMediumSoftLongScore skillMatch = HARD;
    @ConstraintWeight(CREW_SIZE)
    private HardMediumSoftLongScore crewSize = HARD;
    @ConstraintWeight(MIN_INSTALLER_RATING)
    private HardMediumSoftLongScore minInstallerRating = HARD;
    @ConstraintWeight(PROVIDER_ACCEPTED)
    private HardMediumSoftLongScore providerAccepted = HARD;
    @ConstraintWeight(TIME_WINDOW)
    private HardMediumSoftLongScore timeWindow = HARD;
    @ConstraintWeight(BACK_AT_BASE)
    private HardMediumSoftLongScore backAtBase = HARD;
    @ConstraintWeight(GOODS_ARRIVAL)
    private HardMediumSoftLongScore goodsArrival = HARD;
    @ConstraintWeight(INSTALLER_LEAVE)
    private HardMediumSoftLongScore installerLeave = HARD;
    @ConstraintWeight(CERTIFICATE_VALID)
    private HardMediumSoftLongScore certificateValid = HARD;
    @ConstraintWeight(VEHICLE_CAPACITY)
    private HardMediumSoftLongScore vehicleCapacity = HARD;
    @ConstraintWeight(PROVIDER_DAILY_CAPACITY)
    private HardMediumSoftLongScore providerDailyCapacity = HARD;

    @ConstraintWeight(UNASSIGNED_JOB)
    private HardMediumSoftLongScore unassignedJob = MEDIUM;

    @ConstraintWeight(TRAVEL_TIME)
    private HardMediumSoftLongScore travelTime = SOFT;
    @ConstraintWeight(SLA_LATENESS)
    private HardMediumSoftLongScore slaLateness = SOFT;
    @ConstraintWeight(WORKLOAD_BALANCE)
    private HardMediumSoftLongScore workloadBalance = SOFT;
    @ConstraintWeight(SAME_INSTALLER_REVISIT)
    private HardMediumSoftLongScore sameInstallerRevisit = HardMediumSoftLongScore.ofSoft(1800);
    @ConstraintWeight(REWORK_BY_ANOTHER_INSTALLER)
    private HardMediumSoftLongScore reworkByAnotherInstaller = HardMediumSoftLongScore.ofSoft(1800);
    @ConstraintWeight(REWORK_SERVED_EARLY)
    private HardMediumSoftLongScore reworkServedEarly = SOFT;
    @ConstraintWeight(RATING_FOR_TIER)
    private HardMediumSoftLongScore ratingForTier = HardMediumSoftLongScore.ofSoft(60);
    @ConstraintWeight(SHIFT_USED)
    private HardMediumSoftLongScore shiftUsed = OFF;
    @ConstraintWeight(ROUTE_CONSOLIDATION)
    private HardMediumSoftLongScore routeConsolidation = OFF;

    /** Production weights. */
    public ScheduleWeights() {
    }

    /**
     * Solomon VRPTW semantics: only time windows, return by the depot due date and capacity are hard;
     * the objective is travel distance, plus (hierarchical) a vehicle cost above any route length.
     *
     * @param vehicleCost soft cost of one used vehicle, 0 for the distance-only objective
     */
    public static ScheduleWeights solomon(long vehicleCost) {
        ScheduleWeights w = new ScheduleWeights();
        w.skillMatch = OFF;
        w.crewSize = OFF;
        w.minInstallerRating = OFF;
        w.providerAccepted = OFF;
        w.goodsArrival = OFF;
        w.installerLeave = OFF;
        w.certificateValid = OFF;
        w.slaLateness = OFF;
        w.workloadBalance = OFF;
        w.sameInstallerRevisit = OFF;
        w.reworkByAnotherInstaller = OFF;
        w.reworkServedEarly = OFF;
        w.providerDailyCapacity = OFF;
        w.ratingForTier = OFF;
        w.shiftUsed = HardMediumSoftLongScore.ofSoft(vehicleCost);
        return w;
    }

    /** Copy with one weight replaced, e.g. {@code with(SHIFT_USED, ofSoft(1000))}. */
    public ScheduleWeights with(String constraintName, HardMediumSoftLongScore weight) {
        ScheduleWeights w = copy();
        switch (constraintName) {
            case SKILL_MATCH -> w.skillMatch = weight;
            case CREW_SIZE -> w.crewSize = weight;
            case MIN_INSTALLER_RATING -> w.minInstallerRating = weight;
            case PROVIDER_ACCEPTED -> w.providerAccepted = weight;
            case TIME_WINDOW -> w.timeWindow = weight;
            case BACK_AT_BASE -> w.backAtBase = weight;
            case GOODS_ARRIVAL -> w.goodsArrival = weight;
            case INSTALLER_LEAVE -> w.installerLeave = weight;
            case CERTIFICATE_VALID -> w.certificateValid = weight;
            case VEHICLE_CAPACITY -> w.vehicleCapacity = weight;
            case PROVIDER_DAILY_CAPACITY -> w.providerDailyCapacity = weight;
            case UNASSIGNED_JOB -> w.unassignedJob = weight;
            case TRAVEL_TIME -> w.travelTime = weight;
            case SLA_LATENESS -> w.slaLateness = weight;
            case WORKLOAD_BALANCE -> w.workloadBalance = weight;
            case SAME_INSTALLER_REVISIT -> w.sameInstallerRevisit = weight;
            case REWORK_BY_ANOTHER_INSTALLER -> w.reworkByAnotherInstaller = weight;
            case REWORK_SERVED_EARLY -> w.reworkServedEarly = weight;
            case RATING_FOR_TIER -> w.ratingForTier = weight;
            case SHIFT_USED -> w.shiftUsed = weight;
            case ROUTE_CONSOLIDATION -> w.routeConsolidation = weight;
            default -> throw new IllegalArgumentException("Unknown constraint " + constraintName);
        }
        return w;
    }

    private ScheduleWeights copy() {
        ScheduleWeights w = new ScheduleWeights();
        w.skillMatch = skillMatch;
        w.crewSize = crewSize;
        w.minInstallerRating = minInstallerRating;
        w.providerAccepted = providerAccepted;
        w.timeWindow = timeWindow;
        w.backAtBase = backAtBase;
        w.goodsArrival = goodsArrival;
        w.installerLeave = installerLeave;
        w.certificateValid = certificateValid;
        w.vehicleCapacity = vehicleCapacity;
        w.providerDailyCapacity = providerDailyCapacity;
        w.unassignedJob = unassignedJob;
        w.travelTime = travelTime;
        w.slaLateness = slaLateness;
        w.workloadBalance = workloadBalance;
        w.sameInstallerRevisit = sameInstallerRevisit;
        w.reworkByAnotherInstaller = reworkByAnotherInstaller;
        w.reworkServedEarly = reworkServedEarly;
        w.ratingForTier = ratingForTier;
        w.shiftUsed = shiftUsed;
        w.routeConsolidation = routeConsolidation;
        return w;
    }

    public HardMediumSoftLongScore getShiftUsed() {
        return shiftUsed;
    }

    public HardMediumSoftLongScore getTravelTime() {
        return travelTime;
    }
}
