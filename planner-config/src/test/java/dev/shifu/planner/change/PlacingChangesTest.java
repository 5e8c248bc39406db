package dev.shifu.planner.change;

import static dev.shifu.planner.PlanChecks.hardImpacts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolutionUpdatePolicy;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.score.director.InnerScoreDirectorFactory;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;
import org.optaplanner.core.impl.solver.change.DefaultProblemChangeDirector;

import dev.shifu.planner.RandomDay;
import dev.shifu.planner.TinyCity;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.ScheduleConstraints;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.solver.GreedyInsertion;
import dev.shifu.planner.solver.GreedyInsertion.Placement;
import dev.shifu.planner.solver.RuinRecreateMoveFactory;
import dev.shifu.planner.solver.ScheduleBuilder;
import dev.shifu.planner.travel.EuclideanTravelTime;
import dev.shifu.planner.travel.HaversineTravelTime;

/**
 * The changes that hand a job to the plan (a new job, a sick installer's jobs) place it themselves,
 * through the score director the solver passes them: applied exactly as the solver applies a
 * problem change, on random days that touch every hard rule.
 */
class PlacingChangesTest {

    private static final SolverFactory<Schedule> FACTORY = SolverFactory.create(TinyCity.quickConfig());
    private static final SolutionManager<Schedule, HardMediumSoftLongScore> SCORING = SolutionManager.create(FACTORY);

    @SuppressWarnings("unchecked")
    private static InnerScoreDirector<Schedule, HardMediumSoftLongScore> director(Schedule schedule) {
        InnerScoreDirectorFactory<Schedule, HardMediumSoftLongScore> factory =
                ((DefaultSolverFactory<Schedule>) FACTORY).getScoreDirectorFactory();
        InnerScoreDirector<Schedule, HardMediumSoftLongScore> director = factory.buildScoreDirector(true, true);
        director.setWorkingSolution(schedule);
        director.calculateScore();
        return director;
    }

    /** Applies the change the way the solver does, and checks the incremental score against a full recalculation. */
    private static void apply(Schedule schedule, ProblemChange<Schedule> change) {
        try (InnerScoreDirector<Schedule, HardMediumSoftLongScore> director = director(schedule)) {
            HardMediumSoftLongScore incremental =
                    (HardMediumSoftLongScore) new DefaultProblemChangeDirector<>(director).doProblemChange(change);
            Map<String, String> incrementalTotals = new TreeMap<>();
            director.getConstraintMatchTotalMap().values()
                    .forEach(t -> incrementalTotals.put(t.getConstraintName(), t.getScore().toString()));
            Map<String, String> fullTotals = new TreeMap<>();
            SCORING.explain(schedule, SolutionUpdatePolicy.UPDATE_ALL).getConstraintMatchTotalMap().values()
                    .forEach(t -> fullTotals.put(t.getConstraintName(), t.getScore().toString()));
            assertThat(incrementalTotals).as("incremental totals after %s", change).isEqualTo(fullTotals);
            assertThat(SCORING.update(schedule)).as("incremental score is exact").isEqualTo(incremental);
        }
    }

    @Test
    void addedJobIsOnARouteRightAfterTheChange() {
        Schedule schedule = TinyCity.schedule();
        GreedyInsertion.planUnplacedJobs(schedule);
        List<Placement> placements = new ArrayList<>();

        apply(schedule, new AddJobChange(TinyCity.job("URGENT", 30.27, 120.15, 14), placements::add));

        Job urgent = schedule.findJob("URGENT").orElseThrow();
        assertThat(urgent.isAssigned()).isTrue();
        assertThat(urgent.getStartTime()).isBetween(urgent.getWindowStart(), urgent.getWindowEnd());
        assertThat(schedule.getScore().hardScore()).isZero();
        assertThat(schedule.getUnassignedJobs()).isEmpty();
        assertThat(placements).singleElement().satisfies(p -> assertThat(p.shift()).isSameAs(urgent.getShift()));
    }

    @Test
    void jobNoShiftCanTakeStaysUnassignedWithTheBlockingConstraint() {
        Schedule schedule = TinyCity.schedule();
        GreedyInsertion.planUnplacedJobs(schedule);
        List<Placement> placements = new ArrayList<>();

        apply(schedule, new AddJobChange(TinyCity.job("PLUMBING", 30.27, 120.15, 14).withSkills(Set.of("plumbing")),
                placements::add));

        assertThat(schedule.getUnassignedJobs()).extracting(Job::getId).containsExactly("PLUMBING");
        assertThat(schedule.getScore().hardScore()).isZero();
        assertThat(placements).singleElement().satisfies(p -> {
            assertThat(p.isPlaced()).isFalse();
            assertThat(p.blockedBy()).isEqualTo(ScheduleConstraints.SKILL_MATCH);
            assertThat(p.ruledOut()).containsEntry(ScheduleConstraints.SKILL_MATCH, 3);
        });
    }

    @Test
    void sickInstallersJobsAreOnOtherRoutesRightAfterTheChange() {
        Schedule schedule = TinyCity.schedule();
        GreedyInsertion.planUnplacedJobs(schedule);
        Shift s1 = schedule.findShift("S1").orElseThrow();
        List<Job> handedBack = List.copyOf(s1.getJobs());
        assertThat(handedBack).isNotEmpty();
        List<Placement> placements = new ArrayList<>();

        apply(schedule, new InstallerLeaveChange("I-S1", TinyCity.DAY, TinyCity.DAY, placements::addAll));

        assertThat(s1.isOnLeave()).isTrue();
        assertThat(s1.getJobs()).isEmpty();
        assertThat(handedBack).allSatisfy(job -> {
            assertThat(job.isAssigned()).as(job.getId()).isTrue();
            assertThat(job.getShift()).isNotSameAs(s1);
        });
        assertThat(schedule.getScore().hardScore()).isZero();
        assertThat(placements).hasSize(handedBack.size()).allMatch(Placement::isPlaced);
    }

    @Test
    void sickInstallersJobGoesWhereANeighbourMakesRoomForIt() {
        // Only S1 (sick) and S3 have the gas skill, and S3's short day is full with an ac job that S2 could do:
        // no gap takes the gas job as the routes stand, so the change must move the ac job to S2 first.
        Schedule schedule = new ScheduleBuilder("room", HaversineTravelTime.cityDefault())
                .shift(TinyCity.shift("S1", 30.27, 120.15, Set.of("ac", "gas")))
                .shift(shortShift("S2", 30.28, 120.17, Set.of("ac")))
                .shift(shortShift("S3", 30.27, 120.16, Set.of("ac", "gas")))
                .pinnedJob("S2", new Job("PINNED", new Location("PINNED", 30.28, 120.165), 600).withSkills(Set.of("ac")))
                .initialAssignment("S1", new Job("GAS", new Location("GAS", 30.271, 120.158), 3 * 3600)
                        .withSkills(Set.of("gas")).withWindow(TinyCity.at(8), TinyCity.at(12)))
                .initialAssignment("S3", new Job("AC", new Location("AC", 30.272, 120.159), 3 * 3600)
                        .withSkills(Set.of("ac")).withWindow(TinyCity.at(8), TinyCity.at(12)))
                .build();
        SCORING.update(schedule);
        assertThat(schedule.getScore().hardScore()).isZero();
        Job gas = schedule.findJob("GAS").orElseThrow();
        Job ac = schedule.findJob("AC").orElseThrow();
        Shift s2 = schedule.findShift("S2").orElseThrow();
        long pinnedStart = s2.getPinnedJobs().get(0).getStartTime();
        List<Placement> placements = new ArrayList<>();

        apply(schedule, new InstallerLeaveChange("I-S1", TinyCity.DAY, TinyCity.DAY, placements::addAll));

        assertThat(gas.getShift().getId()).isEqualTo("S3");
        assertThat(ac.getShift()).isSameAs(s2);
        assertThat(s2.getPinnedJobs()).extracting(Job::getId).containsExactly("PINNED");
        assertThat(s2.getPinnedJobs().get(0).getStartTime()).isEqualTo(pinnedStart);
        assertThat(schedule.getScore().hardScore()).isZero();
        assertThat(schedule.getUnassignedJobs()).isEmpty();
        assertThat(placements).singleElement().satisfies(p -> assertThat(p.shift()).isSameAs(gas.getShift()));
    }

    @Test
    void addedJobThatOnlyAFarFullShiftMayTakeIsPlacedByOpeningAGapThere() {
        // On a plane, 1 unit = 1 s. Only F has the gas skill, and F works 2 000 s away from the new job: none
        // of the job's 40 nearest neighbours is on F, so ruins around the job never touch F's route, and F's
        // day is full (a pinned job, then eight jobs of 1 100 s). Only a gap opened on F at the job's time,
        // with F's jobs moving to F2 beside it, places the job.
        ScheduleBuilder builder = new ScheduleBuilder("far-gap", new EuclideanTravelTime(1))
                .shift(planeShift("F", -2000, Set.of("ac", "gas")))
                .shift(planeShift("F2", -2000, Set.of("ac")))
                .pinnedJob("F", new Job("F-PINNED", Location.plane("F-PINNED", -2000, 10), 500).withSkills(Set.of("ac")));
        for (int k = 1; k <= 8; k++) {
            builder.initialAssignment("F", new Job("F" + k, Location.plane("F" + k, -2000, 10 + 10 * k), 1100)
                    .withSkills(Set.of("ac")));
        }
        for (int n = 1; n <= 5; n++) {
            builder.shift(planeShift("N" + n, 0, Set.of("ac")));
            for (int k = 1; k <= 9; k++) {
                builder.initialAssignment("N" + n, new Job("N" + n + "-" + k,
                        Location.plane("N" + n + "-" + k, 10 * k, 10 * n), 100).withSkills(Set.of("ac")));
            }
        }
        Schedule schedule = builder.pinnedJob("N1", new Job("N-PINNED", Location.plane("N-PINNED", 5, 5), 100)
                .withSkills(Set.of("ac"))).build();
        SCORING.update(schedule);
        assertThat(schedule.getScore().hardScore()).isZero();
        Shift far = schedule.findShift("F").orElseThrow();
        Map<String, Long> pinnedStarts = pinnedStarts(schedule);
        Map<String, List<String>> pinnedBefore = pinnedIds(schedule);
        Job gas = new Job("NEW", Location.plane("NEW", 0, 0), 500).withSkills(Set.of("gas")).withWindow(3000, 7000);
        List<Placement> placements = new ArrayList<>();

        apply(schedule, new AddJobChange(gas, placements::add));

        Job placed = schedule.findJob("NEW").orElseThrow();
        assertThat(placed.getShift()).as("on the only shift that may take it").isSameAs(far);
        assertThat(placed.getStartTime()).isBetween(3000L, 7000L);
        assertThat(far.getJobs()).as("a gap was opened: some of F's jobs moved").hasSizeLessThan(9);
        assertThat(schedule.getScore().hardScore()).isZero();
        assertThat(schedule.getUnassignedJobs()).isEmpty();
        assertThat(pinnedIds(schedule)).isEqualTo(pinnedBefore);
        assertThat(pinnedStarts(schedule)).isEqualTo(pinnedStarts);
        assertThat(placements).singleElement().satisfies(p -> assertThat(p.shift()).isSameAs(far));
    }

    /** A plane shift from 0 to 10 000 s with its base at (x, 0). */
    private static Shift planeShift(String id, double x, Set<String> skills) {
        return new Shift(id, Location.plane(id + "-base", x, 0), TinyCity.DAY, 0, 10_000)
                .withInstallers(List.of("I-" + id)).withProvider("P1").withSkills(skills);
    }

    private static Shift shortShift(String id, double lat, double lon, Set<String> skills) {
        return new Shift(id, new Location(id + "-base", lat, lon), TinyCity.DAY, TinyCity.at(8), TinyCity.at(12))
                .withInstallers(List.of("I-" + id)).withProvider("P1").withSkills(skills);
    }

    @Test
    void ruinAndRecreateAroundWaitingJobsNeverBreaksASatisfiedHardConstraintNorMovesPinnedJobs() {
        int waitingBefore = 0;
        int waitingAfter = 0;
        for (long day = 1; day <= 30; day++) {
            long seed = day;
            Schedule schedule = RandomDay.of(seed);
            GreedyInsertion.planUnplacedJobs(schedule);
            Map<String, Long> before = hardImpacts(schedule);
            Map<String, List<String>> pinnedBefore = pinnedIds(schedule);
            Map<String, Long> pinnedStarts = pinnedStarts(schedule);
            long mediumBefore = schedule.getScore().mediumScore();
            List<Job> waiting = List.copyOf(schedule.getUnassignedJobs());
            waitingBefore += waiting.size();
            try (InnerScoreDirector<Schedule, HardMediumSoftLongScore> director = director(schedule)) {
                RuinRecreateMoveFactory.placeAround(director, schedule, waiting, new Random(seed), 50);
                assertThat(SCORING.update(schedule)).as("seed %d: incremental score is exact", seed)
                        .isEqualTo(director.calculateScore());
            }
            hardImpacts(schedule).forEach((name, impact) -> assertThat(impact).as("seed %d: %s", seed, name)
                    .isGreaterThanOrEqualTo(before.getOrDefault(name, 0L)));
            assertThat(pinnedIds(schedule)).as("seed %d: pinned jobs", seed).isEqualTo(pinnedBefore);
            pinnedStarts(schedule).forEach((id, start) ->
                    assertThat(start).as("seed %d: pinned time of %s", seed, id).isEqualTo(pinnedStarts.get(id)));
            assertThat(schedule.getScore().mediumScore()).as("seed %d: waiting jobs", seed)
                    .isGreaterThanOrEqualTo(mediumBefore);
            assertThat(waiting).as("seed %d: no job that was on a route is parked", seed)
                    .containsAll(schedule.getUnassignedJobs());
            waitingAfter += schedule.getUnassignedJobs().size();
        }
        assertThat(waitingBefore).as("jobs the first plan left waiting").isGreaterThan(0);
        assertThat(waitingAfter).as("ruin and recreate placed some of them").isLessThan(waitingBefore);
    }

    @Test
    void placingNeverBreaksASatisfiedHardConstraintAndNeverMovesPinnedJobs() {
        int placed = 0;
        for (long day = 1; day <= 30; day++) {
            long seed = day;
            Schedule schedule = RandomDay.of(seed);
            GreedyInsertion.planUnplacedJobs(schedule);
            Random random = new Random(seed);
            // Pin the head of one route on top of the day's own pinned job.
            schedule.getRealShifts().stream().filter(s -> !s.getJobs().isEmpty()).findFirst()
                    .ifPresent(s -> apply(schedule, new PinJobChange(s.getJobs().get(0).getId())));
            Map<String, Long> before = hardImpacts(schedule);
            Map<String, List<String>> pinnedBefore = pinnedIds(schedule);
            Map<String, Long> pinnedStarts = pinnedStarts(schedule);
            List<Placement> placements = new ArrayList<>();

            for (int k = 0; k < 3; k++) {
                int from = 8 + random.nextInt(8);
                Job job = new Job("NEW" + k, new Location("NEW" + k, RandomDay.lat(random), RandomDay.lon(random)), 1800)
                        .withSkills(Set.of("ac")).withWindow(TinyCity.at(from), TinyCity.at(from + 2))
                        .withServiceType(random.nextBoolean() ? "INSTALLATION" : "REPAIR").withDemand(1);
                apply(schedule, new AddJobChange(job, placements::add));
            }
            // A sick installer whose shift holds no pinned job (leave hands pinned jobs back too).
            Shift sick = schedule.getRealShifts().stream()
                    .filter(s -> !s.getJobs().isEmpty() && s.getPinnedJobs().isEmpty()).findFirst().orElse(null);
            if (sick != null) {
                pinnedBefore.put(sick.getId(), List.of());
                apply(schedule, new InstallerLeaveChange(sick.getInstallerIds().get(0), TinyCity.DAY, TinyCity.DAY,
                        placements::addAll));
            }

            Map<String, Long> after = hardImpacts(schedule);
            for (Map.Entry<String, Long> entry : after.entrySet()) {
                assertThat(entry.getValue()).as("seed %d: %s", seed, entry.getKey())
                        .isGreaterThanOrEqualTo(before.getOrDefault(entry.getKey(), 0L));
            }
            assertThat(pinnedIds(schedule)).as("seed %d: pinned jobs", seed).isEqualTo(pinnedBefore);
            pinnedStarts(schedule).forEach((id, start) ->
                    assertThat(start).as("seed %d: pinned time of %s", seed, id).isEqualTo(pinnedStarts.get(id)));
            // A job placed by one change may be handed back by a later one: the last word counts.
            Map<String, Placement> last = new HashMap<>();
            placements.forEach(p -> last.put(p.job().getId(), p));
            for (Placement placement : last.values()) {
                assertThat(placement.job().isAssigned()).as("seed %d: %s", seed, placement).isEqualTo(placement.isPlaced());
                if (!placement.isPlaced()) {
                    assertThat(placement.blockedBy()).as("seed %d: %s", seed, placement).isNotNull();
                }
            }
            placed += (int) placements.stream().filter(Placement::isPlaced).count();
        }
        assertThat(placed).as("the changes place jobs at all").isGreaterThan(30);
    }

    private static Map<String, List<String>> pinnedIds(Schedule schedule) {
        Map<String, List<String>> ids = new HashMap<>();
        schedule.getRealShifts().forEach(s -> ids.put(s.getId(), s.getPinnedJobs().stream().map(Job::getId).toList()));
        return ids;
    }

    private static Map<String, Long> pinnedStarts(Schedule schedule) {
        Map<String, Long> starts = new HashMap<>();
        schedule.getRealShifts().forEach(s -> s.getPinnedJobs().forEach(j -> starts.put(j.getId(), j.getStartTime())));
        return starts;
    }
}
