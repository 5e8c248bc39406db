package dev.shifu.planner.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteWriterTest {

    @Test
    void writesNonEmptyRoutesInTheBestKnownSolutionFormat() {
        String text = RouteWriter.format(List.of(List.of(5, 3, 7), List.of(), List.of(43, 42)));

        assertThat(text).isEqualTo("Route 1 : 5 3 7\nRoute 2 : 43 42\n");
    }

    @Test
    void writesToAFileCreatingItsDirectory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routes/c101.txt");

        RouteWriter.write(List.of(List.of(1, 2)), file);

        assertThat(Files.readString(file)).isEqualTo("Route 1 : 1 2\n");
    }

    @Test
    void routesFileNamesCarryTheSeedAndTheRunSoConcurrentRunsNeverShareOne(@TempDir Path dir) {
        Path first = RouteWriter.file(dir, "c101", "distance", 1, "all-seeds");

        assertThat(first.getFileName().toString()).isEqualTo("c101-distance-seed1-all-seeds.txt");
        assertThat(first.getParent()).isEqualTo(dir);
        assertThat(List.of(first, RouteWriter.file(dir, "c101", "distance", 2, "all-seeds"),
                RouteWriter.file(dir, "c101", "distance", 1, "all-other"),
                RouteWriter.file(dir, "c101", "hierarchical", 1, "all-seeds"),
                RouteWriter.file(dir, "c101", "distance", 1, "solomon"))).doesNotHaveDuplicates();
    }

    @Test
    void aLabelCannotLeaveTheRoutesDirectory(@TempDir Path dir) {
        assertThat(RouteWriter.file(dir, "r201", "distance", 3, "all-../x").getFileName().toString())
                .isEqualTo("r201-distance-seed3-all-..-x.txt");
        assertThat(RouteWriter.file(dir, "r201", "distance", 3, "all-../x").getParent()).isEqualTo(dir);
        assertThat(RouteWriter.file(dir, "r201", "distance", 3, null).getFileName().toString())
                .isEqualTo("r201-distance-seed3.txt");
    }
}
