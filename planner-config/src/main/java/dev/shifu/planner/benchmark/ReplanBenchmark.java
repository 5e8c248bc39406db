package dev.shifu.planner.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.change.ProblemChange;

import dev.shifu.planner.change.AddJobChange;
import dev.shifu.planner.change.CancelJobChange;
import dev.shifu.planner.change.InstallerLeaveChange;
import dev.shifu.planner.change.MoveJobChange;
import dev.shifu.planner.change.PinJobChange;
import dev.shifu.planner.domain.AssignmentRule;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.MemberTier;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.domain.Times;
import dev.shifu.planner.solver.GreedyInsertion;
import dev.shifu.planner.solver.LiveScheduleSolver;
import dev.shifu.planner.solver.ScheduleBuilder;
import dev.shifu.planner.solver.SolverSettings;
import dev.shifu.planner.solver.ScheduleSolverConfig;
import dev.shifu.planner.travel.HaversineTravelTime;

/**
 * Replan mode: solve a city day, then feed problem changes to the running solver and measure the
 * latency from submitting each change to the first published best solution that contains it, and,
 * for urgent jobs and sick installers, until every affected job is placed on a real route that
 * satisfies every hard constraint (checked on the published plan, {@link #onHardCleanRoute}).
 */
final class ReplanBenchmark {

    record Result(int jobs, int installers, Duration warmup, int changes, long seed, double p50Ms, double p95Ms,
            double maxMs, Latency urgent, Latency sick, String finalScore, int sickDraws, int uncoverableJobs) {
    }

    /** Time until placed on a hard-feasible route; {@code notPlaced} changes had a job left over after 10 s. */
    record Latency(List<Double> millis, int notPlaced, Map<String, Integer> blockedBy) {

        /** Over every change, a miss counting as slower than any placement (infinite), so misses cannot flatter it. */
        double p(int percentile) {
            List<Double> all = new ArrayList<>(millis);
            for (int i = 0; i < notPlaced; i++) {
                all.add(Double.POSITIVE_INFINITY);
            }
            return percentile(all, percentile);
        }

        int samples() {
            return millis.size() + notPlaced;
        }

        double max() {
            return notPlaced > 0 ? Double.POSITIVE_INFINITY : millis.isEmpty() ? Double.NaN : Collections.max(millis);
        }
    }

    /** A latency figure, where infinity is a change not placed within the 10 s. */
    static String ms(double millis) {
        return Double.isInfinite(millis) ? "> 10 s (not placed)" : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    private record Watch(Predicate<Schedule> condition, long startNanos, CompletableFuture<Long> done) {
    }

    private ReplanBenchmark() {
    }

    static Result run(int jobCount, int installerCount, Duration warmup, int changeCount, long seed) throws Exception {
        CityGenerator.City city = CityGenerator.generate(jobCount, installerCount, seed);
        Schedule problem = new ScheduleBuilder("replan", HaversineTravelTime.cityDefault())
                .shifts(city.shifts()).jobs(city.jobs()).build();
        GreedyInsertion.planUnplacedJobs(problem);
        // Daemon: after each burst the solver waits for the next change instead of returning.
        SolverSettings settings = SolverSettings.of(warmup, seed).withUnimprovedTimeLimit(Duration.ofSeconds(5))
                .withDaemon(true);
        ProgressPrinter progress = new ProgressPrinter("replan", 5000);
        ConcurrentLinkedQueue<Watch> watches = new ConcurrentLinkedQueue<>();
        LiveScheduleSolver solver = new LiveScheduleSolver(
                SolverFactory.create(ScheduleSolverConfig.create(settings)), problem, event -> {
                    progress.accept(event);
                    Schedule best = event.getNewBestSolution();
                    for (Watch watch : watches) {
                        if (watch.condition().test(best)) {
                            watch.done().complete((System.nanoTime() - watch.startNanos()) / 1_000_000L);
                            watches.remove(watch);
                        }
                    }
                }).start();
        System.out.printf("Replan: solving %d jobs / %d installers for up to %d s before the changes%n",
                jobCount, installerCount, warmup.toSeconds());
        Thread.sleep(warmup.toMillis());
        // The changes must start from a solved day, not from whatever the warm-up reached.
        long solvedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Schedule start = solver.bestSolution();
        while (!(start.getUnassignedJobs().isEmpty() && start.getScore() != null && start.getScore().isFeasible())) {
            if (System.nanoTime() > solvedBy) {
                solver.stop();
                throw new IllegalStateException("the day is not solved before the changes: "
                        + start.getUnassignedJobs().size() + " unassigned, score " + start.getScore());
            }
            Thread.sleep(500);
            start = solver.bestSolution();
        }
        System.out.printf("Replan: day solved before the changes (0 unassigned, score %s)%n", start.getScore());

        Random random = new Random(seed);
        int sickDraws = 0;
        int uncoverableJobs = 0;
        List<Double> published = new ArrayList<>();
        List<Double> urgentMs = new ArrayList<>();
        List<Double> sickMs = new ArrayList<>();
        int[] notPlaced = new int[2];
        Map<String, Integer> urgentBlocked = new ConcurrentSkipListMap<>();
        Map<String, Integer> sickBlocked = new ConcurrentSkipListMap<>();
        for (int i = 0; i < changeCount; i++) {
            Schedule current = solver.bestSolution();
            ProblemChange<Schedule> change;
            Predicate<Schedule> plannedCondition = null;
            String label;
            switch (i % 5) {
                case 0 -> {
                    Job urgent = urgentJob(random, i);
                    change = new AddJobChange(urgent, p -> {
                        if (!p.isPlaced()) {
                            urgentBlocked.merge(p.blockedBy(), 1, Integer::sum);
                        }
                    });
                    plannedCondition = s -> onHardCleanRoute(s, Set.of(urgent.getId()));
                    label = "add urgent " + urgent.getId();
                }
                case 1 -> {
                    // Drawn among every working shift. A job of his that no other shift's rules allow (after
                    // many sick calls a provider may have lost every crew with a skill) cannot be placed by
                    // any plan: for it, "placed" means parked with the blocking rule reported by the change.
                    List<Shift> working = current.getRealShifts().stream()
                            .filter(s -> !s.isOnLeave() && !s.getJobs().isEmpty()).toList();
                    sickDraws++;
                    Shift sick = pick(random, working);
                    // The leave hands back the pinned jobs too, so they must be replaced as well.
                    Set<String> ids = new HashSet<>(sick.getJobs().stream().map(Job::getId).toList());
                    sick.getPinnedJobs().forEach(j -> ids.add(j.getId()));
                    Set<String> noOtherShift = uncoverableJobs(current, sick);
                    Set<String> placeable = new HashSet<>(ids);
                    placeable.removeAll(noOtherShift);
                    uncoverableJobs += noOtherShift.size();
                    Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
                    String sickShiftId = sick.getId();
                    change = new InstallerLeaveChange(sick.getInstallerIds().get(0), sick.getDate(), sick.getDate(),
                            placements -> placements.stream().filter(p -> !p.isPlaced()).forEach(p -> {
                                sickBlocked.merge(p.blockedBy(), 1, Integer::sum);
                                reported.add(p.job().getId());
                            }));
                    // Plans published before the leave is applied still hold the jobs on his shift.
                    plannedCondition = s -> offShiftOnHardCleanRoutes(s, placeable, sickShiftId)
                            && parkedAndReported(s, noOtherShift, reported);
                    watchedIds.put(change, placeable);
                    label = "sick " + sick.getId() + " (" + ids.size() + " jobs, "
                            + sick.getPinnedJobs().size() + " pinned, " + noOtherShift.size() + " no other shift may take)";
                }
                case 2 -> {
                    Job job = pick(random, current.getRealShifts().stream().flatMap(s -> s.getJobs().stream()).toList());
                    change = new CancelJobChange(job.getId());
                    label = "cancel " + job.getId();
                }
                case 3 -> {
                    Shift shift = pick(random, current.getRealShifts().stream()
                            .filter(s -> !s.isOnLeave() && !s.getJobs().isEmpty()).toList());
                    change = new PinJobChange(shift.getJobs().get(0).getId());
                    label = "pin first job of " + shift.getId();
                }
                default -> {
                    Job job = pick(random, current.getRealShifts().stream().flatMap(s -> s.getJobs().stream()).toList());
                    Shift target = pick(random, current.getRealShifts().stream()
                            .filter(s -> !s.isOnLeave() && s.getSkills().containsAll(job.getRequiredSkills())
                                    && s.getCrewSize() >= job.getCrewSize()).toList());
                    // Appended at the end of the target route, not pinned: the solver may improve on it.
                    change = new MoveJobChange(job.getId(), target.getId(), Integer.MAX_VALUE, false);
                    label = "move " + job.getId() + " to " + target.getId();
                }
            }
            long submitted = System.nanoTime();
            CompletableFuture<Long> plannedFuture = null;
            if (plannedCondition != null) {
                plannedFuture = new CompletableFuture<>();
                watches.add(new Watch(plannedCondition, submitted, plannedFuture));
            }
            String[] publishedScore = new String[1];
            CompletableFuture<Long> publishedFuture = solver.submit(change).thenApply(s -> {
                publishedScore[0] = String.valueOf(s.getScore());
                return (System.nanoTime() - submitted) / 1_000_000L;
            });
            long publishedMs = publishedFuture.get(60, TimeUnit.SECONDS);
            published.add((double) publishedMs);
            String plannedText = "";
            if (plannedFuture != null) {
                CompletableFuture<Long> watched = plannedFuture;
                // The change may already have placed everything in the plan it published.
                if (plannedCondition.test(solver.bestSolution())) {
                    watched.complete(publishedMs);
                }
                try {
                    // The 10 s run from the submission, not from the publication.
                    long left = TimeUnit.SECONDS.toNanos(10) - (System.nanoTime() - submitted);
                    long plannedMs = watched.get(Math.max(0, left), TimeUnit.NANOSECONDS);
                    if (plannedMs > 10_000) {
                        // published (and placed) only after the 10 s: a miss like any other
                        throw new java.util.concurrent.TimeoutException();
                    }
                    (i % 5 == 0 ? urgentMs : sickMs).add((double) plannedMs);
                    plannedText = ", placed on hard-feasible routes after " + plannedMs + " ms";
                } catch (java.util.concurrent.TimeoutException e) {
                    notPlaced[i % 5 == 0 ? 0 : 1]++;
                    watches.removeIf(w -> w.done() == watched);
                    plannedText = ", not all placed within 10 s" + unplaced(solver.bestSolution(), idsOf(change));
                }
            }
            System.out.printf("  change %2d %-36s published after %4d ms (%s)%s%n", i + 1, label, publishedMs,
                    publishedScore[0], plannedText);
            Thread.sleep(500 + random.nextInt(1000));
        }
        Schedule last = solver.stop();
        Result result = new Result(jobCount, installerCount, warmup, changeCount, seed, percentile(published, 50),
                percentile(published, 95), Collections.max(published), new Latency(urgentMs, notPlaced[0], urgentBlocked),
                new Latency(sickMs, notPlaced[1], sickBlocked), String.valueOf(last.getScore()), sickDraws,
                uncoverableJobs);
        System.out.println(format(result));
        return result;
    }

    /** The affected job ids of a placing change, so a miss can say which jobs are left and what blocks them. */
    private static Set<String> idsOf(ProblemChange<Schedule> change) {
        return watchedIds.getOrDefault(change, Set.of());
    }

    private static final Map<ProblemChange<Schedule>, Set<String>> watchedIds = new java.util.IdentityHashMap<>();

    /** For a miss: each affected job still not on a hard-clean route, where it is and what the greedy check says. */
    private static String unplaced(Schedule schedule, Set<String> ids) {
        StringBuilder out = new StringBuilder();
        for (Shift shift : schedule.getShifts()) {
            for (Job job : shift.getJobs()) {
                if (ids.contains(job.getId()) && (shift.isUnassignedBucket() || shift.isOnLeave())) {
                    out.append("; ").append(job.getId()).append(" in ").append(shift.getId()).append(": ")
                            .append(GreedyInsertion.diagnose(schedule, job).ruledOut());
                }
            }
        }
        out.append("; waiting ").append(schedule.getUnassignedJobs().size());
        return out.toString();
    }

    /** The sick shift's jobs (pinned ones too) that no other shift, not his and not on leave, may take. */
    static Set<String> uncoverableJobs(Schedule schedule, Shift sick) {
        List<Job> jobs = new ArrayList<>(sick.getPinnedJobs());
        jobs.addAll(sick.getJobs());
        Set<String> none = new HashSet<>();
        for (Job job : jobs) {
            boolean any = false;
            for (Shift other : schedule.getRealShifts()) {
                if (other != sick && !other.isOnLeave() && !sick.getInstallerIds().stream().anyMatch(other::hasInstaller)
                        && AssignmentRule.allHold(job, other)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                none.add(job.getId());
            }
        }
        return none;
    }

    /** Each of the jobs waits in the unassigned bucket, and the change reported what blocks it. */
    static boolean parkedAndReported(Schedule schedule, Set<String> jobIds, Set<String> reported) {
        if (!reported.containsAll(jobIds)) {
            return false;
        }
        Set<String> waiting = new HashSet<>();
        schedule.getUnassignedJobs().forEach(j -> waiting.add(j.getId()));
        return waiting.containsAll(jobIds);
    }

    private static Job urgentJob(Random random, int i) {
        long from = Times.of(CityGenerator.DAY.atTime(13, 0));
        return new Job("URGENT-" + (i + 1), new Location("URGENT-" + (i + 1), 30.20 + random.nextDouble() * 0.12,
                120.08 + random.nextDouble() * 0.15), 1800)
                .withSkills(Set.of(CityGenerator.SKILLS[random.nextInt(4)]))
                .withTier(MemberTier.PLATINUM)
                .withWindow(from, from + 4 * 3600)
                .withDemand(1);
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /**
     * Whether every one of the jobs is on a real shift whose whole route breaks no hard rule: the
     * shift's rules for each job, windows, the shift end and the van. (The city day has no provider
     * daily capacities, the only rule across shifts.)
     */
    static boolean onHardCleanRoute(Schedule schedule, Set<String> jobIds) {
        return offShiftOnHardCleanRoutes(schedule, jobIds, null);
    }

    /**
     * {@link #onHardCleanRoute}, and none of the jobs on the shift {@code leftShiftId} (nor on any
     * shift on leave). Pinned jobs count: they are found in their shift's pinned prefix.
     */
    static boolean offShiftOnHardCleanRoutes(Schedule schedule, Set<String> jobIds, String leftShiftId) {
        Map<String, Shift> routeOf = new java.util.HashMap<>();
        for (Shift shift : schedule.getRealShifts()) {
            shift.getPinnedJobs().forEach(j -> routeOf.put(j.getId(), shift));
            shift.getJobs().forEach(j -> routeOf.put(j.getId(), shift));
        }
        Set<Shift> routes = new HashSet<>();
        for (String id : jobIds) {
            Shift shift = routeOf.get(id);
            if (shift == null || shift.isOnLeave() || shift.getId().equals(leftShiftId)) {
                return false;
            }
            routes.add(shift);
        }
        for (Shift shift : routes) {
            if (shift.getOvertimeSeconds() > 0 || shift.capacityExcessWith(0) > 0) {
                return false;
            }
            for (List<Job> part : List.of(shift.getPinnedJobs(), shift.getJobs())) {
                for (Job job : part) {
                    if (!AssignmentRule.allHold(job, shift) || job.getWindowViolationSeconds() > 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    static String format(Result r) {
        return String.format(Locale.ROOT,
                "replan %d jobs / %d installers, %d changes: published p50 %.0f ms, p95 %.0f ms, max %.0f ms; "
                        + "urgent job on a hard-feasible route p50 %s, p95 %s (%d measured, %d not placed); "
                        + "sick installer's jobs all placed p50 %s, p95 %s (%d measured, %d not all placed); "
                        + "final score %s",
                r.jobs(), r.installers(), r.changes(), r.p50Ms(), r.p95Ms(), r.maxMs(), ms(r.urgent().p(50)),
                ms(r.urgent().p(95)), r.urgent().samples(), r.urgent().notPlaced(), ms(r.sick().p(50)),
                ms(r.sick().p(95)), r.sick().samples(), r.sick().notPlaced(), r.finalScore());
    }

    static String table(Result r) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%d jobs, %d installers, %d changes, final score %s%n%n", r.jobs(), r.installers(), r.changes(),
                r.finalScore()));
        out.append("| metric | measured | p50 | p95 | max | target p95 | not placed within 10 s | blocked by |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        out.append(String.format(Locale.ROOT, "| change submitted -> published plan contains it | %d | %.0f ms | %.0f ms "
                + "| %.0f ms | | | |%n", r.changes(), r.p50Ms(), r.p95Ms(), r.maxMs()));
        out.append(row("urgent job placed on a route that satisfies every hard constraint", r.urgent(), "1 s"));
        out.append(row("sick installer's jobs all placed on such routes", r.sick(), "3 s"));
        out.append("\nChanges cycle through: urgent PLATINUM job added, installer called in sick, job cancelled, "
                + "dispatcher pin, dispatcher move. The changes start once the day is solved (0 unassigned, "
                + "feasible). *Placed* is checked on each published plan: the urgent job in the plan, and every job "
                + "of the sick installer's shift (pinned ones too) off that shift, each on a real shift whose whole "
                + "route breaks no hard rule. A change not placed within 10 s of its submission counts in the percentiles as slower than every placed one. *Blocked by* counts the hard constraint that the change reported for "
                + "each job it could not place. Below 20 samples p95 is not given (it would be the max). The sick "
                + "installer is drawn among all working shifts. A job of his that no other shift (not on leave and "
                + "not his) may take under the shift rules (skills, crew, accepted provider, certificates, goods) "
                + "cannot be placed by any plan: for such a job, placed means waiting in the unassigned bucket with "
                + "the blocking rule reported by the change. ")
                .append(String.format(Locale.ROOT, "Over the %d sick draws there were %d such jobs.%n",
                        r.sickDraws(), r.uncoverableJobs()));
        return out.toString();
    }

    private static String row(String metric, Latency latency, String target) {
        // Below 20 samples the 95th percentile is simply the largest one: say so instead of naming it p95.
        String p95 = latency.samples() < 20 ? "n/a (< 20 samples; see max)" : ms(latency.p(95));
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %d | %s |%n", metric,
                latency.samples(), ms(latency.p(50)), p95, ms(latency.max()), target, latency.notPlaced(),
                latency.blockedBy().isEmpty() ? "" : latency.blockedBy().toString());
    }
}
