package dev.shifu.platform.schedule.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.solver.GreedyInsertion;
import dev.shifu.planner.solver.ScheduleBuilder;
import dev.shifu.planner.solver.ScheduleSolverConfig;
import dev.shifu.planner.solver.SolverSettings;
import dev.shifu.planner.travel.HaversineTravelTime;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.NotFoundException;

/**
 * One live solver per region, started from the stored jobs at start-up (or when a region's first job arrives), and
 * fed problem changes afterwards. Only a dispatcher's re-optimization builds a new problem, and it starts from the
 * current plan, not from scratch.
 */
@Service
class SchedulePlanner {

	private static final Logger log = LoggerFactory.getLogger(SchedulePlanner.class);

	private static final long SEED = 1;

	private final ScheduleProperties properties;

	private final ProblemFactory problems;

	private final ScheduleJobRepository jobs;

	private final SolverFactory<Schedule> liveFactory;

	private final Map<String, RegionPlanner> planners = new ConcurrentHashMap<>();

	/** Told when a region stops planning (nothing left), so its stored plan can go too. */
	private final List<java.util.function.Consumer<String>> stopped = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final Map<String, AtomicReference<Solver<Schedule>>> reoptimizations = new ConcurrentHashMap<>();

	private final Map<String, java.util.concurrent.atomic.AtomicBoolean> stopRequests = new ConcurrentHashMap<>();

	/** Dispatcher edits made while a region re-optimizes, replayed onto the re-optimized plan. */
	private final Map<String, List<ProblemChange<Schedule>>> editsDuringReoptimization = new ConcurrentHashMap<>();

	private final ExecutorService reoptimizer = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "schedule-reoptimize");
		thread.setDaemon(true);
		return thread;
	});

	SchedulePlanner(ScheduleProperties properties, ProblemFactory problems, ScheduleJobRepository jobs) {
		this.properties = properties;
		this.problems = problems;
		this.jobs = jobs;
		this.liveFactory = SolverFactory.create(ScheduleSolverConfig.create(SolverSettings.of(properties.burst(), SEED)
			.withUnimprovedTimeLimit(properties.unimproved())
			.withDaemon(true)));
	}

	/** Plans every region that has jobs, e.g. the demo city, as soon as the app is up. */
	@EventListener(ApplicationReadyEvent.class)
	void startAll() {
		if (!properties.enabled()) {
			return;
		}
		jobs.regions().forEach(this::planner);
		log.info("Live planning started for regions {}", planners.keySet());
	}

	Optional<RegionPlanner> find(String region) {
		return Optional.ofNullable(planners.get(region));
	}

	/**
	 * The region's planner, started on first use from the jobs stored for it; none while the region has nothing to
	 * plan, because OptaPlanner refuses a problem without a single movable job.
	 */
	Optional<RegionPlanner> planner(String region) {
		return Optional.ofNullable(planners.computeIfAbsent(region, this::start));
	}

	private RegionPlanner start(String region) {
		Schedule problem = problems.build(region, jobs.findByRegion(region));
		if (problem.getJobs().isEmpty()) {
			return null;
		}
		int planned = GreedyInsertion.planUnplacedJobs(problem);
		log.info("Region {}: {} shifts, {} jobs, {} placed by the first plan", region, problem.getRealShifts().size(),
				problem.getJobs().size(), planned);
		return new RegionPlanner(region, liveFactory, problem);
	}

	/** Puts a job in, replaces it, or (with {@code job == null}) takes it out of its region's plan. */
	void replace(String region, String jobId, Job job) {
		if (!properties.enabled()) {
			return;
		}
		RegionPlanner running = planners.get(region);
		if (running == null) {
			boolean[] created = { false };
			running = planners.computeIfAbsent(region, r -> {
				RegionPlanner started = start(r);
				created[0] = started != null;
				return started;
			});
			if (running == null || created[0]) {
				// Built from the stored jobs, this one included.
				return;
			}
		}
		if (job == null && isLastMovable(running, jobId)) {
			stop(region, running);
			return;
		}
		running.submit(PlanChanges.replace(jobId, job));
	}

	/** Pins a job where it is; the last movable job of a region stays as it is, so the region keeps a plan. */
	void pin(String region, String jobId) {
		find(region).filter(running -> !isLastMovable(running, jobId)).ifPresent(running -> edit(region, running,
				PlanChanges.pin(jobId)));
	}

	private void edit(String region, RegionPlanner running, ProblemChange<Schedule> change) {
		editsDuringReoptimization.computeIfPresent(region, (r, edits) -> {
			edits.add(change);
			return edits;
		});
		running.submit(change);
	}

	/** A dispatcher's move; the last movable job of a region is moved but not pinned, so the region keeps a plan. */
	void move(String region, String jobId, String shiftId, int position, boolean pin) {
		find(region).ifPresent(running -> edit(region, running,
				PlanChanges.move(jobId, shiftId, position, pin && !isLastMovable(running, jobId))));
	}

	void submit(String region, ProblemChange<Schedule> change) {
		if (properties.enabled()) {
			find(region).ifPresent(running -> running.submit(change));
		}
	}

	private static boolean isLastMovable(RegionPlanner running, String jobId) {
		List<Job> movable = running.best().getJobs();
		return movable.size() <= 1 && movable.stream().allMatch(j -> j.getId().equals(jobId));
	}

	private void stop(String region, RegionPlanner running) {
		planners.remove(region, running);
		running.close();
		stopped.forEach(listener -> listener.accept(region));
		log.info("Region {} has nothing left to plan; its solver stopped", region);
	}

	/**
	 * Re-plans one day of a region within a time limit, streaming progress to the region's subscribers. Jobs of other
	 * days, and pinned jobs, stay where they are. The result becomes the region's live plan.
	 */
	void reoptimize(String region, LocalDate day, Duration limit) {
		RegionPlanner current = find(region).orElseThrow(() -> new NotFoundException("schedule of region", region));
		AtomicReference<Solver<Schedule>> running = new AtomicReference<>();
		if (reoptimizations.putIfAbsent(region, running) != null) {
			throw new ConflictException("reoptimization-running", "A re-optimization of " + region + " is running");
		}
		Schedule problem = warmStart(region, current.best(), day);
		if (problem.getJobs().isEmpty()) {
			reoptimizations.remove(region);
			throw new ConflictException("nothing-to-reoptimize", "No job of " + region + " can move on " + day);
		}
		editsDuringReoptimization.put(region, new java.util.concurrent.CopyOnWriteArrayList<>());
		Solver<Schedule> solver = SolverFactory.<Schedule>create(ScheduleSolverConfig.create(SolverSettings.of(limit, SEED)))
			.buildSolver();
		running.set(solver);
		java.util.concurrent.atomic.AtomicBoolean stop = stopRequests.computeIfAbsent(region,
				r -> new java.util.concurrent.atomic.AtomicBoolean());
		stop.set(false);
		solver.addEventListener(event -> {
			// solve() forgets an early termination asked for before it started: honour the stop here too.
			if (stop.get()) {
				solver.terminateEarly();
			}
			current.publish(current.progress(event.getNewBestSolution(), event.getTimeMillisSpent(), "reoptimize " + day));
		});
		reoptimizer.submit(() -> {
			try {
				Schedule result = stop.get() ? problem : solver.solve(problem);
				current.publish(current.progress(result, limit.toMillis(), "reoptimized " + day));
				RegionPlanner replacement = new RegionPlanner(region, liveFactory, warmStart(region, result, null));
				current.subscribers().forEach(replacement.subscribers()::add);
				if (planners.replace(region, current, replacement)) {
					current.close();
					editsDuringReoptimization.getOrDefault(region, List.of()).forEach(replacement::submit);
				}
				else {
					replacement.close();
				}
			}
			catch (RuntimeException ex) {
				log.error("Re-optimization of {} on {} failed", region, day, ex);
			}
			finally {
				editsDuringReoptimization.remove(region);
				reoptimizations.remove(region);
			}
		});
	}

	/**
	 * Each night the horizon moves on by a day: every region restarts from its current plan (warm, not from scratch),
	 * so yesterday's shifts drop out and a new day's shifts come in.
	 */
	// LEAD: sched owns this class. The roll should follow each region's zone (Regions.zoneOf); at least read the
	// zone from configuration (e.g. zone = "${shifu.catalog.default-zone}") instead of this literal.
	@org.springframework.scheduling.annotation.Scheduled(cron = "${shifu.schedule.roll-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
	void rollHorizon() {
		for (RegionPlanner current : List.copyOf(planners.values())) {
			if (reoptimizations.containsKey(current.region())) {
				continue;
			}
			Schedule rolled = warmStart(current.region(), current.best(), null);
			if (rolled.getJobs().isEmpty()) {
				stop(current.region(), current);
				continue;
			}
			RegionPlanner replacement = new RegionPlanner(current.region(), liveFactory, rolled);
			current.subscribers().forEach(replacement.subscribers()::add);
			if (planners.replace(current.region(), current, replacement)) {
				current.close();
			}
			else {
				replacement.close();
			}
		}
	}

	boolean stopReoptimization(String region) {
		AtomicReference<Solver<Schedule>> running = reoptimizations.get(region);
		if (running == null || running.get() == null) {
			return false;
		}
		stopRequests.computeIfAbsent(region, r -> new java.util.concurrent.atomic.AtomicBoolean()).set(true);
		Solver<Schedule> solver = running.get();
		solver.terminateEarly();
		// solve() clears an early termination asked for just before it starts: keep asking until it has taken hold.
		Thread insist = new Thread(() -> {
			for (int i = 0; i < 100 && reoptimizations.get(region) == running; i++) {
				if (solver.isSolving()) {
					solver.terminateEarly();
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "schedule-reoptimize-stop");
		insist.setDaemon(true);
		insist.start();
		return true;
	}

	/**
	 * A fresh problem holding the given plan: jobs on {@code movableDay} (or on every day when null) may move, the
	 * others are pinned where they are; unassigned jobs stay to be planned.
	 */
	private Schedule warmStart(String region, Schedule plan, LocalDate movableDay) {
		List<LocalDate> days = problems.horizon();
		Map<Long, ScheduleJob> rows = new java.util.HashMap<>();
		jobs.findByRegion(region).forEach(row -> rows.put(row.getOrderId(), row));
		ScheduleBuilder builder = new ScheduleBuilder(region, HaversineTravelTime.cityDefault());
		List<Shift> shifts = problems.shifts(region, days);
		builder.shifts(shifts);
		builder.capacities(problems.capacities(region));
		java.util.Set<String> shiftIds = new java.util.HashSet<>();
		shifts.forEach(s -> shiftIds.add(s.getId()));
		java.util.Set<String> placed = new java.util.HashSet<>();
		for (Shift shift : plan.getRealShifts()) {
			if (!shiftIds.contains(shift.getId())) {
				continue;
			}
			boolean movable = movableDay == null || shift.getDate().equals(movableDay);
			for (Job old : pinnedFirst(rows, shift)) {
				fresh(rows, old, days).ifPresent(job -> {
					builder.pinnedJob(shift.getId(), job);
					placed.add(job.getId());
				});
			}
			for (Job old : shift.getJobs()) {
				if (isPinnedRow(rows, old)) {
					continue;
				}
				fresh(rows, old, days).ifPresent(job -> {
					if (movable) {
						builder.initialAssignment(shift.getId(), job);
					}
					else {
						builder.pinnedJob(shift.getId(), job);
					}
					placed.add(job.getId());
				});
			}
		}
		for (ScheduleJob row : rows.values()) {
			if (!placed.contains(row.jobId())) {
				problems.job(row, days).ifPresent(builder::job);
			}
		}
		Schedule schedule = builder.build();
		GreedyInsertion.planUnplacedJobs(schedule);
		return schedule;
	}

	/** The pinned prefix plus jobs whose installer set out since the plan was made: both stay where they are. */
	private static List<Job> pinnedFirst(Map<Long, ScheduleJob> rows, Shift shift) {
		List<Job> pinned = new java.util.ArrayList<>(shift.getPinnedJobs());
		shift.getJobs().stream().filter(job -> isPinnedRow(rows, job)).forEach(pinned::add);
		return pinned;
	}

	private static boolean isPinnedRow(Map<Long, ScheduleJob> rows, Job job) {
		ScheduleJob row = rows.get(ScheduleJob.orderIdOf(job.getId()));
		return row != null && row.isPinned();
	}

	private Optional<Job> fresh(Map<Long, ScheduleJob> rows, Job old, List<LocalDate> days) {
		ScheduleJob row = rows.get(ScheduleJob.orderIdOf(old.getId()));
		return row == null ? Optional.empty() : problems.job(row, days);
	}

	void onStopped(java.util.function.Consumer<String> listener) {
		stopped.add(listener);
	}

	Map<String, RegionPlanner> planners() {
		return planners;
	}

	@PreDestroy
	void stopAll() {
		reoptimizations.values().forEach(r -> Optional.ofNullable(r.get()).ifPresent(Solver::terminateEarly));
		planners.values().forEach(RegionPlanner::close);
		reoptimizer.shutdownNow();
	}

}
