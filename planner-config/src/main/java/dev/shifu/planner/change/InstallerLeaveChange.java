package dev.shifu.planner.change;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;

/**
 * An installer is called in sick or takes leave: every shift of theirs in the date range is blocked
 * (the installer-leave hard constraint) and all its jobs, pinned ones too, are parked in the
 * unassigned bucket, from where local search reassigns them.
 *
 * @param installerId the installer
 * @param from first day of leave, inclusive
 * @param to last day of leave, inclusive
 */
public record InstallerLeaveChange(String installerId, LocalDate from, LocalDate to)
        implements ProblemChange<Schedule> {

    public static InstallerLeaveChange sickOn(String installerId, LocalDate day) {
        return new InstallerLeaveChange(installerId, day, day);
    }

    @Override
    public void doChange(Schedule working, ProblemChangeDirector director) {
        for (Shift shift : working.getRealShifts()) {
            if (!shift.hasInstaller(installerId) || shift.getDate().isBefore(from) || shift.getDate().isAfter(to)) {
                continue;
            }
            List<Job> pinned = new ArrayList<>(shift.getPinnedJobs());
            List<Job> planned = new ArrayList<>(shift.getJobs());
            RouteEdits.editRoute(director, shift, s -> {
                s.setOnLeave(true);
                s.getJobs().clear();
                s.getPinnedJobs().clear();
                s.refreshPinnedPrefix();
            });
            for (Job job : pinned) {
                RouteEdits.clearShadows(job);
                director.addEntity(job, working.getJobs()::add);
            }
            planned.addAll(0, pinned);
            RouteEdits.park(working, director, planned);
        }
    }
}
