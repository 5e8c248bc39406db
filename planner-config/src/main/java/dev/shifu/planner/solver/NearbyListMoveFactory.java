package dev.shifu.planner.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;

/**
 * The small list moves of the local search with nearby selection: relocate a job next to one of its
 * nearest jobs (or park it in the unassigned bucket), swap it with one of them, or relocate a string
 * of up to 8 jobs that starts at it next to a near job, reversed or not. Neighbours are drawn with a
 * parabolic bias over the 40 nearest, as OptaPlanner's own nearby selection does.
 * <p>
 * Why not OptaPlanner's list move selectors with nearby selection: 10.1 computes their nearby matrix
 * eagerly at every phase start, and a live solver restarts its phases on each problem change; see
 * {@link NearbyJobs}. Each move is a {@link RoutesMove} over the one or two routes it touches, scored
 * by every constraint; pinned prefixes are not in the list variable, so they never move.
 */
public final class NearbyListMoveFactory implements MoveIteratorFactory<Schedule, RoutesMove> {

    private static final int MAX_SUB_LIST = 8;
    /** One relocate in this many parks the job in the unassigned bucket instead (as the bucket at distance 0 did). */
    private static final int PARK_ONE_IN = 41;

    private NearbyJobs cached;

    @Override
    public long getSize(ScoreDirector<Schedule> scoreDirector) {
        return scoreDirector.getWorkingSolution().getJobs().size();
    }

    @Override
    public Iterator<RoutesMove> createOriginalMoveIterator(ScoreDirector<Schedule> scoreDirector) {
        throw new UnsupportedOperationException("Nearby list moves are random only (selectionOrder RANDOM)");
    }

    @Override
    public Iterator<RoutesMove> createRandomMoveIterator(ScoreDirector<Schedule> scoreDirector, Random random) {
        Schedule schedule = scoreDirector.getWorkingSolution();
        NearbyJobs near = neighbours(schedule);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !schedule.getJobs().isEmpty();
            }

            @Override
            public RoutesMove next() {
                return draw(schedule, near, random);
            }
        };
    }

    private synchronized NearbyJobs neighbours(Schedule schedule) {
        cached = NearbyJobs.of(schedule, cached);
        return cached;
    }

    static RoutesMove draw(Schedule schedule, NearbyJobs near, Random random) {
        List<Job> jobs = schedule.getJobs();
        Job job = jobs.get(random.nextInt(jobs.size()));
        Shift from = job.getShift();
        Job other = near.draw(job, random);
        Edit edit = new Edit();
        int kind = random.nextInt(3);
        if (from == null || other == null || other.getShift() == null) {
            return edit.build("none");
        }
        Shift to = other.getShift();
        if (kind == 0) {
            List<Job> source = edit.route(from);
            source.remove(job);
            if (!from.isUnassignedBucket() && random.nextInt(PARK_ONE_IN) == 0) {
                edit.route(schedule.getUnassignedBucket()).add(job);
                return edit.build("park");
            }
            List<Job> target = edit.route(to);
            target.add(target.indexOf(other) + (random.nextBoolean() ? 1 : 0), job);
            return edit.build("relocate");
        }
        if (kind == 1) {
            if (from == to && from.isUnassignedBucket()) {
                return edit.build("none");
            }
            List<Job> source = edit.route(from);
            List<Job> target = edit.route(to);
            int a = source.indexOf(job);
            int b = target.indexOf(other);
            source.set(a, other);
            target.set(b, job);
            return edit.build("swap");
        }
        if (from.isUnassignedBucket()) {
            return edit.build("none");
        }
        List<Job> source = edit.route(from);
        int start = source.indexOf(job);
        int length = 1 + random.nextInt(Math.min(MAX_SUB_LIST, source.size() - start));
        List<Job> string = new ArrayList<>(source.subList(start, start + length));
        if (string.contains(other)) {
            return edit.build("none");
        }
        source.subList(start, start + length).clear();
        if (random.nextBoolean()) {
            Collections.reverse(string);
        }
        List<Job> target = edit.route(to);
        target.addAll(target.indexOf(other) + (random.nextBoolean() ? 1 : 0), string);
        return edit.build("sub-list change");
    }

    /** Copies of the routes a move touches. */
    private static final class Edit {
        private final Map<Shift, List<Job>> routes = new LinkedHashMap<>();

        List<Job> route(Shift shift) {
            return routes.computeIfAbsent(shift, s -> new ArrayList<>(s.getJobs()));
        }

        RoutesMove build(String kind) {
            List<Shift> shifts = new ArrayList<>(routes.keySet());
            List<List<Job>> lists = new ArrayList<>(shifts.size());
            shifts.forEach(s -> lists.add(List.copyOf(routes.get(s))));
            return new RoutesMove(shifts, lists, kind);
        }
    }
}
