package dev.shifu.platform.schedule.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.domain.Times;
import dev.shifu.planner.explain.ScheduleExplanation;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.schedule.RouteBoard;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;

/** The route board over the live region planners: reads one plan version, edits through {@link SchedulePlanner}. */
@Service
class LiveRouteBoard implements RouteBoard {

	/** How long a commit waits for the solver to publish a plan that contains the edit. */
	private static final long APPLY_WAIT_SECONDS = 30;

	private static final String HELD = "Held by a dispatcher";

	private final SchedulePlanner planner;

	private final Reoptimizer reoptimizer;

	private final ProblemFactory problems;

	private final ScheduleJobRepository jobs;

	private final ShiftCutoffs cutoffs;

	private final Solvers solvers;

	private final NetworkDirectory network;

	private final GeneratedDays generated;

	/** Installer names by id: read once, the board shows a hundred lanes at a time. */
	private final Map<String, String> names = new ConcurrentHashMap<>();

	LiveRouteBoard(SchedulePlanner planner, Reoptimizer reoptimizer, ProblemFactory problems, ScheduleJobRepository jobs,
			ShiftCutoffs cutoffs, Solvers solvers, NetworkDirectory network, GeneratedDays generated) {
		this.generated = generated;
		this.planner = planner;
		this.reoptimizer = reoptimizer;
		this.problems = problems;
		this.jobs = jobs;
		this.cutoffs = cutoffs;
		this.solvers = solvers;
		this.network = network;
	}

	@Override
	public Optional<Board> board(String region, LocalDate date) {
		return generated.find(region)
			.or(() -> planner.planner(region))
			.map(running -> board(region, date, running.version()));
	}

	private Board board(String region, LocalDate date, PlanVersion version) {
		Schedule plan = version.plan();
		ScheduleExplanation explanation = version.explanation();
		Map<Long, ScheduleJob> rows = jobs.findByRegion(region)
			.stream()
			.collect(Collectors.toMap(ScheduleJob::getOrderId, Function.identity(), (a, b) -> a));
		Map<String, LocalDateTime> cutShort = cutoffs.of(region);
		List<Lane> lanes = new ArrayList<>();
		for (Shift shift : plan.getRealShifts()) {
			if (!shift.getDate().equals(date)) {
				continue;
			}
			List<Visit> visits = new ArrayList<>();
			int position = 0;
			for (Job job : BoardEdits.routeJobs(shift)) {
				if (job.getStartTime() == null) {
					continue;
				}
				ScheduleJob row = rows.get(ScheduleJob.orderIdOf(job.getId()));
				boolean pinned = shift.getPinnedJobs().contains(job);
				String status = status(row, pinned);
				Long meters = job.getPreviousLocation() == null ? null
						: job.getPreviousLocation().travelMetersTo(job.getLocation());
				// TODO(mobile-b): evidence and review flags of the visit once the mobile context publishes them.
				visits.add(new Visit(job.getId(), ScheduleJob.orderIdOf(job.getId()), position++,
						time(job.getArrivalTime()), time(job.getStartTime()),
						time(job.getStartTime() + job.getServiceSeconds()), job.getTravelSecondsFromPrevious(),
						meters == null ? 0 : meters, time(job.getWindowStart()), time(job.getWindowEnd()), pinned, status,
						job.getLocation().latitude(), job.getLocation().longitude(), List.of(),
						reasons(explanation.jobs().get(job.getId()))));
			}
			lanes.add(new Lane(shift.getId(), shift.getInstallerIds(), name(shift), shift.getProviderId(),
					time(shift.getStartTime()), time(shift.getEndTime()), shift.isOnLeave(),
					cutShort.containsKey(shift.getId()), shift.getBase().latitude(), shift.getBase().longitude(),
					time(shift.getBackAtBaseTime()), shift.getTotalTravelSeconds(), shift.getTotalTravelMeters(), visits,
					reasons(explanation.shifts().get(shift.getId()))));
		}
		List<Unassigned> unassigned = new ArrayList<>();
		for (Job job : plan.getUnassignedJobs()) {
			if (job.getWindowStart() != null && (Times.dateOf(job.getWindowStart()).isAfter(date)
					|| Times.dateOf(job.getWindowEnd()).isBefore(date))) {
				continue;
			}
			unassigned.add(new Unassigned(job.getId(), ScheduleJob.orderIdOf(job.getId()), time(job.getWindowStart()),
					time(job.getWindowEnd()), job.getLocation().latitude(), job.getLocation().longitude(), false,
					reasons(explanation.jobs().get(job.getId()))));
		}
		for (ScheduleJob row : rows.values()) {
			if (row.isHeld() && (row.getBookedDate() == null || row.getBookedDate().equals(date))) {
				unassigned.add(new Unassigned(row.jobId(), row.getOrderId(), null, null, null, null, true,
						List.of(new Reason(HELD, "blocks", "taken off the plan; move it onto a route to plan it again"))));
			}
		}
		List<ConstraintScore> constraints = explanation.constraints()
			.stream()
			.map(c -> new ConstraintScore(c.constraint(), c.level(), c.impact(), c.matchCount()))
			.toList();
		return new Board(region, date, version.number(), explanation.score(), explanation.feasible(), constraints, lanes,
				unassigned, reoptimizer.status(region).orElse(null));
	}

	@Override
	public Preview preview(String region, List<Edit> edits) {
		requireEdits(edits);
		RegionPlanner running = generated.find(region)
			.or(() -> planner.find(region))
			.orElseThrow(() -> new NotFoundException("schedule of region", region));
		return BoardPreviews.preview(solvers, running.version(), edits, this::heldJob, this::name);
	}

	@Override
	public Committed apply(String region, List<Edit> edits) {
		requireEdits(edits);
		refuseGenerated(region);
		// Checked and computed edit after edit on a copy of one plan, as the preview does: a bad edit anywhere
		// refuses the request before anything is stored.
		SchedulePlanner.Prepared prepared = planner.prepare(region, edits);
		Schedule first = prepared.base();
		List<String> touched = new ArrayList<>();
		for (Edit edit : edits) {
			touched.addAll(edit.jobId() != null && first.findJob(edit.jobId()).isEmpty() ? List.of(edit.jobId())
					: BoardEdits.touched(first, edit));
		}
		List<Place> before = places(first, touched);
		Schedule last;
		try {
			// One problem change for the whole request: the solver never plans an in-between state of it.
			last = planner.commit(prepared).get(APPLY_WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw new ConflictException("edit-refused", "The plan refused the edit: " + ex.getCause().getMessage());
		}
		catch (TimeoutException ex) {
			throw new ConflictException("edit-pending", "The edit is queued but the plan has not taken it yet");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return new Committed(score(first), score(last), before, places(last, touched));
	}

	@Override
	public void reoptimize(String region, LocalDate date, Duration limit) {
		refuseGenerated(region);
		List<LocalDate> horizon = problems.horizon(region);
		if (date.isBefore(horizon.get(0)) || date.isAfter(horizon.get(horizon.size() - 1))) {
			throw new InvalidFieldException("date", "must lie in the plan's days " + horizon.get(0) + " to "
					+ horizon.get(horizon.size() - 1));
		}
		reoptimizer.reoptimize(region, date, limit, true);
	}

	@Override
	public boolean stop(String region) {
		return reoptimizer.stop(region);
	}

	@Override
	public Reoptimization decide(String region, boolean keep) {
		return reoptimizer.decide(region, keep);
	}

	@Override
	public List<Reoptimization> expireWaiting(Duration maxWait) {
		return reoptimizer.expireWaiting(maxWait);
	}

	@Override
	public Optional<Reoptimization> reoptimization(String region) {
		return reoptimizer.status(region);
	}

	@Override
	public SseEmitter subscribe(String region) {
		return generated.find(region)
			.or(() -> planner.planner(region))
			.orElseThrow(() -> new NotFoundException("schedule of region", region))
			.subscribe();
	}

	private void refuseGenerated(String region) {
		if (generated.isGenerated(region)) {
			throw new ConflictException("generated-day", "A generated day is for looking and previewing; it takes no edits");
		}
	}

	private static void requireEdits(List<Edit> edits) {
		if (edits == null || edits.isEmpty()) {
			throw new InvalidFieldException("edits", "must hold at least one edit");
		}
		if (edits.size() > 50) {
			throw new InvalidFieldException("edits", "may hold at most 50 edits");
		}
	}

	/** The job a move brings back onto the plan when a dispatcher held it off; null otherwise. */
	private Job heldJob(Edit edit) {
		if (edit.kind() != EditKind.MOVE || edit.jobId() == null) {
			return null;
		}
		long orderId;
		try {
			orderId = ScheduleJob.orderIdOf(edit.jobId());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFieldException("jobId", "is not a job id such as O1432");
		}
		return jobs.findById(orderId)
			.filter(ScheduleJob::isHeld)
			.flatMap(row -> problems.job(row, problems.horizon(row.getRegion()), true))
			.orElse(null);
	}

	private String name(Shift shift) {
		if (shift.getInstallerIds().isEmpty()) {
			return shift.getId();
		}
		List<String> crew = new ArrayList<>();
		for (String id : shift.getInstallerIds()) {
			crew.add(names.computeIfAbsent(id, key -> {
				try {
					return network.installer(Long.parseLong(key)).map(i -> i.name()).orElse(key);
				}
				catch (NumberFormatException ex) {
					return key;
				}
			}));
		}
		return String.join(" + ", crew);
	}

	private static List<Place> places(Schedule plan, List<String> jobIds) {
		List<Place> places = new ArrayList<>();
		for (String jobId : jobIds) {
			Job job = plan.findJob(jobId).orElse(null);
			Shift shift = job == null ? null : job.getShift();
			if (shift == null || shift.isUnassignedBucket()) {
				places.add(new Place(jobId, null, null, false, null));
				continue;
			}
			places.add(new Place(jobId, shift.getId(), BoardEdits.routeJobs(shift).indexOf(job),
					shift.getPinnedJobs().contains(job), time(job.getStartTime())));
		}
		return places;
	}

	private static String score(Schedule plan) {
		return plan.getScore() == null ? Solvers.ALL_PINNED : plan.getScore().toString();
	}

	private static List<Reason> reasons(List<ScheduleExplanation.Reason> reasons) {
		if (reasons == null) {
			return List.of();
		}
		return reasons.stream().map(r -> new Reason(r.constraint(), r.impact(), r.reason())).toList();
	}

	private static LocalDateTime time(Long modelTime) {
		return modelTime == null ? null : Times.toDateTime(modelTime);
	}


	/**
	 * Where the visit stands: DONE, else the installer's last report on it (EN_ROUTE, ARRIVED, STARTED), else PINNED
	 * (a dispatcher's pin) or PLANNED.
	 */
	private static String status(ScheduleJob row, boolean pinned) {
		if (row != null && row.isDone()) {
			return "DONE";
		}
		String progress = row == null ? null : row.getReportedProgress();
		if (progress != null && !progress.equals("COMPLETED")) {
			return progress;
		}
		return pinned ? "PINNED" : "PLANNED";
	}

}
