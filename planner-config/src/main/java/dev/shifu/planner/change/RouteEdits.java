package dev.shifu.planner.change;

import java.util.function.Consumer;

import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;

/**
 * Safe edits of a shift's job list from inside a {@code ProblemChange}.
 * <p>
 * OptaPlanner 10.1's {@code ProblemChangeDirector.changeVariable} only sends basic-variable events,
 * which list-variable shadow variables do not understand. So a route edit is announced as the shift
 * leaving and re-entering the working solution: every list shadow variable (inverse, previous, next,
 * arrival times) is rebuilt from the edited list, and the score is updated incrementally.
 */
final class RouteEdits {

    private RouteEdits() {
    }

    static void editRoute(ProblemChangeDirector director, Shift shift, Consumer<Shift> edit) {
        director.removeEntity(shift, s -> {
        });
        edit.accept(shift);
        director.addEntity(shift, s -> {
        });
    }

    static Shift requireShift(Schedule working, String shiftId) {
        return working.findShift(shiftId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown shift " + shiftId));
    }

    static Job requireJob(Schedule working, String jobId) {
        return working.findJob(jobId).orElseThrow(() -> new IllegalArgumentException("Unknown job " + jobId));
    }

    /** Takes a job off its shift (planned or pinned) and leaves it unassigned for the solver to place. */
    static void unassign(Schedule working, ProblemChangeDirector director, Job job) {
        Shift shift = job.getShift();
        if (shift == null) {
            return;
        }
        if (shift.getPinnedJobs().contains(job)) {
            editRoute(director, shift, s -> {
                s.getPinnedJobs().remove(job);
                s.refreshPinnedPrefix();
            });
            clearShadows(job);
            director.addEntity(job, working.getJobs()::add);
        } else {
            editRoute(director, shift, s -> s.getJobs().remove(job));
        }
    }

    /** Pins the job and every job before it on its shift: they become a fixed prefix of the route. */
    static void pinUpTo(Schedule working, ProblemChangeDirector director, Job job) {
        Shift shift = job.getShift();
        if (shift == null || shift.isUnassignedBucket()) {
            throw new IllegalStateException("Job " + job.getId() + " is not planned on a shift, cannot pin it");
        }
        if (shift.getPinnedJobs().contains(job)) {
            return;
        }
        int index = shift.getJobs().indexOf(job);
        var prefix = java.util.List.copyOf(shift.getJobs().subList(0, index + 1));
        editRoute(director, shift, s -> {
            s.getJobs().subList(0, index + 1).clear();
            s.getPinnedJobs().addAll(prefix);
            s.refreshPinnedPrefix();
        });
        for (Job pinned : prefix) {
            director.removeEntity(pinned, working.getJobs()::remove);
        }
    }

    static void clearShadows(Job job) {
        job.setShift(null);
        job.setPrevious(null);
        job.setNext(null);
        job.setArrivalTime(null);
        job.setStartTime(null);
    }
}
