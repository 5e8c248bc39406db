package dev.shifu.platform.schedule.internal;

import java.util.ArrayList;
import java.util.List;

import org.optaplanner.core.api.solver.change.ProblemChange;

import dev.shifu.planner.change.MoveJobChange;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.domain.Times;
import dev.shifu.platform.schedule.RouteBoard.Edit;
import dev.shifu.platform.shared.InvalidFieldException;

/**
 * A dispatcher's edit as the problem change it makes, computed from one plan: the preview runs it on a copy, the commit
 * on the live solver, so both do exactly the same thing. Storing what the edit leaves pinned is the planner's part.
 */
final class BoardEdits {

	private BoardEdits() {
	}

	/** Refuses an edit the plan cannot take, naming the field. */
	static void check(Schedule plan, Edit edit, boolean heldJob) {
		if (edit.kind() == null) {
			throw new InvalidFieldException("kind", "is required");
		}
		switch (edit.kind()) {
			case MOVE -> {
				requireJob(plan, edit, heldJob);
				requireShift(plan, edit);
				if (edit.position() != null && edit.position() < 0) {
					throw new InvalidFieldException("position", "must be 0 or more");
				}
			}
			case PIN -> {
				Job job = requireJob(plan, edit, false);
				if (job.getShift() == null || job.getShift().isUnassignedBucket()) {
					throw new InvalidFieldException("jobId", "is not on a route; move it onto one with pin");
				}
			}
			case UNPIN -> {
				Job job = requireJob(plan, edit, false);
				if (job.getShift() == null || !job.getShift().getPinnedJobs().contains(job)) {
					throw new InvalidFieldException("jobId", "is not pinned");
				}
			}
			case UNASSIGN -> requireJob(plan, edit, false);
			case LOCK_DAY -> requireShift(plan, edit);
			case UNAVAILABLE_FROM -> {
				Shift shift = requireShift(plan, edit);
				if (edit.from() == null) {
					throw new InvalidFieldException("from", "is required: the time the installer stops, e.g. 2026-12-02T11:00");
				}
				if (!edit.from().toLocalDate().equals(shift.getDate())) {
					throw new InvalidFieldException("from", "must be on the shift's day " + shift.getDate());
				}
			}
		}
	}

	private static Job requireJob(Schedule plan, Edit edit, boolean heldJob) {
		if (edit.jobId() == null || edit.jobId().isBlank()) {
			throw new InvalidFieldException("jobId", "is required for " + edit.kind());
		}
		Job job = plan.findJob(edit.jobId()).orElse(null);
		if (job == null && !heldJob) {
			throw new InvalidFieldException("jobId", "is not a job of this region's plan");
		}
		return job;
	}

	private static Shift requireShift(Schedule plan, Edit edit) {
		if (edit.shiftId() == null || edit.shiftId().isBlank()) {
			throw new InvalidFieldException("shiftId", "is required for " + edit.kind());
		}
		return plan.findShift(edit.shiftId())
			.filter(shift -> !shift.isUnassignedBucket())
			.orElseThrow(() -> new InvalidFieldException("shiftId", "is not an installer shift of this region's plan"));
	}

	/**
	 * The change the edit makes to {@code plan}.
	 *
	 * @param heldJob the job as it enters the plan again, when a move brings back a job a dispatcher held off it
	 */
	static ProblemChange<Schedule> change(Schedule plan, Edit edit, Job heldJob) {
		return switch (edit.kind()) {
			case MOVE -> {
				ProblemChange<Schedule> move = edit.pin()
						? PlanChanges.pinAtHead(edit.shiftId(), pinnedHeadWith(plan, edit))
						: PlanChanges.move(edit.jobId(), edit.shiftId(), position(edit), false);
				yield heldJob == null ? move : both(PlanChanges.replace(edit.jobId(), heldJob), move);
			}
			case PIN -> PlanChanges.pinAtHead(shiftOf(plan, edit.jobId()).getId(), headUpTo(plan, edit.jobId()));
			// Out of the locked head, first among the route's free jobs: the solver may move it from there.
			case UNPIN -> PlanChanges.move(edit.jobId(), shiftOf(plan, edit.jobId()).getId(), 0, false);
			case UNASSIGN -> PlanChanges.replace(edit.jobId(), null);
			case LOCK_DAY -> {
				Shift shift = plan.findShift(edit.shiftId()).orElseThrow();
				yield both(PlanChanges.pinAtHead(shift.getId(), route(shift)), endWhenBack(shift.getId(), null));
			}
			case UNAVAILABLE_FROM -> {
				Shift shift = plan.findShift(edit.shiftId()).orElseThrow();
				long from = Times.of(edit.from());
				List<String> keep = new ArrayList<>();
				List<String> later = new ArrayList<>();
				for (Job job : routeJobs(shift)) {
					(job.getStartTime() != null && job.getStartTime() < from ? keep : later).add(job.getId());
				}
				yield (working, director) -> {
					for (String jobId : later) {
						if (working.findJob(jobId).isPresent()) {
							// To the unassigned bucket: local search plans it on another route.
							new MoveJobChange(jobId, Shift.UNASSIGNED_ID, 0, false).doChange(working, director);
						}
					}
					PlanChanges.pinAtHead(shift.getId(), keep).doChange(working, director);
					endWhenBack(shift.getId(), from).doChange(working, director);
				};
			}
		};
	}

	/** The jobs the edit touches, to show and audit where they stood before and after. */
	static List<String> touched(Schedule plan, Edit edit) {
		return switch (edit.kind()) {
			case LOCK_DAY, UNAVAILABLE_FROM -> plan.findShift(edit.shiftId()).map(BoardEdits::route).orElse(List.of());
			case PIN -> headUpTo(plan, edit.jobId());
			default -> List.of(edit.jobId());
		};
	}

	/** The pinned head a pinned move leaves on the target: its pins, the free jobs before the position, the job. */
	static List<String> pinnedHeadWith(Schedule plan, Edit edit) {
		Shift target = plan.findShift(edit.shiftId()).orElseThrow();
		List<String> head = ids(target.getPinnedJobs());
		head.remove(edit.jobId());
		List<String> planned = ids(target.getJobs());
		planned.remove(edit.jobId());
		head.addAll(planned.subList(0, Math.max(0, Math.min(position(edit), planned.size()))));
		head.add(edit.jobId());
		return head;
	}

	/** The job's route up to it, pinned head included: what pinning it locks. */
	static List<String> headUpTo(Schedule plan, String jobId) {
		Job job = plan.findJob(jobId).orElseThrow();
		Shift shift = job.getShift();
		List<String> head = ids(shift.getPinnedJobs());
		if (!head.contains(jobId)) {
			head.addAll(ids(shift.getJobs().subList(0, shift.getJobs().indexOf(job) + 1)));
		}
		return head;
	}

	static List<String> route(Shift shift) {
		return ids(routeJobs(shift));
	}

	static List<Job> routeJobs(Shift shift) {
		List<Job> route = new ArrayList<>(shift.getPinnedJobs());
		route.addAll(shift.getJobs());
		return route;
	}

	private static Shift shiftOf(Schedule plan, String jobId) {
		return plan.findJob(jobId).map(Job::getShift).orElseThrow();
	}

	private static int position(Edit edit) {
		return edit.position() == null ? Integer.MAX_VALUE : edit.position();
	}

	/**
	 * Ends the shift when its (by now locked) route is back at base, and not before {@code notBefore}: nothing new
	 * fits on it any more, and what it keeps costs no overtime.
	 */
	private static ProblemChange<Schedule> endWhenBack(String shiftId, Long notBefore) {
		return (working, director) -> working.findShift(shiftId).ifPresent(shift -> {
			Long back = shift.getBackAtBaseTime();
			long end = Math.max(back == null ? shift.getStartTime() : back, notBefore == null ? 0 : notBefore);
			director.changeProblemProperty(shift, s -> s.endNoLaterThan(end));
		});
	}

	private static ProblemChange<Schedule> both(ProblemChange<Schedule> first, ProblemChange<Schedule> second) {
		return (working, director) -> {
			first.doChange(working, director);
			second.doChange(working, director);
		};
	}

	private static List<String> ids(List<Job> jobs) {
		List<String> ids = new ArrayList<>();
		jobs.forEach(job -> ids.add(job.getId()));
		return ids;
	}

}
