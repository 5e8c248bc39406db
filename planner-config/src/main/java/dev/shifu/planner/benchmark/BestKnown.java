package dev.shifu.planner.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Best-known Solomon results from {@code shared/data/bks/*.csv} (instance,vehicles,distance). */
public final class BestKnown {

    public record Value(Integer vehicles, double distance) {
    }

    private final Map<String, Value> hierarchical;
    private final Map<String, Value> distanceOnly;

    private BestKnown(Map<String, Value> hierarchical, Map<String, Value> distanceOnly) {
        this.hierarchical = hierarchical;
        this.distanceOnly = distanceOnly;
    }

    /** Loads both tables from the directory; missing files give empty tables. */
    public static BestKnown load(Path dir) throws IOException {
        return new BestKnown(read(dir.resolve("hierarchical.csv")), read(dir.resolve("distance-only.csv")));
    }

    public Optional<Value> find(String instance, SolomonModel.Objective objective) {
        Map<String, Value> table = objective == SolomonModel.Objective.HIERARCHICAL ? hierarchical : distanceOnly;
        return Optional.ofNullable(table.get(instance.toLowerCase(Locale.ROOT)));
    }

    private static Map<String, Value> read(Path file) throws IOException {
        Map<String, Value> values = new HashMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        for (String line : Files.readAllLines(file)) {
            String[] cells = line.trim().split(",");
            // The vehicle count may be blank (distance-only values of the larger instances).
            if (cells.length < 3 || cells[2].isBlank() || !Character.isDigit(cells[2].trim().charAt(0))) {
                continue;
            }
            Integer vehicles = cells[1].isBlank() ? null : Integer.valueOf(cells[1].trim());
            values.put(cells[0].trim().toLowerCase(Locale.ROOT), new Value(vehicles, Double.parseDouble(cells[2].trim())));
        }
        return values;
    }
}
