package dev.shifu.planner.change;

import java.util.List;
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
 * arrival times) is cleared for the old list and rebuilt from the edited one, and the score is
 * updated incrementally.
 */
final class RouteEdits {

    private RouteEdits() {
    }

    static void editRoute(ProblemChangeDirector director, Shift shift, Consumer<Shift> edit) {
        director.removeEntity(shift, s -> {
        });
        // Listeners run deferred: flush now, while the list still holds the jobs being taken off.
        director.updateShadowVariables();
        edit.accept(shift);
        director.addEntity(shift, s -> {
        });
        director.updateShadowVariables();
    }

    static Shift requireShift(Schedule working, String shiftId) {
        return working.findShift(shiftId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown shift " + shiftId));
    }

    static Job requireJob(Schedule working, String jobId) {
        return working.findJob(jobId).orElseThrow(() -> new IllegalArgumentException("Unknown job " + jobId));
    }

    /**
     * Takes a job off its route (planned or pinned prefix). Afterwards it is a planning value in no
     * list: the caller must put it in one (a shift, or the bucket) in the same change.
     */
    static void detach(Schedule working, ProblemChangeDirector director, Job job) {
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

    /**
     * Parks jobs in the unassigned bucket. Every job stays in some list at all times, so the solution
     * stays complete and local search takes the jobs out of the bucket to their best place.
     */
    static void park(Schedule working, ProblemChangeDirector director, List<Job> jobs) {
        editRoute(director, working.getUnassignedBucket(), bucket -> bucket.getJobs().addAll(jobs));
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
        var prefix = List.copyOf(shift.getJobs().subList(0, index + 1));
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
