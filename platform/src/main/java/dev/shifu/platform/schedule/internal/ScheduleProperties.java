package dev.shifu.platform.schedule.internal;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled run the regional solvers at all
 * @param horizonDays how many days after today are planned together with today
 * @param burst time limit of each solving burst after a change
 * @param unimproved stop a burst earlier once the best score has not improved for this long
 * @param dayStart earliest start of a job window on a day
 * @param dayEnd latest end of a job window on a day
 * @param shiftCapacity jobs one shift can carry at most (van and day)
 * @param persistInterval how often a changed best plan is written to the database (also {@code roll-cron}: when
 * plans are rebuilt on the current horizon and time; {@code watchdog-interval}: how often dead solvers are looked for)
 * @param solverThreads how many regions' live solvers may take a step at once on this node; 0 (the default) leaves
 * one core to requests and listeners (the cores less one, at least one)
 */
@ConfigurationProperties("shifu.schedule")
record ScheduleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("3") int horizonDays,
		@DefaultValue("30s") Duration burst, @DefaultValue("5s") Duration unimproved,
		@DefaultValue("08:00") LocalTime dayStart, @DefaultValue("19:00") LocalTime dayEnd,
		@DefaultValue("12") int shiftCapacity, @DefaultValue("5s") Duration persistInterval,
		@DefaultValue("0") int solverThreads) {

	dev.shifu.planner.solver.SolverBudget solverBudget() {
		return solverThreads > 0 ? new dev.shifu.planner.solver.SolverBudget(solverThreads)
				: dev.shifu.planner.solver.SolverBudget.leavingOneCore();
	}
}
