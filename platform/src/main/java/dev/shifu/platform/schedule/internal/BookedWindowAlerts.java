package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Times;
import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.shared.InvalidFieldException;

/**
 * A booked window the plan does not keep is the dispatcher's to see, never a silent unassigned job: the job is in
 * the unassigned bucket, or planned to start outside the window the consumer booked.
 */
@RestController
@Tag(name = "Schedules")
class BookedWindowAlerts {

	private final SchedulePlanner planner;

	private final ScheduleJobRepository jobs;

	private final ProblemFactory problems;

	private final Regions regions;

	private final StaffRegions staffRegions;

	BookedWindowAlerts(SchedulePlanner planner, ScheduleJobRepository jobs, ProblemFactory problems, Regions regions,
			StaffRegions staffRegions) {
		this.staffRegions = staffRegions;
		this.planner = planner;
		this.jobs = jobs;
		this.problems = problems;
		this.regions = regions;
	}

	/** {@code problem}: UNASSIGNED, OUTSIDE_WINDOW, or NOT_IN_PLAN (booked on a planned day, missing from the plan). */
	record Alert(long orderId, String jobId, LocalDate date, LocalTime windowStart, LocalTime windowEnd, String problem,
			LocalDateTime plannedStart) {
	}

	// The route board page reads the same alerts with its signed-in session under /console/schedules/alerts.
	@GetMapping({ "/api/v1/schedules/alerts", "/console/schedules/alerts" })
	@Operation(summary = "Booked windows the live plan does not keep (unassigned, or planned outside the window)")
	List<Alert> alerts(@RequestParam String region) {
		if (region == null || !region.matches("\\d{6}") || !regions.exists(region)) {
			throw new InvalidFieldException("region", "must be a known 6-digit region code, e.g. 330100");
		}
		String city = ProblemFactory.regionOf(region);
		staffRegions.requireWorkIn(CurrentActor.get(), city);
		Schedule plan = planner.find(city).map(RegionPlanner::best).orElse(null);
		List<LocalDate> horizon = problems.horizon(city);
		List<Alert> alerts = new ArrayList<>();
		for (ScheduleJob row : jobs.findByRegion(city)) {
			if (!row.hasWindow() || row.isPinned() || row.isDone() || !horizon.contains(row.getBookedDate())) {
				continue;
			}
			LocalDate day = row.getBookedDate();
			Job job = plan == null ? null : plan.findJob(row.jobId()).orElse(null);
			if (job == null) {
				if (problems.job(row, horizon).isPresent()) {
					alerts.add(alert(row, "NOT_IN_PLAN", null));
				}
				continue;
			}
			if (job.getShift() == null || job.getShift().isUnassignedBucket() || job.getStartTime() == null) {
				alerts.add(alert(row, "UNASSIGNED", null));
				continue;
			}
			long start = job.getStartTime();
			if (start < Times.of(day.atTime(row.getWindowStart())) || start > Times.of(day.atTime(row.getWindowEnd()))) {
				alerts.add(alert(row, "OUTSIDE_WINDOW", Times.toDateTime(start)));
			}
		}
		return alerts;
	}

	private static Alert alert(ScheduleJob row, String problem, LocalDateTime plannedStart) {
		return new Alert(row.getOrderId(), row.jobId(), row.getBookedDate(), row.getWindowStart(), row.getWindowEnd(),
				problem, plannedStart);
	}

}
