package dev.shifu.planner.domain;

/**
 * Constraint names: shared by the constraint provider, the weights, the tests and the explanation
 * served to dispatchers. Hard before medium before soft.
 */
public final class ScheduleConstraints {

    public static final String SKILL_MATCH = "Skill match";
    public static final String CREW_SIZE = "Crew size";
    public static final String MIN_INSTALLER_RATING = "Installer rated at least the booked minimum";
    public static final String PROVIDER_ACCEPTED = "Provider accepted the job";
    public static final String TIME_WINDOW = "Service starts within time window";
    public static final String BACK_AT_BASE = "Back at base by shift end";
    public static final String GOODS_ARRIVAL = "Not before goods arrival";
    public static final String INSTALLER_LEAVE = "Installer on leave";
    public static final String CERTIFICATE_VALID = "Certificate valid on the day";
    public static final String VEHICLE_CAPACITY = "Vehicle capacity";
    public static final String PROVIDER_DAILY_CAPACITY = "Provider daily capacity";

    public static final String UNASSIGNED_JOB = "Unassigned job";

    public static final String TRAVEL_TIME = "Travel time";
    public static final String SLA_LATENESS = "Late against SLA";
    public static final String WORKLOAD_BALANCE = "Workload balance";
    public static final String SAME_INSTALLER_REVISIT = "Same installer for revisit";
    public static final String REWORK_BY_ANOTHER_INSTALLER = "Rework by another installer";
    public static final String REWORK_SERVED_EARLY = "Rework served early";
    public static final String RATING_FOR_TIER = "Higher-rated installer for higher tier";
    public static final String SHIFT_USED = "Shift used";
    public static final String ROUTE_CONSOLIDATION = "Route consolidation";

    private ScheduleConstraints() {
    }
}
