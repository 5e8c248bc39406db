package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;
import java.util.List;

import org.optaplanner.core.api.solver.change.ProblemChange;

import dev.shifu.planner.change.ActualTimesChange;
import dev.shifu.planner.change.AddJobChange;
import dev.shifu.planner.change.CancelJobChange;
import dev.shifu.planner.change.InstallerBackChange;
import dev.shifu.planner.change.InstallerLeaveChange;
import dev.shifu.planner.change.MoveJobChange;
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

	/** The installer's reported times on the job (model times, null: not reported), skipped when the job is gone. */
	static ProblemChange<Schedule> actualTimes(String jobId, Long arrival, Long start, Long end) {
		return (working, director) -> {
			if (working.findJob(jobId).isPresent()) {
				new ActualTimesChange(jobId, arrival, start, end).doChange(working, director);
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

	/**
	 * Puts exactly these jobs, in this order, at the pinned head of the shift's route (a lock as stored). Jobs
	 * already there in place stay; jobs gone by the time it runs are skipped.
	 */
	static ProblemChange<Schedule> pinAtHead(String shiftId, List<String> jobIds) {
		return (working, director) -> {
			Shift shift = working.findShift(shiftId).filter(s -> !s.isUnassignedBucket()).orElse(null);
			if (shift == null) {
				return;
			}
			for (int i = 0; i < jobIds.size(); i++) {
				List<Job> head = shift.getPinnedJobs();
				String jobId = jobIds.get(i);
				boolean inPlace = head.size() > i && head.get(i).getId().equals(jobId);
				if (!inPlace && working.findJob(jobId).isPresent()) {
					new MoveJobChange(jobId, shiftId, 0, true).doChange(working, director);
				}
			}
		};
	}

	/**
	 * Brings one installer's shifts in the plan in line with the network: a day off (leave, suspension, a provider
	 * or installer no longer active) blocks the shift and sends its jobs elsewhere; a day back on lifts the block; a
	 * new working day comes in.
	 *
	 * @param current the installer's shifts on the horizon as the network has them now (working days only)
	 */
	static ProblemChange<Schedule> syncInstaller(long installerId, List<LocalDate> days, List<Shift> current) {
		return (working, director) -> {
			for (LocalDate day : days) {
				String shiftId = ShiftIds.of(installerId, day);
				Shift fresh = current.stream().filter(s -> s.getId().equals(shiftId)).findFirst().orElse(null);
				Shift planned = working.findShift(shiftId).orElse(null);
				boolean off = fresh == null || fresh.isOnLeave();
				if (planned == null) {
					if (!off) {
						working.getTravelTable().register(fresh.getBase());
						director.addEntity(fresh, working.getShifts()::add);
						new InstallerBackChange(String.valueOf(installerId), day).doChange(working, director);
					}
				}
				else if (off && !planned.isOnLeave()) {
					new InstallerLeaveChange(String.valueOf(installerId), day, day).doChange(working, director);
				}
				else if (!off && planned.isOnLeave()) {
					// Parked jobs (a booked window nobody else could keep) go back at once, not when search finds them.
					new InstallerBackChange(String.valueOf(installerId), day).doChange(working, director);
				}
			}
		};
	}

}
