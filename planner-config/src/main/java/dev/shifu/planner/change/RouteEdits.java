package dev.shifu.planner.change;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.solver.GreedyInsertion;
import dev.shifu.planner.solver.GreedyInsertion.Placement;
import dev.shifu.planner.solver.RuinRecreateMoveFactory;

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
        settle(director);
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
     * stays complete; {@link #placeParked} or local search takes the jobs out to their best place.
     */
    static void park(Schedule working, ProblemChangeDirector director, List<Job> jobs) {
        editRoute(director, working.getUnassignedBucket(), bucket -> bucket.getJobs().addAll(jobs));
    }

    /**
     * Places parked jobs by greedy insertion through the running solver's score director (see
     * {@link GreedyInsertion#placeFromBucket}). Without access to it they stay parked, for local search.
     */
    static List<Placement> placeParked(Schedule working, ProblemChangeDirector director, List<Job> jobs) {
        InnerScoreDirector<Schedule, HardMediumSoftLongScore> scoreDirector = WorkingScoreDirector.of(director);
        if (scoreDirector == null) {
            return jobs.stream().map(job -> new Placement(job, null, "not placed: no score director", Map.of()))
                    .toList();
        }
        // Shadow variables of the edits so far must be in place before positions are timed.
        director.updateShadowVariables();
        List<Placement> placements = GreedyInsertion.placeFromBucket(scoreDirector, working, jobs);
        List<Job> waiting = placements.stream().filter(p -> !p.isPlaced()).map(Placement::job).toList();
        if (waiting.isEmpty()) {
            return placements;
        }
        // A full day often has no gap for them: ruin and recreate around each makes one by moving its
        // neighbours (bounded by moves, seeded by the jobs, so a replay places them the same way).
        Random random = new Random(waiting.stream().map(Job::getId).toList().hashCode());
        RuinRecreateMoveFactory.placeAround(scoreDirector, working, waiting, random, REPAIR_ATTEMPTS * waiting.size());
        Shift bucket = working.getUnassignedBucket();
        // Where each job is now: placed by the repair, or (in principle) moved back to the bucket by it.
        return placements.stream().map(p -> p.job().getShift() == bucket
                ? (p.isPlaced() ? GreedyInsertion.diagnose(working, p.job()) : p)
                : (p.isPlaced() ? p : new Placement(p.job(), p.job().getShift(), null, Map.of()))).toList();
    }

    /** Ruin-and-recreate moves tried per job that plain insertion could not place. */
    private static final int REPAIR_ATTEMPTS = 50;

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
        // Off the route and out of the planning values first, while the score director still sees them
        // as plain unassigned jobs; only then do they become the prefix (which sets their shadows directly).
        editRoute(director, shift, s -> s.getJobs().subList(0, index + 1).clear());
        for (Job pinned : prefix) {
            removeJob(working, director, pinned);
        }
        editRoute(director, shift, s -> {
            s.getPinnedJobs().addAll(prefix);
            s.refreshPinnedPrefix();
        });
    }

    /** Takes a job out of the planning values (see {@link #settle}). */
    static void removeJob(Schedule working, ProblemChangeDirector director, Job job) {
        settle(director);
        director.removeEntity(job, working.getJobs()::remove);
    }

    /**
     * Scores the edits so far. Bavet 10.1 loses the retraction of a fact that was updated since the last
     * score calculation (it marks the tuple ABORTING instead of DYING, so its matches stay in the score
     * for good): every removal of a job or a shift is preceded by this.
     */
    private static void settle(ProblemChangeDirector director) {
        director.updateShadowVariables();
        InnerScoreDirector<Schedule, HardMediumSoftLongScore> scoreDirector = WorkingScoreDirector.of(director);
        if (scoreDirector != null) {
            scoreDirector.calculateScore();
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
