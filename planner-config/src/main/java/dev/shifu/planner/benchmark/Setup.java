package dev.shifu.planner.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;

/** The machine and settings a benchmark ran with, for the saved results. */
final class Setup {

    private Setup() {
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1 / 5 / 15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * The solver's CPU priority on a shared machine. With autogroup scheduling (Linux default) a plain
     * {@code nice} only counts inside its own session: the session's autogroup nice is what other
     * sessions' builds compete with (see the README's benchmark command).
     */
    static String priority() {
        String nice = "?";
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            nice = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16];
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        String group;
        try {
            group = Files.readString(Path.of("/proc/self/autogroup")).trim();
        } catch (IOException | RuntimeException e) {
            group = "no autogroup";
        }
        return "nice " + nice + ", " + group;
    }

    /** The code measured: HEAD, marked when the work tree has changes, so a figure can be traced to its code. */
    static String commit() {
        try {
            String head = git("rev-parse", "--short=12", "HEAD");
            return git("status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + " (with uncommitted changes)";
        } catch (IOException | RuntimeException e) {
            return "unknown (no git)";
        }
    }

    private static String git(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(process.getInputStream().readAllBytes()).trim();
            if (process.waitFor() != 0) {
                throw new IOException("git " + String.join(" ", args) + ": " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /**
     * Threads one solve uses, read from the solver configuration: its own thread only, unless the
     * configuration sets OptaPlanner's move threads (multithreaded incremental solving).
     */
    static String solverThreads(SolverConfig config) {
        String moveThreads = config.getMoveThreadCount();
        if (moveThreads == null || SolverConfig.MOVE_THREAD_COUNT_NONE.equals(moveThreads)) {
            return "1 per solve (moveThreadCount " + SolverConfig.MOVE_THREAD_COUNT_NONE + ")";
        }
        return "1 + " + moveThreads + " move threads per solve (moveThreadCount " + moveThreads + ")";
    }

    /** The setup table; {@code solverConfig} is the configuration the runs solve with. */
    static String describe(String command, String settings, String loadBefore, SolverConfig solverConfig) {
        String optaPlanner = SolverFactory.class.getPackage().getImplementationVersion();
        return "| setting | value |\n|---|---|\n"
                + "| date | " + LocalDate.now() + " |\n"
                + "| command | `" + command + "` |\n"
                + "| commit | " + commit() + " |\n"
                + "| machine | " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, " + System.getProperty("os.name") + " |\n"
                + "| JVM | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " |\n"
                + "| OptaPlanner | " + (optaPlanner == null ? "10.1.0" : optaPlanner) + " |\n"
                + "| settings | " + settings + " |\n"
                + "| solver threads | " + solverThreads(solverConfig) + " |\n"
                + "| priority | " + priority() + " |\n"
                + "| load average before | " + loadBefore + " |\n"
                + "| load average after | " + loadAverage() + " |\n";
    }
}
