package dev.shifu.planner.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.MemberTier;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.domain.Times;

/**
 * A reproducible synthetic city day around Hangzhou: jobs clustered around a few district centres
 * within about 15 km of West Lake, installers (20 % two-person crews) with 2 to 4 skills, gas jobs
 * that need a valid certificate, providers that accepted some jobs, booked two-hour windows for
 * half of the jobs, member tiers, SLAs and revisits. Same seed, same city.
 */
public final class CityGenerator {

    public record City(List<Shift> shifts, List<Job> jobs) {
    }

    static final String[] SKILLS = {"ac", "water-heater", "tv", "washer", "gas", "furniture"};
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final double CENTER_LAT = 30.26;
    private static final double CENTER_LON = 120.16;
    private static final double[][] DISTRICTS = {
            {30.27, 120.16}, {30.29, 120.10}, {30.32, 120.17}, {30.24, 120.21},
            {30.21, 120.13}, {30.30, 120.25}, {30.19, 120.22}, {30.34, 120.11}};

    private CityGenerator() {
    }

    public static City generate(int jobCount, int installerCount, long seed) {
        Random random = new Random(seed);
        long dayStart = Times.of(DAY.atTime(8, 0));
        long dayEnd = Times.of(DAY.atTime(19, 0));
        List<Shift> shifts = new ArrayList<>();
        for (int i = 0; i < installerCount; i++) {
            String id = String.format("S%04d", i + 1);
            boolean crew = random.nextDouble() < 0.2;
            Set<String> skills = new HashSet<>();
            skills.add(SKILLS[random.nextInt(4)]);
            int extra = 1 + random.nextInt(3);
            for (int k = 0; k < extra; k++) {
                skills.add(SKILLS[random.nextInt(SKILLS.length)]);
            }
            if (crew) {
                skills.add("furniture"); // crews do the heavy deliveries
            }
            Map<String, LocalDate> certificates = new HashMap<>();
            if (skills.contains("gas")) {
                // One in ten gas certificates lapsed last month.
                certificates.put("gas", random.nextDouble() < 0.1 ? DAY.minusDays(30) : DAY.plusYears(1));
            }
            List<String> installers = crew ? List.of("I" + (2 * i + 1), "I" + (2 * i + 2)) : List.of("I" + (2 * i + 1));
            shifts.add(new Shift(id, near(random, "B" + id, 0.06), DAY, dayStart, dayEnd)
                    .withInstallers(installers)
                    .withProvider("P" + (1 + random.nextInt(5)))
                    .withSkills(skills)
                    .withCertificates(certificates)
                    .withCrewSize(crew ? 2 : 1)
                    .withCapacity(30)
                    .withRating(3.5 + random.nextInt(16) / 10.0));
        }
        List<Job> jobs = new ArrayList<>();
        for (int j = 0; j < jobCount; j++) {
            String id = String.format("J%05d", j + 1);
            String skill = jobSkill(random);
            Job job = new Job(id, near(random, id, 0.035), 60L * (10 + random.nextInt(21)))
                    .withSkills(Set.of(skill))
                    .withDemand(1)
                    .withTier(tier(random));
            if (skill.equals("gas")) {
                job.withCertificates(Set.of("gas"));
            }
            if (random.nextDouble() < 0.5) {
                int slot = random.nextInt(5); // 8-10, 10-12, 12-14, 14-16, 16-18
                job.withWindow(Times.of(DAY.atTime(8 + 2 * slot, 0)), Times.of(DAY.atTime(10 + 2 * slot, 0)));
            }
            if (skill.equals("furniture") || random.nextDouble() < 0.05) {
                job.withCrewSize(2);
            }
            if (random.nextDouble() < 0.2) {
                job.withSlaDue(Times.of(DAY.atTime(12 + random.nextInt(7), 0)));
            }
            if (random.nextDouble() < 0.25) {
                job.withAcceptedProvider("P" + (1 + random.nextInt(5)));
            }
            if (random.nextDouble() < 0.03 && !shifts.isEmpty()) {
                job.withPreferredInstaller(shifts.get(random.nextInt(shifts.size())).getInstallerIds().get(0));
            }
            jobs.add(job);
        }
        return new City(shifts, jobs);
    }

    /** ac 30 %, water heater 20 %, tv 15 %, washer 20 %, gas 8 %, furniture 7 %. */
    private static String jobSkill(Random random) {
        double r = random.nextDouble();
        return r < 0.30 ? "ac" : r < 0.50 ? "water-heater" : r < 0.65 ? "tv" : r < 0.85 ? "washer"
                : r < 0.93 ? "gas" : "furniture";
    }

    private static MemberTier tier(Random random) {
        double r = random.nextDouble();
        return r < 0.70 ? MemberTier.NORMAL : r < 0.85 ? MemberTier.SILVER : r < 0.95 ? MemberTier.GOLD
                : MemberTier.PLATINUM;
    }

    private static Location near(Random random, String id, double spread) {
        double[] district = DISTRICTS[random.nextInt(DISTRICTS.length)];
        double lat = district[0] + random.nextGaussian() * spread;
        double lon = district[1] + random.nextGaussian() * spread * 1.15;
        // Keep everything within the city (about 25 km across).
        lat = Math.max(CENTER_LAT - 0.13, Math.min(CENTER_LAT + 0.13, lat));
        lon = Math.max(CENTER_LON - 0.15, Math.min(CENTER_LON + 0.15, lon));
        return new Location(id, lat, lon);
    }

    /**
     * Splits a city into regions of similar size: longitude strips with equal job counts, each
     * getting the installers whose base lies in that strip's share of installers by longitude.
     */
    public static List<City> splitIntoRegions(City city, int regions) {
        List<Job> jobs = new ArrayList<>(city.jobs());
        jobs.sort((a, b) -> Double.compare(a.getLocation().longitude(), b.getLocation().longitude()));
        List<Shift> shifts = new ArrayList<>(city.shifts());
        shifts.sort((a, b) -> Double.compare(a.getBase().longitude(), b.getBase().longitude()));
        List<City> result = new ArrayList<>();
        for (int r = 0; r < regions; r++) {
            result.add(new City(
                    List.copyOf(shifts.subList(r * shifts.size() / regions, (r + 1) * shifts.size() / regions)),
                    List.copyOf(jobs.subList(r * jobs.size() / regions, (r + 1) * jobs.size() / regions))));
        }
        return result;
    }
}
