package dev.shifu.planner.change;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.solver.GreedyInsertion.Placement;

/**
 * An installer is called in sick or takes leave: every shift of theirs in the date range is blocked
 * (the installer-leave hard constraint) and all its jobs, pinned ones too, are handed back and placed
 * at once by greedy insertion through the solver's score director, each on the cheapest position that
 * keeps every hard constraint the plan satisfied; a job that fits nowhere waits in the unassigned
 * bucket, with the blocking constraint reported.
 *
 * @param installerId the installer
 * @param from first day of leave, inclusive
 * @param to last day of leave, inclusive
 * @param onPlaced told where each handed-back job went (on the solver thread; keep it quick)
 */
public record InstallerLeaveChange(String installerId, LocalDate from, LocalDate to,
        Consumer<List<Placement>> onPlaced) implements ProblemChange<Schedule> {

    public InstallerLeaveChange(String installerId, LocalDate from, LocalDate to) {
        this(installerId, from, to, placements -> {
        });
    }

    public static InstallerLeaveChange sickOn(String installerId, LocalDate day) {
        return new InstallerLeaveChange(installerId, day, day);
    }

    @Override
    public void doChange(Schedule working, ProblemChangeDirector director) {
        List<Job> handedBack = new ArrayList<>();
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
            handedBack.addAll(planned);
        }
        if (!handedBack.isEmpty()) {
            onPlaced.accept(RouteEdits.placeParked(working, director, handedBack));
        }
    }
}
