package dev.shifu.planner.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;

import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.solver.GreedyInsertion;
import dev.shifu.planner.solver.ScheduleBuilder;
import dev.shifu.planner.solver.ScheduleSolverConfig;
import dev.shifu.planner.solver.SolverSettings;
import dev.shifu.planner.travel.HaversineTravelTime;

/** City mode: a synthetic day, split into regions of at most 2 000 jobs solved in parallel. */
final class CityBenchmark {

    static final int MAX_JOBS_PER_REGION = 2000;

    record Result(int jobs, int installers, int regions, Duration timeLimit, long seed, double buildSeconds,
            double firstFeasibleSeconds, HardMediumSoftLongScore score, int unassigned, double travelHours,
            double travelKm, double wallSeconds) {
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
        System.out.printf(Locale.ROOT, "City: %d jobs, %d installers, %d region(s), built in %.1f s%n",
                jobCount, installerCount, regionCount, buildSeconds);

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
                Solver<Schedule> solver = factory.buildSolver();
                solver.addEventListener(printer::accept);
                return solver.solve(problem);
            }));
        }
        HardMediumSoftLongScore total = HardMediumSoftLongScore.ZERO;
        int unassigned = 0;
        long travelSeconds = 0;
        long travelMeters = 0;
        for (Future<Schedule> future : futures) {
            Schedule solved = future.get();
            total = total.add(solved.getScore());
            unassigned += solved.getUnassignedJobs().size();
            travelSeconds += solved.getTotalTravelSeconds();
            travelMeters += solved.getTotalTravelMeters();
        }
        pool.shutdown();
        double wall = (System.nanoTime() - solveStart) / 1e9;
        double firstFeasible = progress.stream().mapToLong(ProgressPrinter::firstFeasibleMillis)
                .reduce(0, (a, b) -> a < 0 || b < 0 ? -1 : Math.max(a, b)) / 1000.0;
        Result result = new Result(jobCount, installerCount, regionCount, timeLimit, seed, buildSeconds,
                firstFeasible, total, unassigned, travelSeconds / 3600.0, travelMeters / 1000.0, wall);
        System.out.println(format(result));
        return result;
    }

    static String format(Result r) {
        return String.format(Locale.ROOT,
                "city %d jobs / %d installers (%d region(s)): first feasible %s, final score %s, unassigned %d, "
                        + "travel %.1f h / %.0f km, wall %.1f s",
                r.jobs(), r.installers(), r.regions(),
                r.firstFeasibleSeconds() < 0 ? "never" : String.format(Locale.ROOT, "%.1f s", r.firstFeasibleSeconds()),
                r.score(), r.unassigned(), r.travelHours(), r.travelKm(), r.wallSeconds());
    }

    static String table(List<Result> results) {
        StringBuilder out = new StringBuilder("| jobs | installers | regions (parallel) | time limit | "
                + "time to first feasible | final score | unassigned | travel | wall time |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %d | %d | %d | %d s | %s | %s | %d | %.1f h / %.0f km | %.1f s |%n",
                    r.jobs(), r.installers(), r.regions(), r.timeLimit().toSeconds(),
                    r.firstFeasibleSeconds() < 0 ? "never" : String.format(Locale.ROOT, "%.1f s", r.firstFeasibleSeconds()),
                    r.score(), r.unassigned(), r.travelHours(), r.travelKm(), r.wallSeconds()));
        }
        out.append("\nFeasible = no hard constraint broken; jobs that do not fit are left unassigned (medium level). "
                + "Time to first feasible is measured from the start of solving, for the slowest region.\n");
        return out.toString();
    }
}
