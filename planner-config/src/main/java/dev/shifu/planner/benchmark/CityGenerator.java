package dev.shifu.planner.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.MemberTier;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.domain.Times;

/**
 * A reproducible synthetic city day around Hangzhou: jobs clustered around a few district centres
 * within about 15 km of West Lake, installers (20 % two-person crews) with 2 to 5 skills, gas jobs
 * that need a valid certificate, five providers that accepted a quarter of the jobs, booked two-hour
 * windows for half of the jobs, member tiers, SLAs and revisits. The day is solvable by construction
 * (see {@link #generate}). Same seed, same city.
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

    /** Demand share of each skill, in {@link #SKILLS} order (furniture jobs also need a crew of two). */
    private static final double[] SKILL_SHARE = {0.30, 0.20, 0.15, 0.20, 0.08, 0.07};
    private static final int PROVIDERS = 5;
    /** Shifts per provider that can do each skill-and-crew combination its jobs need. */
    private static final int MIN_COVER = 2;

    /**
     * A solvable day: jobs first, then installers whose main skills follow the jobs' skill mix, every
     * fifth block of five a two-person crew (so each provider has crews), and a coverage pass that
     * gives each provider at least {@value #MIN_COVER} shifts for every skill and crew combination
     * among the jobs it may take (valid certificates for gas). Service takes 10 to 25 minutes, so the
     * default 2 000 jobs / 100 installers use about two thirds of the installer-hours
     * ({@link #describeLoad}).
     */
    public static City generate(int jobCount, int installerCount, long seed) {
        Random random = new Random(seed);
        long dayStart = Times.of(DAY.atTime(8, 0));
        long dayEnd = Times.of(DAY.atTime(19, 0));
        List<Job> jobs = new ArrayList<>();
        for (int j = 0; j < jobCount; j++) {
            String id = String.format("J%05d", j + 1);
            String skill = jobSkill(random);
            Job job = new Job(id, near(random, id, 0.035), 60L * (10 + random.nextInt(16)))
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
                job.withAcceptedProvider("P" + (1 + random.nextInt(PROVIDERS)));
            }
            jobs.add(job);
        }
        List<Shift> shifts = new ArrayList<>();
        for (int i = 0; i < installerCount; i++) {
            String id = String.format("S%04d", i + 1);
            boolean crew = (i / PROVIDERS) % 5 == 0;
            Set<String> skills = new HashSet<>();
            skills.add(SKILLS[pickShare(random, crew)]);
            int extra = 1 + random.nextInt(3);
            for (int k = 0; k < extra; k++) {
                skills.add(SKILLS[random.nextInt(SKILLS.length - 1)]);
            }
            if (crew) {
                skills.add("furniture"); // crews do the heavy deliveries
            }
            Map<String, LocalDate> certificates = new HashMap<>();
            if (skills.contains("gas")) {
                // One in ten gas certificates of a side skill lapsed last month; the coverage pass renews where needed.
                certificates.put("gas", random.nextDouble() < 0.1 ? DAY.minusDays(30) : DAY.plusYears(1));
            }
            List<String> installers = crew ? List.of("I" + (2 * i + 1), "I" + (2 * i + 2)) : List.of("I" + (2 * i + 1));
            shifts.add(new Shift(id, near(random, "B" + id, 0.06), DAY, dayStart, dayEnd)
                    .withInstallers(installers)
                    .withProvider("P" + (1 + i % PROVIDERS))
                    .withSkills(skills)
                    .withCertificates(certificates)
                    .withCrewSize(crew ? 2 : 1)
                    .withCapacity(40)
                    .withRating(3.5 + random.nextInt(16) / 10.0));
        }
        cover(shifts, jobs);
        for (int j = 0; j < jobs.size(); j++) {
            if (random.nextDouble() < 0.03 && !shifts.isEmpty()) {
                jobs.get(j).withPreferredInstaller(shifts.get(random.nextInt(shifts.size())).getInstallerIds().get(0));
            }
        }
        return new City(shifts, jobs);
    }

    /** Main skill by the demand share (crews: any but gas, since they get furniture anyway). */
    private static int pickShare(Random random, boolean crew) {
        double r = random.nextDouble() * (crew ? 1 - SKILL_SHARE[4] - SKILL_SHARE[5] : 1);
        for (int k = 0; k < SKILLS.length; k++) {
            if (crew && k >= 4) {
                break;
            }
            r -= SKILL_SHARE[k];
            if (r < 0) {
                return k;
            }
        }
        return 0;
    }

    /**
     * Every provider gets at least {@value #MIN_COVER} shifts for each skill and crew combination
     * among its own and the open jobs: where short, the skill (and a valid certificate) goes to the
     * provider's eligible shift with the fewest skills, and where the provider has too few crews of
     * that size, its shifts with the fewest skills become crews first.
     */
    private static void cover(List<Shift> shifts, List<Job> jobs) {
        Set<String> needs = new TreeSet<>();
        for (Job job : jobs) {
            String skill = job.getRequiredSkills().iterator().next();
            List<String> providers = job.getAcceptedProviderId() != null ? List.of(job.getAcceptedProviderId())
                    : java.util.stream.IntStream.rangeClosed(1, PROVIDERS).mapToObj(p -> "P" + p).toList();
            for (String provider : providers) {
                needs.add(provider + "|" + skill + "|" + job.getCrewSize());
            }
        }
        for (String need : needs) {
            String[] parts = need.split("\\|");
            String provider = parts[0];
            String skill = parts[1];
            int crew = Integer.parseInt(parts[2]);
            List<Shift> eligible = shifts.stream()
                    .filter(s -> s.getProviderId().equals(provider) && s.getCrewSize() >= crew).toList();
            if (eligible.size() < MIN_COVER) {
                // A region (split by base longitude) can hold fewer of a provider's crews than needed.
                promoteToCrews(shifts, provider, crew, MIN_COVER - eligible.size());
                eligible = shifts.stream()
                        .filter(s -> s.getProviderId().equals(provider) && s.getCrewSize() >= crew).toList();
            }
            long covered = eligible.stream().filter(s -> canDo(s, skill)).count();
            List<Shift> candidates = new ArrayList<>(eligible.stream().filter(s -> !canDo(s, skill)).toList());
            candidates.sort(Comparator.comparingInt(s -> s.getSkills().size()));
            for (int k = 0; covered < MIN_COVER && k < candidates.size(); k++, covered++) {
                Shift shift = candidates.get(k);
                Set<String> skills = new HashSet<>(shift.getSkills());
                skills.add(skill);
                shift.withSkills(skills);
                if (skill.equals("gas")) {
                    Map<String, LocalDate> certificates = new HashMap<>(shift.getCertificateExpiry());
                    certificates.put("gas", DAY.plusYears(1));
                    shift.withCertificates(certificates);
                }
            }
        }
    }

    /**
     * Makes up to {@code count} of the provider's smaller shifts (the ones with the fewest skills first)
     * crews of {@code crew}: the installer gets a partner, numbered as the generator numbers a crew's
     * second installer (shift i has installer I(2i+1), a crew also I(2i+2)).
     */
    private static void promoteToCrews(List<Shift> shifts, String provider, int crew, int count) {
        List<Shift> smaller = new ArrayList<>(shifts.stream()
                .filter(s -> s.getProviderId().equals(provider) && s.getCrewSize() < crew).toList());
        smaller.sort(Comparator.comparingInt((Shift s) -> s.getSkills().size()).thenComparing(Shift::getId));
        for (Shift shift : smaller.subList(0, Math.min(count, smaller.size()))) {
            List<String> installers = new ArrayList<>(shift.getInstallerIds());
            for (int k = installers.size(); k < crew; k++) {
                installers.add("I" + (Integer.parseInt(installers.get(0).substring(1)) + k));
            }
            shift.withInstallers(List.copyOf(installers)).withCrewSize(crew);
        }
    }

    private static boolean canDo(Shift shift, String skill) {
        return shift.getSkills().contains(skill) && (!skill.equals("gas")
                || shift.getCertificateExpiry().getOrDefault("gas", DAY.minusDays(1)).isAfter(DAY.minusDays(1)));
    }

    /** Installer-hours against the work: service hours plus the nearest-neighbour lower bound on driving. */
    static String describeLoad(City city, double travelLowerBoundHours) {
        double available = city.shifts().stream().mapToLong(s -> s.getEndTime() - s.getStartTime()).sum() / 3600.0;
        double service = city.jobs().stream().mapToLong(Job::getServiceSeconds).sum() / 3600.0;
        return String.format(java.util.Locale.ROOT,
                "%.0f installer-hours; %.0f h service + at least %.0f h driving = %.0f %% of them", available, service,
                travelLowerBoundHours, 100 * (service + travelLowerBoundHours) / available);
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
     * getting the installers whose base lies in that strip's share of installers by longitude, with
     * the coverage pass run again per region.
     */
    public static List<City> splitIntoRegions(City city, int regions) {
        List<Job> jobs = new ArrayList<>(city.jobs());
        jobs.sort((a, b) -> Double.compare(a.getLocation().longitude(), b.getLocation().longitude()));
        List<Shift> shifts = new ArrayList<>(city.shifts());
        shifts.sort((a, b) -> Double.compare(a.getBase().longitude(), b.getBase().longitude()));
        List<City> result = new ArrayList<>();
        for (int r = 0; r < regions; r++) {
            City region = new City(
                    List.copyOf(shifts.subList(r * shifts.size() / regions, (r + 1) * shifts.size() / regions)),
                    List.copyOf(jobs.subList(r * jobs.size() / regions, (r + 1) * jobs.size() / regions)));
            if (regions > 1) {
                cover(region.shifts(), region.jobs()); // each region must be solvable on its own
            }
            result.add(region);
        }
        return result;
    }
}
