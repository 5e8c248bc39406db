package dev.shifu.planner.change;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

import dev.shifu.planner.domain.AssignmentRule;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.solver.GreedyInsertion.Placement;

/**
 * An installer's day off ends (leave taken back, back from sick) or a new working day came in: the shift takes work, and the jobs parked
 * meanwhile are placed at once by the same insertion a leave used to hand its jobs on, rather than left to local
 * search to stumble on (a booked window nobody else can keep would stay an alert until it did).
 */
public record InstallerBackChange(String installerId, LocalDate day, Consumer<List<Placement>> onTried)
        implements ProblemChange<Schedule> {

    public InstallerBackChange(String installerId, LocalDate day) {
        this(installerId, day, tried -> {
        });
    }

    @Override
    public void doChange(Schedule working, ProblemChangeDirector director) {
        List<Shift> back = new ArrayList<>();
        for (Shift shift : working.getRealShifts()) {
            if (shift.hasInstaller(installerId) && shift.getDate().equals(day)) {
                if (shift.isOnLeave()) {
                    director.changeProblemProperty(shift, s -> s.setOnLeave(false));
                }
                back.add(shift);
            }
        }
        // Only the parked jobs these shifts may take at all (skills, crew, the accepting provider, goods, ...): the
        // others could not go there, and trying each of a busy region's parked jobs on every new working day made
        // an installer's change cost as much as a rebuild.
        List<Job> parked = working.getUnassignedJobs().stream()
                .filter(job -> back.stream().anyMatch(shift -> AssignmentRule.allHold(job, shift)))
                .toList();
        onTried.accept(parked.isEmpty() ? List.of() : RouteEdits.placeParked(working, director, new ArrayList<>(parked)));
    }
}
