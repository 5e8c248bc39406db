package dev.shifu.planner.benchmark;

import java.nio.file.Path;
import java.time.Duration;

import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;

import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.solver.ScheduleSolverConfig;
import dev.shifu.planner.solver.SolverSettings;

public class SolomonTrial {
    public static void main(String[] args) throws Exception {
        SolomonInstance instance = SolomonInstance.read(Path.of(args[0]));
        SolomonModel.Objective objective = SolomonModel.Objective.valueOf(args[1]);
        Schedule problem = SolomonModel.toSchedule(instance, objective);
        SolverFactory<Schedule> factory = SolverFactory.create(
                ScheduleSolverConfig.create(SolverSettings.of(Duration.ofSeconds(Long.parseLong(args[2])), 1)));
        Solver<Schedule> solver = factory.buildSolver();
        solver.addEventListener(new ProgressPrinter(instance.name(), 2000)::accept);
        Schedule best = solver.solve(problem);
        var check = SolomonModel.check(instance, SolomonModel.routes(best));
        System.out.println(best.getScore() + " " + check);
    }
}
