package dev.shifu.planner.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes routes in the format of published best-known solutions: {@code Route 1 : 5 3 7}. */
public final class RouteWriter {

    private RouteWriter() {
    }

    public static String format(List<List<Integer>> routes) {
        StringBuilder out = new StringBuilder();
        int number = 1;
        for (List<Integer> route : routes) {
            if (route.isEmpty()) {
                continue;
            }
            out.append("Route ").append(number++).append(" : ")
                    .append(route.stream().map(String::valueOf).collect(Collectors.joining(" ")))
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * The routes file of one solve: instance, objective, seed and the run (the benchmark mode and its
     * label, as in the results file's name), so two runs at once, or two seeds, never write the same file.
     * Characters other than letters, digits, dot, dash and underscore in the run become dashes.
     */
    public static Path file(Path dir, String instance, String objective, long seed, String run) {
        String safeRun = run == null || run.isBlank() ? "" : "-" + run.replaceAll("[^A-Za-z0-9._-]", "-");
        return dir.resolve(instance + "-" + objective + "-seed" + seed + safeRun + ".txt");
    }

    public static void write(List<List<Integer>> routes, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, format(routes));
    }
}
