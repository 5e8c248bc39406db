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
 * An installer's day off ends (leave taken back, back from sick) or a new working day came in: the shift takes work, and the jobs parked
 * meanwhile are placed at once by the same insertion a leave used to hand its jobs on, rather than left to local
 * search to stumble on (a booked window nobody else can keep would stay an alert until it did).
 */
public record InstallerBackChange(String installerId, LocalDate day) implements ProblemChange<Schedule> {

    @Override
    public void doChange(Schedule working, ProblemChangeDirector director) {
        boolean back = false;
        for (Shift shift : working.getRealShifts()) {
            if (shift.hasInstaller(installerId) && shift.getDate().equals(day)) {
                if (shift.isOnLeave()) {
                    director.changeProblemProperty(shift, s -> s.setOnLeave(false));
                }
                back = true;
            }
        }
        List<Job> parked = new ArrayList<>(working.getUnassignedJobs());
        if (back && !parked.isEmpty()) {
            RouteEdits.placeParked(working, director, parked);
        }
    }
}
