package dev.shifu.platform.schedule.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.shifu.platform.schedule.VisitProgress;

/**
 * Reported times on site into the live plan: kept on the visit's row (so a rebuild or restart times the route the
 * same way) and sent to the region's solver as facts of the job, which the planner's route clock times from. A
 * report of another day than the visit's (an app whose clock or queue is off by days) is not a time of this route.
 */
@Component
class ActualTimes implements VisitProgress {

	private static final Set<String> ON_SITE = Set.of("ARRIVED", "STARTED", "COMPLETED");

	private final ScheduleJobRepository jobs;

	private final ProblemFactory problems;

	private final SchedulePlanner planner;

	private final RowRetry retry;

	ActualTimes(ScheduleJobRepository jobs, ProblemFactory problems, SchedulePlanner planner, RowRetry retry) {
		this.jobs = jobs;
		this.problems = problems;
		this.planner = planner;
		this.retry = retry;
	}

	@Override
	public void reported(long orderId, String type, Instant occurredAt) {
		retry.run("reported progress", orderId, () -> jobs.findById(orderId).ifPresent(row -> row.progressed(type)));
		if (ON_SITE.contains(type)) {
			timeOnSite(orderId, type, occurredAt);
		}
		// Every report, en route and exceptions too: the dispatcher's board shows the visit's status.
		toBoard(orderId, "job-event", java.util.Map.of("orderId", orderId, "type", type));
	}

	@Override
	public void reviewListChanged(long orderId) {
		toBoard(orderId, "review", java.util.Map.of("orderId", orderId));
	}

	@Override
	public void approvalListChanged(long orderId) {
		toBoard(orderId, "approval", java.util.Map.of("orderId", orderId));
	}

	/** Tells the live boards of the order's region (the SSE subscribers of its planner, on this node). */
	private void toBoard(long orderId, String event, Object data) {
		jobs.findById(orderId).flatMap(row -> planner.find(row.getRegion())).ifPresent(p -> p.notify(event, data));
	}

	private void timeOnSite(long orderId, String type, Instant occurredAt) {
		ScheduleJob[] changed = { null };
		retry.run("actual time", () -> {
			changed[0] = null;
			jobs.findById(orderId).ifPresent(row -> {
				LocalDateTime local = LocalDateTime.ofInstant(occurredAt, problems.zoneOf(row.getRegion()));
				if (local.toLocalDate().equals(row.visitDay()) && row.reported(type, local)) {
					changed[0] = row;
				}
			});
		});
		ScheduleJob row = changed[0];
		if (row != null) {
			// After the commit, so a rebuild of an idle region reads the times back from the row.
			planner.submit(row.getRegion(), PlanChanges.actualTimes(row.jobId(), ProblemFactory.time(row.getActualArrival()),
					ProblemFactory.time(row.getActualStart()), ProblemFactory.time(row.getActualEnd())));
		}
	}

}
