package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.change.DefaultProblemChangeDirector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.domain.Times;
import dev.shifu.platform.schedule.RouteBoard.Edit;
import dev.shifu.platform.schedule.RouteBoard.EditKind;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;

/**
 * Where changes enter a region's live plan: jobs in and out, dispatcher pins and moves, network changes. Pins and moves
 * are stored before they go to the solver, so a restart or rebuild keeps them; an idle region (every job pinned) is
 * rebuilt instead of changed.
 */
@Service
class SchedulePlanner {

	private static final Logger log = LoggerFactory.getLogger(SchedulePlanner.class);

	private final ScheduleProperties properties;

	private final RegionRegistry registry;

	private final RegionLifecycle lifecycle;

	private final Reoptimizer reoptimizer;

	private final ScheduleJobRepository jobs;

	private final PlanStore store;

	private final TransactionTemplate transaction;

	private final ProblemFactory problems;

	private final ShiftCutoffs cutoffs;

	private final Solvers solvers;

	SchedulePlanner(ScheduleProperties properties, RegionRegistry registry, RegionLifecycle lifecycle,
			Reoptimizer reoptimizer, ScheduleJobRepository jobs, PlanStore store, PlatformTransactionManager transactions,
			ProblemFactory problems, ShiftCutoffs cutoffs, Solvers solvers) {
		this.solvers = solvers;
		this.problems = problems;
		this.cutoffs = cutoffs;
		this.properties = properties;
		this.registry = registry;
		this.lifecycle = lifecycle;
		this.reoptimizer = reoptimizer;
		this.jobs = jobs;
		this.store = store;
		this.transaction = new TransactionTemplate(transactions);
	}

	Optional<RegionPlanner> find(String region) {
		return registry.find(region);
	}

	/** The region's planner, started on first use from what is stored for it. */
	Optional<RegionPlanner> planner(String region) {
		return lifecycle.planner(region);
	}

	Collection<RegionPlanner> planners() {
		return registry.all();
	}

	/** Puts a job in, replaces it, or (with {@code job == null}) takes it out of its region's plan. */
	void replace(String region, String jobId, Job job) {
		if (!properties.enabled()) {
			return;
		}
		RegionPlanner running = registry.find(region).orElse(null);
		if (running == null) {
			boolean[] created = { false };
			running = registry.computeIfAbsent(region, r -> {
				RegionPlanner started = lifecycle.startFromStore(r);
				created[0] = started != null;
				return started;
			});
			if (running == null || created[0]) {
				// Built from the stored jobs, this one included.
				return;
			}
		}
		if (running.isIdle() || (job == null && isLastMovable(running.best(), List.of(jobId)))) {
			lifecycle.rebuild(running);
			return;
		}
		running.submit(PlanChanges.replace(jobId, job));
	}

	/** Pins a job where it is now, with the jobs before it on its route (a dispatcher's lock, or work under way). */
	void pin(String region, String jobId) {
		find(region).ifPresent(running -> running.best()
			.findJob(jobId)
			.filter(job -> job.getShift() != null && !job.getShift().isUnassignedBucket())
			.ifPresent(job -> apply(region, new Edit(EditKind.PIN, jobId, null, null, true, null))));
	}

	/**
	 * The installer set out for a job: it joins the pinned head of its route after the work already under way or
	 * done there, so the head keeps the order the work really happened in, and the rest of the route stays free.
	 */
	void started(String region, String jobId) {
		find(region).ifPresent(running -> running.best()
			.findJob(jobId)
			.filter(job -> job.getShift() != null && !job.getShift().isUnassignedBucket())
			.ifPresent(job -> {
				List<String> head = ids(job.getShift().getPinnedJobs());
				if (!head.contains(jobId)) {
					head.add(jobId);
				}
				lock(running, job.getShift(), head);
			}));
	}

	/** A dispatcher's move to a shift and position; pinned, it and the jobs before it there are locked. */
	void move(String region, String jobId, String shiftId, int position, boolean pin) {
		find(region).filter(running -> running.best().findShift(shiftId).isPresent())
			.ifPresent(running -> apply(region, new Edit(EditKind.MOVE, jobId, shiftId, position, pin, null)));
	}

	/** One edit of the board or the schedule API, committed on its own. */
	CompletableFuture<Schedule> apply(String region, Edit edit) {
		return commit(prepare(region, List.of(edit)));
	}

	/**
	 * A dispatcher's request checked and turned into the problem change it makes, nothing stored yet: the edits in
	 * order, each checked on and computed from the plan as the edits before it left it (on a copy, exactly as the
	 * preview does), so a bad edit anywhere refuses the whole request with its field named.
	 *
	 * @param base the published plan the edits were computed from
	 * @param change all the edits as one problem change: the live solver never plans an in-between state
	 * @param leavesNothing no job would be left for the solver to move afterwards
	 */
	record Prepared(String region, RegionPlanner running, Schedule base, List<Stored> stores,
			ProblemChange<Schedule> change, boolean leavesNothing, List<Edit> edits) {
	}

	/** What one edit stores: the rows it pins (in order, on a shift), unpins, holds, moves or brings back. */
	record Stored(Edit edit, ScheduleJob heldRow, List<String> head, String shiftId, LocalDate shiftDate,
			List<String> unpinned) {
	}

	Prepared prepare(String region, List<Edit> edits) {
		RegionPlanner running = find(region).orElseThrow(() -> new NotFoundException("schedule of region", region));
		Schedule plan = running.best();
		List<Stored> stores = new ArrayList<>();
		List<ProblemChange<Schedule>> changes = new ArrayList<>();
		if (plan.getJobs().isEmpty()) {
			// Nothing movable (an idle region): no score director takes such a plan; each edit is read off the plan.
			for (Edit edit : edits) {
				changes.add(step(region, plan, edit, stores).get(0));
			}
			return new Prepared(region, running, plan, stores, combined(region, changes), true, edits);
		}
		Schedule work = solvers.copy(plan);
		try (InnerScoreDirector<Schedule, HardMediumSoftLongScore> director = solvers.scoreDirector()) {
			director.setWorkingSolution(work);
			director.calculateScore();
			DefaultProblemChangeDirector<Schedule> onCopy = new DefaultProblemChangeDirector<>(director);
			for (Edit edit : edits) {
				List<ProblemChange<Schedule>> both = step(region, work, edit, stores);
				changes.add(both.get(0));
				onCopy.doProblemChange(both.get(1));
			}
		}
		return new Prepared(region, running, plan, stores, combined(region, changes), work.getJobs().isEmpty(), edits);
	}

	/**
	 * Checks one edit on the plan as the edits before it left it and notes what it stores; returns its change for the
	 * live solver and the same change for the copy (a job brought back is a new instance in each: the copy's
	 * planning must not touch the one the solver gets).
	 */
	private List<ProblemChange<Schedule>> step(String region, Schedule plan, Edit edit, List<Stored> stores) {
		ScheduleJob heldRow = held(plan, edit);
		BoardEdits.check(plan, edit, heldRow != null);
		Job back = heldRow == null ? null : back(region, heldRow);
		ProblemChange<Schedule> change = BoardEdits.change(plan, edit, back);
		ProblemChange<Schedule> onCopy = back == null ? change : BoardEdits.change(plan, edit, back(region, heldRow));
		stores.add(stored(plan, edit, heldRow));
		return List.of(change, onCopy);
	}

	private Job back(String region, ScheduleJob heldRow) {
		return problems.job(heldRow, problems.horizon(region), true)
			.orElseThrow(() -> new InvalidFieldException("jobId", "is not open for planning any more"));
	}

	/**
	 * Commits a prepared request: stores what it pins, holds or cuts short, then sends its one change to the live
	 * solver. The future completes with the first published plan that contains it. A request that leaves nothing for
	 * the solver to move rebuilds the region instead, which keeps the plan without one.
	 */
	CompletableFuture<Schedule> commit(Prepared prepared) {
		String region = prepared.region();
		RegionPlanner running = prepared.running();
		Schedule plan = prepared.base();
		store(prepared.stores());
		List<Edit> cutsShort = prepared.edits()
			.stream()
			.filter(edit -> edit.kind() == EditKind.LOCK_DAY || edit.kind() == EditKind.UNAVAILABLE_FROM)
			.toList();
		if (running.isIdle() || prepared.leavesNothing()) {
			for (Edit edit : cutsShort) {
				Shift shift = plan.findShift(edit.shiftId()).orElseThrow();
				Long backAtBase = shift.getBackAtBaseTime();
				long end = edit.kind() == EditKind.UNAVAILABLE_FROM ? Times.of(edit.from())
						: backAtBase != null ? backAtBase : shift.getStartTime();
				cutoffs.store(region, shift.getId(), Times.toDateTime(end));
			}
			lifecycle.rebuild(running);
			store.storeNow(region);
			return CompletableFuture.completedFuture(find(region).map(RegionPlanner::best).orElse(plan));
		}
		CompletableFuture<Schedule> applied = edit(running, prepared.change());
		if (!cutsShort.isEmpty()) {
			// The end the change gave the shift, so a rebuild or restart ends it there too.
			applied = applied.thenApply(result -> {
				for (Edit edit : cutsShort) {
					result.findShift(edit.shiftId())
						.ifPresent(shift -> cutoffs.store(region, shift.getId(), Times.toDateTime(shift.getEndTime())));
				}
				return result;
			});
		}
		return applied;
	}

	/**
	 * The request's changes as one: the solver applies them together, between two of its steps, so it plans from the
	 * state after the last edit only (as the preview scored it), never an in-between one. A part that fails is
	 * logged and skipped, as a change of its own would be.
	 */
	private static ProblemChange<Schedule> combined(String region, List<ProblemChange<Schedule>> changes) {
		if (changes.size() == 1) {
			return changes.get(0);
		}
		return (working, director) -> {
			for (ProblemChange<Schedule> change : changes) {
				try {
					change.doChange(working, director);
				}
				catch (RuntimeException ex) {
					log.warn("Region {}: one edit of a request was refused: {}", region, ex.getMessage());
				}
			}
		};
	}

	/** The stored row of a job a dispatcher holds off the plan, when the edit moves it back. */
	private ScheduleJob held(Schedule plan, Edit edit) {
		if (edit.kind() != EditKind.MOVE || edit.jobId() == null || plan.findJob(edit.jobId()).isPresent()) {
			return null;
		}
		try {
			return jobs.findById(ScheduleJob.orderIdOf(edit.jobId())).filter(ScheduleJob::isHeld).orElse(null);
		}
		catch (IllegalArgumentException notAJobId) {
			return null;
		}
	}

	/** What the edit pins, unpins, holds or moves, read off the plan as it is before the edit. */
	private static Stored stored(Schedule plan, Edit edit, ScheduleJob heldRow) {
		List<String> head = switch (edit.kind()) {
			case MOVE -> edit.pin() ? BoardEdits.pinnedHeadWith(plan, edit) : List.of();
			case PIN -> BoardEdits.headUpTo(plan, edit.jobId());
			case LOCK_DAY -> BoardEdits.route(plan.findShift(edit.shiftId()).orElseThrow());
			case UNPIN -> {
				List<String> rest = ids(plan.findJob(edit.jobId()).orElseThrow().getShift().getPinnedJobs());
				rest.remove(edit.jobId());
				yield rest;
			}
			case UNAVAILABLE_FROM -> {
				long from = Times.of(edit.from());
				yield BoardEdits.routeJobs(plan.findShift(edit.shiftId()).orElseThrow())
					.stream()
					.filter(job -> job.getStartTime() != null && job.getStartTime() < from)
					.map(Job::getId)
					.toList();
			}
			case UNASSIGN -> List.of();
		};
		String shiftId = switch (edit.kind()) {
			case MOVE, LOCK_DAY, UNAVAILABLE_FROM -> edit.shiftId();
			case PIN, UNPIN -> plan.findJob(edit.jobId()).map(job -> job.getShift().getId()).orElse(null);
			case UNASSIGN -> null;
		};
		Shift shift = shiftId == null ? null : plan.findShift(shiftId).orElse(null);
		List<String> unpinned = edit.kind() != EditKind.UNAVAILABLE_FROM ? List.of()
				: BoardEdits.route(plan.findShift(edit.shiftId()).orElseThrow())
					.stream()
					.filter(id -> !head.contains(id))
					.toList();
		return new Stored(edit, heldRow, head, shift == null ? null : shift.getId(),
				shift == null ? null : shift.getDate(), unpinned);
	}

	/** Stores what the request's edits pin, unpin, hold or move, in their order, in one transaction. */
	private void store(List<Stored> stores) {
		transaction.executeWithoutResult(tx -> {
			for (Stored stored : stores) {
				Edit edit = stored.edit();
				if (stored.heldRow() != null) {
					jobs.findById(stored.heldRow().getOrderId()).ifPresent(ScheduleJob::unhold);
				}
				switch (edit.kind()) {
					case MOVE -> {
						if (!edit.pin()) {
							row(edit.jobId()).ifPresent(row -> {
								row.unpin();
								row.movedTo(edit.shiftId());
							});
						}
					}
					case UNPIN -> row(edit.jobId()).ifPresent(ScheduleJob::unpin);
					case UNASSIGN -> row(edit.jobId()).ifPresent(ScheduleJob::hold);
					case UNAVAILABLE_FROM -> stored.unpinned().forEach(id -> row(id).ifPresent(ScheduleJob::unpin));
					default -> {
					}
				}
				for (int i = 0; stored.shiftId() != null && i < stored.head().size(); i++) {
					int position = i;
					row(stored.head().get(i))
						.ifPresent(row -> row.pinTo(stored.shiftId(), stored.shiftDate(), position));
				}
			}
		});
	}

	private Optional<ScheduleJob> row(String jobId) {
		return jobs.findById(ScheduleJob.orderIdOf(jobId));
	}

	/** Stores the pins, then has the solver put exactly those jobs, in that order, at the head of the shift. */
	private void lock(RegionPlanner running, Shift shift, List<String> head) {
		transaction.executeWithoutResult(tx -> {
			for (int i = 0; i < head.size(); i++) {
				int position = i;
				jobs.findById(ScheduleJob.orderIdOf(head.get(i)))
					.ifPresent(row -> row.pinTo(shift.getId(), shift.getDate(), position));
			}
		});
		if (running.isIdle() || isLastMovable(running.best(), head)) {
			// Nothing would be left for the solver to move: the rebuilt region keeps the plan without one.
			lifecycle.rebuild(running);
			store.storeNow(running.region());
			return;
		}
		edit(running, PlanChanges.pinAtHead(shift.getId(), head));
	}

	private CompletableFuture<Schedule> edit(RegionPlanner running, ProblemChange<Schedule> change) {
		reoptimizer.recordEdit(running.region(), change);
		CompletableFuture<Schedule> applied = running.submit(change);
		applied.thenRunAsync(() -> store.storeNow(running.region()));
		return applied;
	}

	/** Network changes (shifts, leave): an idle region is rebuilt with the network as it is now. */
	void submit(String region, ProblemChange<Schedule> change) {
		if (!properties.enabled()) {
			return;
		}
		find(region).ifPresent(running -> {
			if (running.isIdle()) {
				lifecycle.rebuild(running);
			}
			else {
				running.submit(change);
			}
		});
	}

	/** Rebuilds a region warm on the network as it is now; after its re-optimization if one runs or waits. */
	void rebuild(RegionPlanner running) {
		if (properties.enabled()) {
			reoptimizer.rebuildOrDefer(running);
		}
	}

	private static boolean isLastMovable(Schedule plan, List<String> jobIds) {
		return plan.getJobs().stream().allMatch(job -> jobIds.contains(job.getId()));
	}

	private static List<String> ids(List<Job> route) {
		List<String> ids = new ArrayList<>();
		route.forEach(job -> ids.add(job.getId()));
		return ids;
	}

}
