package dev.shifu.planner.solver;

import static dev.shifu.planner.domain.ScheduleConstraints.*;

import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

import dev.shifu.planner.domain.AssignmentRule;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.ProviderCapacity;
import dev.shifu.planner.domain.Shift;

/**
 * Every rule of a good installer schedule, one method each, hard before medium before soft. Weights
 * come from {@link dev.shifu.planner.domain.ScheduleWeights}; match weights use model time units
 * (seconds) unless stated. Jobs in the unassigned bucket only count for {@link #unassignedJob}.
 */
public class ScheduleConstraintProvider implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                skillMatch(factory),
                crewSize(factory),
                minInstallerRating(factory),
                providerAccepted(factory),
                timeWindow(factory),
                backAtBase(factory),
                goodsArrival(factory),
                installerLeave(factory),
                certificateValid(factory),
                vehicleCapacity(factory),
                providerDailyCapacity(factory),
                unassignedJob(factory),
                travelTime(factory),
                slaLateness(factory),
                workloadBalance(factory),
                sameInstallerRevisit(factory),
                reworkByAnotherInstaller(factory),
                reworkServedEarly(factory),
                ratingForTier(factory),
                shiftUsed(factory),
                routeConsolidation(factory)
        };
    }

    // ----- hard -----

    /** An installer without the skill cannot do the work; penalty per missing skill. */
    Constraint skillMatch(ConstraintFactory factory) {
        return factory.forEach(Job.class)
                .filter(AssignmentRule.SKILL_MATCH::isBrokenBy)
                .penalizeConfigurableLong(AssignmentRule.SKILL_MATCH::violation)
                .justifyWith((job, score) -> new Justification(job.getId(), job.getShift().getId(),
                        "needs skills " + job.getRequiredSkills() + ", shift has " + job.getShift().getSkills()))
                .asConstraint(SKILL_MATCH);
    }

    /** Heavy items need two people; penalty per missing person. */
    Constraint crewSize(ConstraintFactory factory) {
        return factory.forEach(Job.class)
                .filter(AssignmentRule.CREW_SIZE::isBrokenBy)
                .penalizeConfigurableLong(AssignmentRule.CREW_SIZE::violation)
                .justifyWith((job, score) -> new Justification(job.getId(), job.getShift().getId(),
                        "needs a crew of " + job.getCrewSize() + ", shift has " + job.getShift().getCrewSize()))
                .asConstraint(CREW_SIZE);
    }

    /**
     * A premium booking (a PLATINUM member's right) promised an installer rated at least the booked minimum; penalty
     * per tenth of a star below it.
     */
    Constraint minInstallerRating(ConstraintFactory factory) {
        return factory.forEach(Job.class)
                .filter(AssignmentRule.MIN_INSTALLER_RATING::isBrokenBy)
                .penalizeConfigurableLong(AssignmentRule.MIN_INSTALLER_RATING::violation)
                .justifyWith((job, score) -> new Justification(job.getId(), job.getShift().getId(),
                        "booked an installer rated at least " + job.getMinInstallerRating() + ", shift's is rated "
                                + job.getShift().getRating()))
                .asConstraint(MIN_INSTALLER_RATING);
    }

    /** A job accepted by one provider may only go to that provider's installers. */
    Constraint providerAccepted(ConstraintFactory factory) {
        return factory.forEach(Job.class)
                .filter(AssignmentRule.PROVIDER_ACCEPTED::isBrokenBy)
                .penalizeConfigurableLong(AssignmentRule.PROVIDER_ACCEPTED::violation)
                .justifyWith((job, score) -> new Justification(job.getId(), job.getShift().getId(),
                        "accepted by provider " + job.getAcceptedProviderId() + ", shift belongs to "
                                + job.getShift().getProviderId()))
                .asConstraint(PROVIDER_ACCEPTED);
    }

    /** The customer booked the window: service must start by its end; penalty per second late. */
    Constraint timeWindow(ConstraintFactory factory) {
        return factory.forEach(Job.class)
                .filter(job -> job.isAssigned() && job.getWindowViolationSeconds() > 0)
                .penalizeConfigurableLong(Job::getWindowViolationSeconds)
                .justifyWith((job, score) -> new Justification(job.getId(), job.getShift().getId(),
                        "starts " + job.getWindowViolationSeconds() + " s after the window closes"))
                .asConstraint(TIME_WINDOW);
    }

    /** Installers must be back at base when the shift ends; penalty per second of overtime. */
    Constraint backAtBase(ConstraintFactory factory) {
        return factory.forEach(Shift.class)
                .filter(shift -> !shift.isUnassignedBucket() && shift.getOvertimeSeconds() > 0)
                .penalizeConfigurableLong(Shift::getOvertimeSeconds)
                .justifyWith((shift, score) -> new Justification(null, shift.getId(),
                        "back at base " + shift.getOvertimeSeconds() + " s after the shift ends"))
                .asConstraint(BACK_AT_BASE);
    }

    /** Nothing to install before the goods arrive; penalty per day too early. */
    Constraint goodsArrival(ConstraintFactory factory) {
        return factory.forEach(Job.class)
                .filter(AssignmentRule.GOODS_ARRIVAL::isBrokenBy)
                .penalizeConfigurableLong(AssignmentRule.GOODS_ARRIVAL::violation)
                .justifyWith((job, score) -> new Justification(job.getId(), job.getShift().getId(),
                        "goods arrive on " + job.getGoodsArrivalDate() + ", shift is on " + job.getShift().getDate()))
                .asConstraint(GOODS_ARRIVAL);
    }

    /** An installer on leave (or called in sick) does no jobs; penalty per job. */
    Constraint installerLeave(ConstraintFactory factory) {
        return factory.forEach(Job.class)
                .filter(AssignmentRule.INSTALLER_LEAVE::isBrokenBy)
                .penalizeConfigurableLong(AssignmentRule.INSTALLER_LEAVE::violation)
                .justifyWith((job, score) -> new Justification(job.getId(), job.getShift().getId(),
                        "installer is on leave"))
                .asConstraint(INSTALLER_LEAVE);
    }

    /** Regulated work (gas, electrical) needs a certificate valid on the day; penalty per certificate. */
    Constraint certificateValid(ConstraintFactory factory) {
        return factory.forEach(Job.class)
                .filter(AssignmentRule.CERTIFICATE_VALID::isBrokenBy)
                .penalizeConfigurableLong(AssignmentRule.CERTIFICATE_VALID::violation)
                .justifyWith((job, score) -> new Justification(job.getId(), job.getShift().getId(),
                        "needs certificates " + job.getRequiredCertificates() + " valid on "
                                + job.getShift().getDate()))
                .asConstraint(CERTIFICATE_VALID);
    }

    /** The van holds only so much; penalty per unit over capacity. */
    Constraint vehicleCapacity(ConstraintFactory factory) {
        return factory.forEach(Shift.class)
                .filter(shift -> !shift.isUnassignedBucket() && shift.capacityExcessWith(0) > 0)
                .penalizeConfigurable(shift -> shift.capacityExcessWith(0))
                .justifyWith((shift, score) -> new Justification(null, shift.getId(),
                        "load " + shift.getTotalDemand() + " exceeds capacity " + shift.getCapacity()))
                .asConstraint(VEHICLE_CAPACITY);
    }

    /**
     * A provider takes only so many jobs of a service type per day (its registered daily capacity),
     * over all its installers together; penalty per job over the limit.
     */
    Constraint providerDailyCapacity(ConstraintFactory factory) {
        return factory.forEach(ProviderCapacity.class)
                .join(Shift.class, Joiners.equal(ProviderCapacity::providerId, Shift::getProviderId),
                        Joiners.filtering((capacity, shift) -> capacity.appliesTo(shift)))
                .groupBy((capacity, shift) -> capacity, (capacity, shift) -> shift.getDate(),
                        ConstraintCollectors.sum((capacity, shift) -> shift.countJobsOfServiceType(capacity.serviceType())))
                .filter((capacity, date, count) -> capacity.excess(count) > 0)
                .penalizeConfigurable((capacity, date, count) -> capacity.excess(count))
                .justifyWith((capacity, date, count, score) -> Justification.ofProvider(capacity.providerId(),
                        count + " " + capacity.serviceType() + " jobs on " + date + ", capacity "
                                + capacity.maxJobs()))
                .asConstraint(PROVIDER_DAILY_CAPACITY);
    }

    // ----- medium -----

    /** An overbooked day still gets the best partial plan; important customers are planned first. */
    Constraint unassignedJob(ConstraintFactory factory) {
        return factory.forEach(Job.class)
                .filter(Job::isUnassigned)
                .penalizeConfigurable(Job::getPriorityWeight)
                .justifyWith((job, score) -> new Justification(job.getId(), null,
                        "not planned (" + job.getTier() + (job.getSlaDue() == null ? "" : ", with SLA")
                                + (job.isRework() ? ", rework" : "") + ")"))
                .asConstraint(UNASSIGNED_JOB);
    }

    // ----- soft -----

    /** Driving is unpaid, unproductive time; penalty per second of the route including the way home. */
    Constraint travelTime(ConstraintFactory factory) {
        return factory.forEach(Shift.class)
                .filter(shift -> !shift.isUnassignedBucket() && shift.isUsed())
                .penalizeConfigurableLong(Shift::getTotalTravelSeconds)
                .justifyWith((shift, score) -> new Justification(null, shift.getId(),
                        "drives " + shift.getTotalTravelSeconds() + " s"))
                .asConstraint(TRAVEL_TIME);
    }

    /** Missing the SLA or promised date hurts, more so for higher tiers; per second times tier weight. */
    Constraint slaLateness(ConstraintFactory factory) {
        return factory.forEach(Job.class)
                .filter(job -> job.isAssigned() && job.getSlaLatenessSeconds() > 0)
                .penalizeConfigurableLong(job -> job.getSlaLatenessSeconds() * job.getTier().weight())
                .justifyWith((job, score) -> new Justification(job.getId(), job.getShift().getId(),
                        "ends " + job.getSlaLatenessSeconds() + " s after the SLA, tier " + job.getTier()))
                .asConstraint(SLA_LATENESS);
    }

    /**
     * Fair days: squared work minutes per shift, divided by 60, so moving work from a full day to a
     * light one pays off.
     */
    Constraint workloadBalance(ConstraintFactory factory) {
        return factory.forEach(Shift.class)
                .filter(shift -> !shift.isUnassignedBucket() && shift.getWorkSeconds() > 0)
                .penalizeConfigurableLong(ScheduleConstraintProvider::workloadPenalty)
                .justifyWith((shift, score) -> new Justification(null, shift.getId(),
                        "works " + shift.getWorkSeconds() / 60 + " min"))
                .asConstraint(WORKLOAD_BALANCE);
    }

    static long workloadPenalty(Shift shift) {
        long minutes = shift.getWorkSeconds() / 60;
        return minutes * minutes / 60;
    }

    /** A revisit or rework goes best to the installer who did the original job; penalty per job. */
    Constraint sameInstallerRevisit(ConstraintFactory factory) {
        return factory.forEach(Job.class)
                .filter(job -> job.isAssigned() && job.getPreferredInstallerId() != null
                        && !job.getShift().hasInstaller(job.getPreferredInstallerId()))
                .penalizeConfigurable()
                .justifyWith((job, score) -> new Justification(job.getId(), job.getShift().getId(),
                        "preferred installer " + job.getPreferredInstallerId() + " not on this shift"))
                .asConstraint(SAME_INSTALLER_REVISIT);
    }

    /**
     * Rework after a complaint goes preferably to someone other than the installer whose work was
     * rejected (the brand's policy); penalty per job on a shift with that installer.
     */
    Constraint reworkByAnotherInstaller(ConstraintFactory factory) {
        return factory.forEach(Job.class)
                .filter(job -> job.isAssigned() && job.getAvoidedInstallerId() != null
                        && job.getShift().hasInstaller(job.getAvoidedInstallerId()))
                .penalizeConfigurable()
                .justifyWith((job, score) -> new Justification(job.getId(), job.getShift().getId(),
                        "rework by installer " + job.getAvoidedInstallerId() + ", who did the original work"))
                .asConstraint(REWORK_BY_ANOTHER_INSTALLER);
    }

    /** A rework is served as early as its window allows; penalty per second after the window opens. */
    Constraint reworkServedEarly(ConstraintFactory factory) {
        return factory.forEach(Job.class)
                .filter(job -> job.isAssigned() && job.getReworkWaitSeconds() > 0)
                .penalizeConfigurableLong(Job::getReworkWaitSeconds)
                .justifyWith((job, score) -> new Justification(job.getId(), job.getShift().getId(),
                        "rework starts " + job.getReworkWaitSeconds() + " s after its window opens"))
                .asConstraint(REWORK_SERVED_EARLY);
    }

    /** Better-rated installers for better-paying members: (50 - rating in tenths) times tier rank. */
    Constraint ratingForTier(ConstraintFactory factory) {
        return factory.forEach(Job.class)
                .filter(job -> job.isAssigned() && job.getTier().rank() > 0 && job.getShift().getRatingTenths() < 50)
                .penalizeConfigurable(job -> (50 - job.getShift().getRatingTenths()) * job.getTier().rank())
                .justifyWith((job, score) -> new Justification(job.getId(), job.getShift().getId(),
                        job.getTier() + " member served by an installer rated " + job.getShift().getRating()))
                .asConstraint(RATING_FOR_TIER);
    }

    /** Each shift or vehicle used has a fixed cost; off in production, the first objective in Solomon. */
    Constraint shiftUsed(ConstraintFactory factory) {
        return factory.forEach(Shift.class)
                .filter(shift -> !shift.isUnassignedBucket() && shift.isUsed())
                .penalizeConfigurable()
                .justifyWith((shift, score) -> new Justification(null, shift.getId(), "shift is used"))
                .asConstraint(SHIFT_USED);
    }

    /**
     * Search guide for fewer vehicles: rewards the square of each route's job count, so moving a job
     * from a short route to a long one pays off and short routes empty out. Off in production.
     */
    Constraint routeConsolidation(ConstraintFactory factory) {
        return factory.forEach(Shift.class)
                .filter(shift -> !shift.isUnassignedBucket() && shift.isUsed())
                .rewardConfigurableLong(shift -> {
                    long size = shift.getJobs().size() + shift.getPinnedJobs().size();
                    return size * size;
                })
                .justifyWith((shift, score) -> new Justification(null, shift.getId(),
                        (shift.getJobs().size() + shift.getPinnedJobs().size()) + " jobs on one route"))
                .asConstraint(ROUTE_CONSOLIDATION);
    }
}
