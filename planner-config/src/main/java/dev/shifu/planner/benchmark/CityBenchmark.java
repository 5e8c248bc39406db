package dev.shifu.planner.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;

import dev.shifu.planner.domain.AssignmentRule;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.solver.GreedyInsertion;
import dev.shifu.planner.solver.ScheduleBuilder;
import dev.shifu.planner.solver.ScheduleSolverConfig;
import dev.shifu.planner.solver.SolverSettings;
import dev.shifu.planner.travel.HaversineTravelTime;

/** City mode: a synthetic day, split into regions of at most 2 000 jobs solved in parallel. */
final class CityBenchmark {

    static final int MAX_JOBS_PER_REGION = 2000;

    record Result(int jobs, int installers, int regions, Duration timeLimit, long seed, double buildSeconds,
            double firstFeasibleSeconds, double completeSeconds, HardMediumSoftLongScore score, int unassigned,
            Map<String, Integer> blockedBy, double travelHours, double travelKm, double lowerBoundHours,
            String load, double wallSeconds) {

        /** Travel above the nearest-neighbour lower bound, in per cent of the bound. */
        double gapPercent() {
            return 100 * (travelHours - lowerBoundHours) / lowerBoundHours;
        }
    }

    private CityBenchmark() {
    }

    static Result run(int jobCount, int installerCount, Duration timeLimit, long seed) throws Exception {
        long start = System.nanoTime();
        CityGenerator.City city = CityGenerator.generate(jobCount, installerCount, seed);
        int regionCount = Math.max(1, (jobCount + MAX_JOBS_PER_REGION - 1) / MAX_JOBS_PER_REGION);
        List<CityGenerator.City> regions = CityGenerator.splitIntoRegions(city, regionCount);
        List<Schedule> problems = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            problems.add(new ScheduleBuilder("region-" + (r + 1), HaversineTravelTime.cityDefault())
                    .shifts(regions.get(r).shifts()).jobs(regions.get(r).jobs()).build());
        }
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        double lowerBoundHours = problems.stream().mapToLong(CityBenchmark::travelLowerBound).sum() / 3600.0;
        String load = CityGenerator.describeLoad(city, lowerBoundHours);
        System.out.printf(Locale.ROOT, "City: %d jobs, %d installers, %d region(s), built in %.1f s; %s%n",
                jobCount, installerCount, regionCount, buildSeconds, load);

        SolverFactory<Schedule> factory = SolverFactory.create(ScheduleSolverConfig.create(
                SolverSettings.of(timeLimit, seed)));
        ExecutorService pool = Executors.newFixedThreadPool(regionCount, runnable -> {
            Thread thread = new Thread(runnable, "region-solver");
            thread.setDaemon(true);
            return thread;
        });
        List<ProgressPrinter> progress = new ArrayList<>();
        List<Future<Schedule>> futures = new ArrayList<>();
        long solveStart = System.nanoTime();
        for (Schedule problem : problems) {
            ProgressPrinter printer = new ProgressPrinter(problem.getName(), 5000);
            progress.add(printer);
            futures.add(pool.submit(() -> {
                GreedyInsertion.planUnplacedJobs(problem);
                printer.starting(problem.getScore());
                Solver<Schedule> solver = factory.buildSolver();
                solver.addEventListener(printer::accept);
                return solver.solve(problem);
            }));
        }
        HardMediumSoftLongScore total = HardMediumSoftLongScore.ZERO;
        int unassigned = 0;
        Map<String, Integer> blockedBy = new TreeMap<>();
        long travelSeconds = 0;
        long travelMeters = 0;
        for (Future<Schedule> future : futures) {
            Schedule solved = future.get();
            total = total.add(solved.getScore());
            unassigned += solved.getUnassignedJobs().size();
            for (Job job : solved.getUnassignedJobs()) {
                GreedyInsertion.Placement why = GreedyInsertion.diagnose(solved, job);
                System.out.println("  unassigned " + why);
                blockedBy.merge(why.blockedBy(), 1, Integer::sum);
            }
            travelSeconds += solved.getTotalTravelSeconds();
            travelMeters += solved.getTotalTravelMeters();
        }
        pool.shutdown();
        double wall = (System.nanoTime() - solveStart) / 1e9;
        double firstFeasible = slowest(progress, ProgressPrinter::firstFeasibleMillis);
        double complete = slowest(progress, ProgressPrinter::completeMillis);
        Result result = new Result(jobCount, installerCount, regionCount, timeLimit, seed, buildSeconds,
                firstFeasible, complete, total, unassigned, blockedBy, travelSeconds / 3600.0, travelMeters / 1000.0,
                lowerBoundHours, load, wall);
        System.out.println(format(result));
        return result;
    }

    /** Seconds until every region got there, or -1 if one never did. */
    private static double slowest(List<ProgressPrinter> progress, ToLongFunction<ProgressPrinter> millis) {
        return progress.stream().mapToLong(millis).reduce(0, (a, b) -> a < 0 || b < 0 ? -1 : Math.max(a, b)) / 1000.0;
    }

    /**
     * A lower bound on the region's total driving. In any plan a job is reached either from the route
     * start of a shift that may take it or from another job on that same shift, so the sum over jobs of
     * the shortest such leg (shifts and jobs compatible by the shift rules, {@link AssignmentRule})
     * cannot exceed any plan's travel. Windows and the way home are ignored, so the bound is loose.
     */
    static long travelLowerBound(Schedule schedule) {
        List<Shift> shifts = schedule.getRealShifts();
        List<Job> jobs = schedule.getJobs();
        List<BitSet> eligible = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            BitSet set = new BitSet(shifts.size());
            for (int s = 0; s < shifts.size(); s++) {
                if (AssignmentRule.allHold(job, shifts.get(s))) {
                    set.set(s);
                }
            }
            eligible.add(set);
        }
        long total = 0;
        for (int j = 0; j < jobs.size(); j++) {
            Location to = jobs.get(j).getLocation();
            BitSet mine = eligible.get(j);
            long nearest = Long.MAX_VALUE;
            for (int s = mine.nextSetBit(0); s >= 0; s = mine.nextSetBit(s + 1)) {
                nearest = Math.min(nearest, shifts.get(s).getRouteStartLocation().travelSecondsTo(to));
            }
            for (int k = 0; k < jobs.size(); k++) {
                if (k != j && mine.intersects(eligible.get(k))) {
                    nearest = Math.min(nearest, jobs.get(k).getLocation().travelSecondsTo(to));
                }
            }
            total += nearest == Long.MAX_VALUE ? 0 : nearest;
        }
        return total;
    }

    static String format(Result r) {
        return String.format(Locale.ROOT,
                "city %d jobs / %d installers (%d region(s)): first feasible %s, all assigned %s, final score %s, "
                        + "unassigned %d %s, travel %.1f h / %.0f km, lower bound %.1f h, gap %.1f %%, wall %.1f s",
                r.jobs(), r.installers(), r.regions(), seconds(r.firstFeasibleSeconds()), seconds(r.completeSeconds()),
                r.score(), r.unassigned(), r.blockedBy(), r.travelHours(), r.travelKm(), r.lowerBoundHours(),
                r.gapPercent(), r.wallSeconds());
    }

    private static String seconds(double value) {
        return value < 0 ? "never" : String.format(Locale.ROOT, "%.1f s", value);
    }

    static String table(List<Result> results) {
        StringBuilder out = new StringBuilder("| jobs | installers | regions (parallel) | time limit | first feasible "
                + "| all assigned and feasible | final score | unassigned (blocked by) | travel | lower bound | gap "
                + "| wall time |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %d | %d | %d | %d s | %s | %s | %s | %d %s | %.1f h / %.0f km "
                            + "| %.1f h | %.1f %% | %.1f s |%n",
                    r.jobs(), r.installers(), r.regions(), r.timeLimit().toSeconds(), seconds(r.firstFeasibleSeconds()),
                    seconds(r.completeSeconds()), r.score(), r.unassigned(),
                    r.blockedBy().isEmpty() ? "" : r.blockedBy().toString(), r.travelHours(), r.travelKm(),
                    r.lowerBoundHours(), r.gapPercent(), r.wallSeconds()));
        }
        out.append("\nLoad: ");
        results.forEach(r -> out.append(r.jobs()).append(" jobs: ").append(r.load()).append(". "));
        out.append("\n\nTimes are from the start of solving (greedy first plan included), for the slowest region. "
                + "*Blocked by*: the hard constraint at which the shifts that came closest to taking each unassigned "
                + "job stopped (GreedyInsertion.diagnose). *Lower bound*: the sum over jobs of the shortest leg into "
                + "each from a job or base that a shift able to take both could drive from (windows and the way home "
                + "ignored); the gap is travel above it. The day is generated "
                + "solvable (CityGenerator): enough installer-hours and every skill and crew combination present "
                + "for every provider.\n");
        return out.toString();
    }
}
