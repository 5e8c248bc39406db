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
}
