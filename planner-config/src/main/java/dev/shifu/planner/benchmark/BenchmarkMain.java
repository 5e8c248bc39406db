package dev.shifu.planner.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shifu.planner.benchmark.SolomonModel.Objective;
import dev.shifu.planner.solver.ScheduleSolverConfig;
import dev.shifu.planner.solver.SolverSettings;

/**
 * The benchmark command. Modes:
 * <pre>
 * solomon FILE [--objective hierarchical|distance|both] [--time 30] [--seed 1] [--bks VALUE]
 * all     [--dir DIR] [--objective both|distance|hierarchical] [--time 30] [--seeds 1,2,3]
 *         Solomon and Gehring &amp; Homberger (distance; hierarchical for Solomon), mean per size class
 * city    [--jobs 2000] [--installers 100] [--time 30] [--seed 1]  more than 2 000 jobs: parallel regions
 * replan  [--jobs 2000] [--installers 100] [--warmup 30] [--changes 100] [--seed 1]
 * full    [--time 30] [--seed 1]   all + city 2000/100 + city 10000/500 + replan, one results file
 * report  FILE... [--time 30] [--seed 1] [--sizes 100,200,500]  OptaPlanner benchmarker HTML report comparing
 *         late acceptance sizes (distance-only), under benchmarks/optaplanner-report/
 * </pre>
 * Results go to {@code benchmarks/DATE-MODE[-LABEL].md} (directory from {@code -Dbenchmark.dir}), routes to
 * {@code benchmarks/routes/INSTANCE-OBJECTIVE-seedN-MODE[-LABEL].txt}.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.out.println("usage: solomon FILE | all | city | replan | full  [--options]; see BenchmarkMain javadoc");
            return;
        }
        String mode = args[0];
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        Path outDir = Path.of(System.getProperty("benchmark.dir", "benchmarks"));
        Path shared = Path.of(options.getOrDefault("shared", System.getProperty("shared.dir", findShared())));
        Path bksDir = shared.resolve("data/bks");
        Path routesDir = outDir.resolve("routes");
        Duration time = Duration.ofSeconds(Long.parseLong(options.getOrDefault("time", "30")));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        List<Long> seeds = java.util.Arrays.stream(options.getOrDefault("seeds", String.valueOf(seed)).split(","))
                .map(String::trim).map(Long::valueOf).toList();
        String command = "benchmark " + String.join(" ", args);
        // Names the results file and every routes file of this run, so runs at once never share a file.
        String run = mode + (options.containsKey("label") ? "-" + options.get("label") : "");
        String loadBefore = Setup.loadAverage();
        String settings = "time limit " + time.toSeconds() + " s per solve, seed " + seed;
        StringBuilder report = new StringBuilder();

        switch (mode) {
            case "solomon" -> {
                Path file = Path.of(positional.get(0));
                Double bks = options.containsKey("bks") ? Double.valueOf(options.get("bks")) : null;
                List<SolomonBenchmark.Result> results = new ArrayList<>();
                for (Objective objective : objectives(options.getOrDefault("objective", "both"))) {
                    results.add(SolomonBenchmark.run(file, objective, time, seed, bks, bksDir, routesDir, run));
                }
                report.append("## Solomon\n\n").append(SolomonBenchmark.table(results));
            }
            case "all" -> {
                List<Path> dirs = options.containsKey("dir") ? List.of(Path.of(options.get("dir")))
                        : List.of(shared.resolve("data/solomon"), shared.resolve("data/gehring-homberger"));
                settings = "time limit " + time.toSeconds() + " s per solve, seeds " + seeds;
                report.append("## Solomon and Gehring & Homberger\n\n").append(SolomonBenchmark.table(
                        SolomonBenchmark.runAll(dirs, objectives(options.getOrDefault("objective", "both")), time,
                                seeds, bksDir, routesDir, run)));
            }
            case "city" -> {
                int jobs = Integer.parseInt(options.getOrDefault("jobs", "2000"));
                int installers = Integer.parseInt(options.getOrDefault("installers", "100"));
                report.append("## City\n\n").append(CityBenchmark.table(List.of(
                        CityBenchmark.run(jobs, installers, time, seed))));
            }
            case "replan" -> {
                int jobs = Integer.parseInt(options.getOrDefault("jobs", "2000"));
                int installers = Integer.parseInt(options.getOrDefault("installers", "100"));
                Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "30")));
                int changes = Integer.parseInt(options.getOrDefault("changes", "100"));
                settings = "warm-up solve " + warmup.toSeconds() + " s, seed " + seed;
                report.append("## Replan\n\n").append(ReplanBenchmark.table(
                        ReplanBenchmark.run(jobs, installers, warmup, changes, seed)));
            }
            case "full" -> {
                List<Path> dirs = List.of(shared.resolve("data/solomon"), shared.resolve("data/gehring-homberger"));
                report.append("## Solomon and Gehring & Homberger\n\n").append(SolomonBenchmark.table(
                        SolomonBenchmark.runAll(dirs, objectives("both"), time, seeds, bksDir, routesDir, run)));
                List<CityBenchmark.Result> city = new ArrayList<>();
                city.add(CityBenchmark.run(2000, 100, time, seed));
                city.add(CityBenchmark.run(10000, 500, Duration.ofSeconds(Math.max(120, time.toSeconds() * 4)), seed));
                report.append("\n## City\n\n").append(CityBenchmark.table(city));
                report.append("\n## Replan\n\n").append(ReplanBenchmark.table(
                        ReplanBenchmark.run(2000, 100, time, 100, seed)));
            }
            case "report" -> {
                List<Integer> sizes = java.util.Arrays.stream(options.getOrDefault("sizes", "100,200,500").split(","))
                        .map(String::trim).map(Integer::valueOf).toList();
                java.io.File dir = ConfigurationReport.run(positional.stream().map(Path::of).toList(), time, seed,
                        sizes, outDir.resolve("optaplanner-report"));
                settings = "time limit " + time.toSeconds() + " s per solve, seed " + seed + ", late acceptance sizes "
                        + sizes + ", one solve at a time";
                report.append("## OptaPlanner benchmarker report\n\nInstances: ")
                        .append(String.join(", ", positional.stream().map(p -> Path.of(p).getFileName().toString())
                                .toList()))
                        .append(". Report: `").append(outDir.toAbsolutePath().normalize().relativize(
                                dir.toPath().toAbsolutePath().normalize())).append("/index.html`.\n");
            }
            default -> throw new IllegalArgumentException("Unknown mode " + mode);
        }

        // Every mode solves with this configuration (the report mode varies only the late acceptance size).
        String markdown = "# Planner benchmark: " + mode + "\n\n" + Setup.describe(command, settings, loadBefore,
                ScheduleSolverConfig.create(SolverSettings.of(time, seed))) + "\n" + report;
        System.out.println();
        System.out.println(markdown);
        Files.createDirectories(outDir);
        Path file = outDir.resolve(LocalDate.now() + "-" + run + ".md");
        Files.writeString(file, markdown);
        System.out.println("Saved " + file.toAbsolutePath().normalize());
    }

    /** The nearest {@code shared/} directory above the working directory (it sits beside the repository). */
    private static String findShared() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/data/bks"))) {
                return dir.resolve("shared").toString();
            }
        }
        return "../shared";
    }

    private static List<Objective> objectives(String value) {
        return switch (value) {
            case "hierarchical" -> List.of(Objective.HIERARCHICAL);
            case "distance" -> List.of(Objective.DISTANCE);
            default -> List.of(Objective.HIERARCHICAL, Objective.DISTANCE);
        };
    }
}
