package dev.shifu.planner.domain;

import java.time.temporal.ChronoUnit;
import java.util.function.ToLongBiFunction;

/**
 * The hard rules that depend only on which shift a job is on, not on where in the route: one
 * definition each, used by the constraints (how much a job on its shift breaks the rule) and by
 * {@code GreedyInsertion} (which shifts are worth trying at all).
 */
public enum AssignmentRule {

    /** Missing skills. */
    SKILL_MATCH(ScheduleConstraints.SKILL_MATCH,
            (job, shift) -> shift.countMissingSkills(job.getRequiredSkills())),
    /** Missing people. */
    CREW_SIZE(ScheduleConstraints.CREW_SIZE,
            (job, shift) -> Math.max(0, job.getCrewSize() - shift.getCrewSize())),
    /** Tenths of a star the installer is rated below the job's minimum (a premium booking), at least 1 when below. */
    MIN_INSTALLER_RATING(ScheduleConstraints.MIN_INSTALLER_RATING,
            (job, shift) -> ratedEnough(job.getMinInstallerRating(), shift.getRating()) ? 0
                    : Math.max(1, Math.round((job.getMinInstallerRating() - shift.getRating()) * 10))),
    /** 1 when another provider accepted the job. */
    PROVIDER_ACCEPTED(ScheduleConstraints.PROVIDER_ACCEPTED,
            (job, shift) -> job.getAcceptedProviderId() != null
                    && !job.getAcceptedProviderId().equals(shift.getProviderId()) ? 1 : 0),
    /** Days before the goods arrive. */
    GOODS_ARRIVAL(ScheduleConstraints.GOODS_ARRIVAL,
            (job, shift) -> job.getGoodsArrivalDate() == null || !shift.getDate().isBefore(job.getGoodsArrivalDate())
                    ? 0 : ChronoUnit.DAYS.between(shift.getDate(), job.getGoodsArrivalDate())),
    /** 1 when the installer is on leave. */
    INSTALLER_LEAVE(ScheduleConstraints.INSTALLER_LEAVE, (job, shift) -> shift.isOnLeave() ? 1 : 0),
    /** Required certificates missing or expired on the day. */
    CERTIFICATE_VALID(ScheduleConstraints.CERTIFICATE_VALID,
            (job, shift) -> job.getRequiredCertificates().isEmpty() ? 0
                    : shift.countInvalidCertificates(job.getRequiredCertificates()));

    private static final AssignmentRule[] ALL = values();

    private final String constraintName;
    private final ToLongBiFunction<Job, Shift> violation;

    AssignmentRule(String constraintName, ToLongBiFunction<Job, Shift> violation) {
        this.constraintName = constraintName;
        this.violation = violation;
    }

    public String constraintName() {
        return constraintName;
    }

    /** How much the job breaks the rule on that shift; 0 when it holds. */
    public long violation(Job job, Shift shift) {
        return violation.applyAsLong(job, shift);
    }

    /** How much an assigned job breaks the rule on its own shift. */
    public long violation(Job job) {
        return violation(job, job.getShift());
    }

    /** Whether an assigned job breaks the rule on its own shift. */
    public boolean isBrokenBy(Job job) {
        return job.isAssigned() && violation(job) > 0;
    }

    /**
     * The rating rule of {@link #MIN_INSTALLER_RATING} on its own, for whoever picks installers outside a plan (dispatch's
     * offers): an installer rated {@code rating} may take a job that allows {@code minRating} (null: any installer).
     */
    public static boolean ratedEnough(Double minRating, double rating) {
        return minRating == null || rating >= minRating;
    }

    /** Whether every rule holds for the job on that shift. */
    public static boolean allHold(Job job, Shift shift) {
        for (AssignmentRule rule : ALL) {
            if (rule.violation(job, shift) > 0) {
                return false;
            }
        }
        return true;
    }
}
