package dev.shifu.planner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.ProviderCapacity;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.solver.ScheduleBuilder;
import dev.shifu.planner.travel.HaversineTravelTime;

/** Random small days for property tests of everything that edits routes. */
public final class RandomDay {

    private RandomDay() {
    }

    /**
     * A random day that touches every hard rule: skills, crews, certificates, goods, leave, accepted
     * providers, van capacity, a provider's daily capacity and windows; some jobs are already on a
     * route (not always feasibly) and one is pinned.
     */
    public static Schedule of(long seed) {
        Random random = new Random(seed);
        LocalDate day = TinyCity.DAY;
        ScheduleBuilder builder = new ScheduleBuilder("random-" + seed, HaversineTravelTime.cityDefault())
                .capacity(ProviderCapacity.everyDay("P1", "INSTALLATION", 2 + random.nextInt(3)));
        List<String> shiftIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "S" + i;
            shiftIds.add(id);
            Set<String> skills = random.nextBoolean() ? Set.of("ac", "gas") : Set.of("ac");
            builder.shift(new Shift(id, new Location(id + "-base", lat(random), lon(random)), day, TinyCity.at(8),
                    TinyCity.at(17 + random.nextInt(2)))
                    .withInstallers(List.of("I" + i)).withProvider(i < 3 ? "P1" : "P2").withSkills(skills)
                    .withCertificates(Map.of("gas", random.nextBoolean() ? day : day.minusDays(1)))
                    .withCrewSize(1 + random.nextInt(2)).withCapacity(3 + random.nextInt(3))
                    .withOnLeave(i == 4 && random.nextBoolean()));
        }
        for (int j = 0; j < 24; j++) {
            int from = 8 + random.nextInt(8);
            Job job = new Job("J" + j, new Location("J" + j, lat(random), lon(random)), 1800 + 600 * random.nextInt(4))
                    .withSkills(random.nextInt(4) == 0 ? Set.of("gas") : Set.of("ac"))
                    .withCrewSize(random.nextInt(4) == 0 ? 2 : 1)
                    .withWindow(TinyCity.at(from), TinyCity.at(Math.min(from + 1 + random.nextInt(3), 18)))
                    .withServiceType(random.nextBoolean() ? "INSTALLATION" : "REPAIR")
                    .withDemand(1);
            if (job.getRequiredSkills().contains("gas")) {
                job.withCertificates(Set.of("gas"));
            }
            if (random.nextInt(5) == 0) {
                job.withGoodsArrival(day.plusDays(random.nextInt(2)));
            }
            if (random.nextInt(5) == 0) {
                job.withAcceptedProvider(random.nextBoolean() ? "P1" : "P2");
            }
            if (j == 0) {
                builder.pinnedJob(shiftIds.get(random.nextInt(shiftIds.size())), job);
            } else if (j < 4) {
                builder.initialAssignment(shiftIds.get(random.nextInt(shiftIds.size())), job);
            } else {
                builder.job(job);
            }
        }
        return builder.build();
    }

    public static double lat(Random random) {
        return 30.22 + random.nextDouble() * 0.1;
    }

    public static double lon(Random random) {
        return 120.08 + random.nextDouble() * 0.15;
    }
}
