package dev.shifu.platform.schedule.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.optaplanner.core.api.solver.change.ProblemChange;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;

/**
 * Where changes enter a region's live plan: jobs in and out, dispatcher pins and moves, network changes. Pins and moves
 * are stored before they go to the solver, so a restart or rebuild keeps them; an idle region (every job pinned) is
 * rebuilt instead of changed.
 */
@Service
class SchedulePlanner {

	private final ScheduleProperties properties;

	private final RegionRegistry registry;

	private final RegionLifecycle lifecycle;

	private final Reoptimizer reoptimizer;

	private final ScheduleJobRepository jobs;

	private final PlanStore store;

	private final TransactionTemplate transaction;

	SchedulePlanner(ScheduleProperties properties, RegionRegistry registry, RegionLifecycle lifecycle,
			Reoptimizer reoptimizer, ScheduleJobRepository jobs, PlanStore store, PlatformTransactionManager transactions) {
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
		find(region).ifPresent(running -> {
			Schedule plan = running.best();
			plan.findJob(jobId).filter(job -> job.getShift() != null && !job.getShift().isUnassignedBucket())
				.ifPresent(job -> {
					Shift shift = job.getShift();
					List<String> head = ids(shift.getPinnedJobs());
					if (!head.contains(jobId)) {
						head.addAll(ids(shift.getJobs().subList(0, shift.getJobs().indexOf(job) + 1)));
					}
					lock(running, shift, head);
				});
		});
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
		find(region).ifPresent(running -> {
			Shift target = running.best().findShift(shiftId).orElse(null);
			if (target == null) {
				return;
			}
			if (pin) {
				List<String> head = ids(target.getPinnedJobs());
				head.remove(jobId);
				List<String> planned = ids(target.getJobs());
				planned.remove(jobId);
				head.addAll(planned.subList(0, Math.max(0, Math.min(position, planned.size()))));
				head.add(jobId);
				lock(running, target, head);
				return;
			}
			transaction.executeWithoutResult(tx -> jobs.findById(ScheduleJob.orderIdOf(jobId)).ifPresent(row -> {
				row.unpin();
				row.movedTo(shiftId);
			}));
			edit(running, PlanChanges.move(jobId, shiftId, position, false));
		});
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

	private void edit(RegionPlanner running, ProblemChange<Schedule> change) {
		reoptimizer.recordEdit(running.region(), change);
		running.submit(change).thenRunAsync(() -> store.storeNow(running.region()));
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

	/** Rebuilds a region warm on the network as it is now, unless it is being re-optimized. */
	void rebuild(RegionPlanner running) {
		if (properties.enabled() && !reoptimizer.isRunning(running.region())) {
			lifecycle.rebuild(running);
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
