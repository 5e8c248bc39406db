package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.solver.GreedyInsertion;
import dev.shifu.planner.solver.ScheduleBuilder;
import dev.shifu.planner.travel.HaversineTravelTime;

/**
 * Builds a region's problem on the current horizon from a plan it already had (the live one, or the stored one at
 * start-up): stored pins head their routes in their stored order, every other job starts where the plan had it, and
 * only jobs the plan did not have are placed anew. So a rebuild moves no job without cause.
 */
@Component
class WarmStart {

	private final ProblemFactory problems;

	private final ScheduleJobRepository jobs;

	WarmStart(ProblemFactory problems, ScheduleJobRepository jobs) {
		this.problems = problems;
		this.jobs = jobs;
	}

	/**
	 * @param movableDay when set, only jobs on this day may move (a re-optimization of that day); the others are
	 * pinned in this problem only
	 */
	Schedule build(String region, PlanRoutes routes, LocalDate movableDay) {
		List<LocalDate> days = problems.horizon(region);
		Map<Long, ScheduleJob> rows = jobs.findByRegion(region)
			.stream()
			.collect(Collectors.toMap(ScheduleJob::getOrderId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		List<Shift> shifts = problems.shifts(region, days);
		Map<String, Shift> byId = shifts.stream()
			.collect(Collectors.toMap(Shift::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		ScheduleBuilder builder = new ScheduleBuilder(region, HaversineTravelTime.cityDefault()).shifts(shifts)
			.capacities(problems.capacities(region));
		Set<Long> placed = new HashSet<>();

		// Pins first, in their stored order; a shift on leave keeps none (its jobs go elsewhere).
		rows.values()
			.stream()
			.filter(row -> row.isPinned() && row.getPinnedShiftId() != null)
			.sorted(Comparator.comparing(ScheduleJob::getPinnedPosition, Comparator.nullsLast(Comparator.naturalOrder())))
			.forEach(row -> {
				Shift shift = byId.get(row.getPinnedShiftId());
				if (shift != null && !shift.isOnLeave()) {
					problems.job(row, days).ifPresent(job -> {
						builder.pinnedJob(shift.getId(), job);
						placed.add(row.getOrderId());
					});
				}
			});

		routes.byShift().forEach((shiftId, jobIds) -> {
			Shift shift = byId.get(shiftId);
			if (shift == null || shift.isOnLeave()) {
				return;
			}
			boolean movable = movableDay == null || shift.getDate().equals(movableDay);
			for (String jobId : jobIds) {
				ScheduleJob row = rows.get(ScheduleJob.orderIdOf(jobId));
				if (row == null || !placed.add(row.getOrderId())) {
					continue;
				}
				problems.job(row, days).ifPresentOrElse(job -> {
					if (movable) {
						builder.initialAssignment(shiftId, job);
					}
					else {
						builder.pinnedJob(shiftId, job);
					}
				}, () -> placed.remove(row.getOrderId()));
			}
		});

		for (ScheduleJob row : rows.values()) {
			if (placed.contains(row.getOrderId())) {
				continue;
			}
			Shift moved = row.getMovedShiftId() == null ? null : byId.get(row.getMovedShiftId());
			problems.job(row, days).ifPresent(job -> {
				if (moved != null && !moved.isOnLeave()) {
					builder.initialAssignment(moved.getId(), job);
				}
				else {
					builder.job(job);
				}
			});
		}
		Schedule schedule = builder.build();
		GreedyInsertion.planUnplacedJobs(schedule);
		return schedule;
	}

}
