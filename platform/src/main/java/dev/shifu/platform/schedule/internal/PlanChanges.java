package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;

import org.optaplanner.core.api.solver.change.ProblemChange;

import dev.shifu.planner.change.AddJobChange;
import dev.shifu.planner.change.CancelJobChange;
import dev.shifu.planner.change.InstallerLeaveChange;
import dev.shifu.planner.change.MoveJobChange;
import dev.shifu.planner.change.PinJobChange;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;

/**
 * Problem changes as the platform sends them: tolerant of events that arrive twice or for jobs outside the horizon,
 * because a change that throws would stop the region's solver.
 */
final class PlanChanges {

	private PlanChanges() {
	}

	/** Puts the job in (replacing an older version of it) or, with {@code job == null}, takes it out. */
	static ProblemChange<Schedule> replace(String jobId, Job job) {
		return (working, director) -> {
			if (working.findJob(jobId).isPresent()) {
				new CancelJobChange(jobId).doChange(working, director);
			}
			if (job != null) {
				new AddJobChange(job).doChange(working, director);
			}
		};
	}

	/** New installer shift days (an installer joined or was re-activated); days already planned are left alone. */
	static ProblemChange<Schedule> addShifts(java.util.List<Shift> shifts) {
		return (working, director) -> {
			for (Shift shift : shifts) {
				if (working.findShift(shift.getId()).isEmpty()) {
					working.getTravelTable().register(shift.getBase());
					director.addEntity(shift, working.getShifts()::add);
				}
			}
		};
	}

	static ProblemChange<Schedule> pin(String jobId) {
		return (working, director) -> {
			if (working.findJob(jobId).map(Job::isAssigned).orElse(false)) {
				new PinJobChange(jobId).doChange(working, director);
			}
		};
	}

	/** A dispatcher's move, skipped when the job or the shift is gone by the time it runs. */
	static ProblemChange<Schedule> move(String jobId, String shiftId, int position, boolean pin) {
		return (working, director) -> {
			boolean realShift = working.findShift(shiftId).filter(s -> !s.isUnassignedBucket()).isPresent();
			if (realShift && working.findJob(jobId).isPresent()) {
				new MoveJobChange(jobId, shiftId, position, pin).doChange(working, director);
			}
		};
	}

	static ProblemChange<Schedule> leave(long installerId, LocalDate from, LocalDate to) {
		return new InstallerLeaveChange(String.valueOf(installerId), from, to);
	}

}
