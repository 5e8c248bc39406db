package dev.shifu.planner.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.shifu.planner.benchmark.SolomonInstance.Customer;
import dev.shifu.planner.benchmark.SolomonModel.Objective;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.solver.GreedyInsertion;
import dev.shifu.planner.solver.SolverSettings;

/**
 * The benchmark's fewest-vehicles-first path (fleet stage with the consolidation reward and absence at a
 * tenth of a vehicle, then the real weights), step-limited on a small generated instance: every customer
 * is served, the routes pass the independent Solomon check, the fleet shrinks to the capacity bound, and a
 * fixed seed gives the same routes twice.
 */
class HierarchicalSolveTest {

    /** 40 customers around a central depot, two-and-a-half-hour windows, vans of 100: a few routes suffice. */
    static SolomonInstance tinyInstance() {
        Random random = new Random(42);
        List<Customer> customers = new ArrayList<>();
        customers.add(new Customer(0, 50, 50, 0, 0, 1000, 0));
        for (int id = 1; id <= 40; id++) {
            int ready = random.nextInt(500);
            customers.add(new Customer(id, random.nextInt(101), random.nextInt(101), 5 + random.nextInt(16), ready,
                    ready + 150, 10));
        }
        return new SolomonInstance("TINY40", 25, 100, customers);
    }

    private static List<List<Integer>> solve(SolomonInstance instance, long seed) {
        Schedule problem = SolomonModel.toSchedule(instance, Objective.HIERARCHICAL);
        Schedule best = SolomonBenchmark.solveHierarchical(problem, SolverSettings.ofSteps(600, 6_000, seed),
                SolverSettings.ofSteps(300, 3_000, seed), event -> {
                });
        assertThat(best.getScore().isFeasible()).as("score %s", best.getScore()).isTrue();
        assertThat(best.getUnassignedJobs()).isEmpty();
        return SolomonModel.routes(best);
    }

    private static int greedyVehicles(SolomonInstance instance) {
        Schedule greedy = SolomonModel.toSchedule(instance, Objective.HIERARCHICAL);
        GreedyInsertion.planUnplacedJobs(greedy);
        return SolomonModel.routes(greedy).size();
    }

    @Test
    void fewestVehiclesFirstServesEveryCustomerOnValidRoutesAndRepeatsWithTheSameSeed() {
        SolomonInstance instance = tinyInstance();

        List<List<Integer>> first = solve(instance, 1);
        List<List<Integer>> second = solve(instance, 1);

        SolomonModel.Check check = SolomonModel.check(instance, first);
        assertThat(check.violations()).isEmpty();
        assertThat(check.served()).isEqualTo(40);
        assertThat(second).as("same seed, same routes").isEqualTo(first);
        // 492 units of demand in vans of 100: 5 routes at least; the greedy first plan uses 6.
        assertThat(check.vehicles()).as("vehicles").isEqualTo(5);
        assertThat(greedyVehicles(instance)).isEqualTo(6);
        assertThat(solve(instance, 2)).as("another seed").isNotEqualTo(first);
    }
}
