package dev.shifu.planner.benchmark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.optaplanner.benchmark.api.PlannerBenchmarkFactory;
import org.optaplanner.benchmark.config.PlannerBenchmarkConfig;
import org.optaplanner.benchmark.config.ProblemBenchmarksConfig;
import org.optaplanner.benchmark.config.SolverBenchmarkConfig;
import org.optaplanner.benchmark.config.statistic.ProblemStatisticType;

import dev.shifu.planner.benchmark.SolomonModel.Objective;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.solver.GreedyInsertion;
import dev.shifu.planner.solver.ScheduleSolverConfig;
import dev.shifu.planner.solver.SolverSettings;

/**
 * Report mode: OptaPlanner's own benchmarker compares solver configurations on a few instances
 * (distance-only, one solver thread each, one after another) and writes its HTML report with the
 * best score over time per instance. The configurations differ only in the late acceptance size; the
 * chosen one is {@link SolverSettings}' default. Every problem starts from the same greedy first plan.
 */
final class ConfigurationReport {

    private ConfigurationReport() {
    }

    static File run(List<Path> files, Duration timeLimit, long seed, List<Integer> lateAcceptanceSizes, Path outDir)
            throws IOException {
        List<Schedule> problems = new ArrayList<>();
        for (Path file : files) {
            SolomonInstance instance = SolomonInstance.read(file);
            Schedule problem = SolomonModel.toSchedule(instance, Objective.DISTANCE);
            GreedyInsertion.planUnplacedJobs(problem);
            problems.add(problem);
        }
        int chosen = SolverSettings.of(timeLimit, seed).lateAcceptanceSize();
        List<SolverBenchmarkConfig> solvers = new ArrayList<>();
        for (int size : lateAcceptanceSizes) {
            SolverBenchmarkConfig solver = new SolverBenchmarkConfig();
            solver.setName("late acceptance " + size + (size == chosen ? " (chosen)" : ""));
            solver.setSolverConfig(ScheduleSolverConfig.create(SolverSettings.of(timeLimit, seed)
                    .withLateAcceptanceSize(size)));
            ProblemBenchmarksConfig statistics = new ProblemBenchmarksConfig();
            statistics.setProblemStatisticTypeList(List.of(ProblemStatisticType.BEST_SCORE,
                    ProblemStatisticType.SCORE_CALCULATION_SPEED));
            solver.setProblemBenchmarksConfig(statistics);
            solvers.add(solver);
        }
        PlannerBenchmarkConfig config = new PlannerBenchmarkConfig();
        config.setName("Shifu planner configurations");
        config.setBenchmarkDirectory(outDir.toFile());
        config.setParallelBenchmarkCount("1");
        config.setSolverBenchmarkConfigList(solvers);
        System.setProperty("java.awt.headless", "true");
        File base = PlannerBenchmarkFactory.create(config).buildPlannerBenchmark(problems).benchmark();
        // The benchmarker writes each run into a new time-stamped directory under the one configured.
        File[] runs = base.listFiles(f -> new File(f, "index.html").isFile());
        File latest = base;
        for (File run : runs == null ? new File[0] : runs) {
            if (latest == base || run.getName().compareTo(latest.getName()) > 0) {
                latest = run;
            }
        }
        return latest;
    }
}
