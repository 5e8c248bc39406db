package dev.shifu.planner.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.config.solver.SolverConfig;

import dev.shifu.planner.solver.ScheduleSolverConfig;
import dev.shifu.planner.solver.SolverSettings;

/** The setup table every results file starts with names everything a figure depends on. */
class SetupTest {

    @Test
    void theSetupTableHasARowForEverythingAFigureDependsOn() {
        String table = Setup.describe("benchmark all --time 30", "time limit 30 s per solve, seeds [1]", "1.30 / 1.10 / 1.00",
                ScheduleSolverConfig.create(SolverSettings.of(Duration.ofSeconds(30), 1)));

        List<String> rows = table.lines().skip(2).map(line -> line.substring(2, line.indexOf(" |", 2))).toList();
        assertThat(rows).containsExactly("date", "command", "commit", "machine", "JVM", "OptaPlanner", "settings",
                "solver threads", "priority", "load average before", "load average after");
        assertThat(table)
                .contains("| date | " + LocalDate.now() + " |")
                .contains("| command | `benchmark all --time 30` |")
                .containsPattern("\\| machine \\| \\d+ cores, max heap \\d+ MB, ")
                .contains("| JVM | ").contains("| OptaPlanner | 10.1")
                .contains("| settings | time limit 30 s per solve, seeds [1] |")
                .contains("| solver threads | 1 per solve (moveThreadCount NONE) |")
                .contains("| priority | nice ")
                .contains("| load average before | 1.30 / 1.10 / 1.00 |");
    }

    @Test
    void solverThreadsAreReadFromTheConfiguration() {
        SolverConfig config = ScheduleSolverConfig.create(SolverSettings.of(Duration.ofSeconds(30), 1));
        assertThat(config.getMoveThreadCount()).as("the configuration solves on one thread").isNull();

        assertThat(Setup.solverThreads(config)).isEqualTo("1 per solve (moveThreadCount NONE)");
        assertThat(Setup.solverThreads(config.withMoveThreadCount("2")))
                .isEqualTo("1 + 2 move threads per solve (moveThreadCount 2)");
    }
}
