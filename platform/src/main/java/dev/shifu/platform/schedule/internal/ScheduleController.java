package dev.shifu.platform.schedule.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.domain.Times;
import dev.shifu.planner.explain.ScheduleExplanation;
import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.schedule.ScheduleEdited;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;

@RestController
@RequestMapping("/api/v1/schedules")
@Tag(name = "Schedules", description = "Installer routes per region and day, their score and its explanation")
class ScheduleController {

	private final SchedulePlanner planner;

	private final Reoptimizer reoptimizer;

	private final ProblemFactory problems;

	private final Regions regions;

	private final StaffRegions staffRegions;

	private final ApplicationEventPublisher events;

	private final ObjectMapper json;

	private final Clock clock;

	ScheduleController(SchedulePlanner planner, Reoptimizer reoptimizer, ProblemFactory problems, Regions regions,
			StaffRegions staffRegions, ApplicationEventPublisher events, ObjectMapper json, Optional<Clock> clock) {
		this.planner = planner;
		this.reoptimizer = reoptimizer;
		this.problems = problems;
		this.regions = regions;
		this.staffRegions = staffRegions;
		this.events = events;
		this.json = json;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	record Visit(String jobId, long orderId, LocalDateTime arrival, LocalDateTime start, LocalDateTime end,
			long travelSecondsFromPrevious, boolean pinned, List<ScheduleExplanation.Reason> reasons) {
	}

	record InstallerRoute(String shiftId, List<String> installerIds, String providerId, LocalDateTime shiftStart,
			LocalDateTime shiftEnd, long travelSeconds, long travelMeters, List<Visit> visits,
			List<ScheduleExplanation.Reason> reasons) {
	}

	record Unplanned(String jobId, long orderId, List<ScheduleExplanation.Reason> reasons) {
	}

	record DaySchedule(String region, LocalDate date, String score, boolean feasible,
			List<ScheduleExplanation.ConstraintImpact> constraints, List<InstallerRoute> installers,
			List<Unplanned> unassigned) {
	}

	record Reoptimize(@NotNull LocalDate date, @NotNull @Min(1) @Max(600) Integer seconds) {
	}

	record Pin(@NotBlank String jobId) {
	}

	record Move(@NotBlank String jobId, @NotBlank String shiftId, @NotNull @Min(0) Integer position, boolean pin) {
	}

	@GetMapping
	@Operation(summary = "Installers of a region on a day with their ordered visits, planned times and travel, and the "
			+ "score with what each constraint costs")
	DaySchedule get(@RequestParam String region, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		region = checkRegion(region);
		RegionPlanner running = planner.find(region).orElse(null);
		if (running == null) {
			return new DaySchedule(region, date, "no plan", true, List.of(), List.of(), List.of());
		}
		// Routes and explanation from one published version, which nothing changes any more.
		PlanVersion version = running.version();
		Schedule plan = version.plan();
		ScheduleExplanation explanation = version.explanation();
		List<InstallerRoute> routes = new ArrayList<>();
		for (Shift shift : plan.getRealShifts()) {
			if (!shift.getDate().equals(date)) {
				continue;
			}
			List<Job> route = new ArrayList<>(shift.getPinnedJobs());
			route.addAll(shift.getJobs());
			List<Visit> visits = route.stream()
				.filter(job -> job.getStartTime() != null)
				.map(job -> new Visit(job.getId(), ScheduleJob.orderIdOf(job.getId()), Times.toDateTime(job.getArrivalTime()),
						Times.toDateTime(job.getStartTime()), Times.toDateTime(job.getDepartureTime()),
						job.getTravelSecondsFromPrevious(), shift.getPinnedJobs().contains(job),
						explanation.jobs().getOrDefault(job.getId(), List.of())))
				.toList();
			routes.add(new InstallerRoute(shift.getId(), shift.getInstallerIds(), shift.getProviderId(),
					Times.toDateTime(shift.getStartTime()), Times.toDateTime(shift.getEndTime()), shift.getTotalTravelSeconds(),
					shift.getTotalTravelMeters(), visits, explanation.shifts().getOrDefault(shift.getId(), List.of())));
		}
		List<Unplanned> unassigned = plan.getUnassignedJobs()
			.stream()
			.map(job -> new Unplanned(job.getId(), ScheduleJob.orderIdOf(job.getId()),
					explanation.jobs().getOrDefault(job.getId(), List.of())))
			.toList();
		return new DaySchedule(region, date, explanation.score(), explanation.feasible(), explanation.constraints(), routes,
				unassigned);
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Server-Sent Events: every new best score of the region (score, unassigned jobs, time spent)")
	SseEmitter stream(@RequestParam String region) {
		String city = checkRegion(region);
		return planner.planner(city).orElseThrow(() -> new NotFoundException("schedule of region", city)).subscribe();
	}

	@PostMapping("/{region}/reoptimize")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Re-optimize one day of a region within a time limit; progress streams on /stream")
	Map<String, Object> reoptimize(@PathVariable String region, @Valid @RequestBody Reoptimize request) {
		String city = checkRegion(region);
		List<LocalDate> horizon = problems.horizon(city);
		if (request.date().isBefore(horizon.get(0))) {
			throw new InvalidFieldException("date", "lies in the past; the plan starts on " + horizon.get(0));
		}
		if (request.date().isAfter(horizon.get(horizon.size() - 1))) {
			throw new InvalidFieldException("date", "lies after the plan's last day " + horizon.get(horizon.size() - 1));
		}
		reoptimizer.reoptimize(city, request.date(), Duration.ofSeconds(request.seconds()));
		audited(city, "REOPTIMIZE", null, null, request, null);
		return Map.of("region", region, "date", request.date(), "seconds", request.seconds(), "status", "running");
	}

	@DeleteMapping("/{region}/reoptimize")
	@Operation(summary = "Stop a running re-optimization; the best plan found so far is kept")
	Map<String, Object> stop(@PathVariable String region) {
		if (!reoptimizer.stop(checkRegion(region))) {
			throw new NotFoundException("running re-optimization of region", region);
		}
		audited(checkRegion(region), "REOPTIMIZE_STOP", null, null, Map.of("region", region), null);
		return Map.of("region", region, "status", "stopping");
	}

	@PostMapping("/{region}/pins")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Pin a job where it is: it and the visits before it on that route no longer move")
	Map<String, Object> pin(@PathVariable String region, @Valid @RequestBody Pin request) {
		String city = checkRegion(region);
		Schedule plan = requireJob(city, request.jobId());
		planner.pin(city, request.jobId());
		audited(city, "PIN", request.jobId(), null, request, plan);
		return Map.of("jobId", request.jobId(), "status", "pinning");
	}

	@PostMapping("/{region}/moves")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Move a job to an installer shift and position, optionally pinned; GET shows what it breaks")
	Map<String, Object> move(@PathVariable String region, @Valid @RequestBody Move request) {
		String city = checkRegion(region);
		Schedule plan = requireJob(city, request.jobId());
		if (plan.findShift(request.shiftId()).filter(shift -> !shift.isUnassignedBucket()).isEmpty()) {
			throw new InvalidFieldException("shiftId", "is not a shift of region " + city);
		}
		planner.move(city, request.jobId(), request.shiftId(), request.position(), request.pin());
		audited(city, "MOVE", request.jobId(), request.shiftId(), request, plan);
		return Map.of("jobId", request.jobId(), "shiftId", request.shiftId(), "status", "moving");
	}

	/** Every edit taken here is audit-logged like the board's: who, what, where the job stood, when. */
	private void audited(String city, String action, String jobId, String shiftId, Object request, Schedule plan) {
		String before = null;
		String score = null;
		Schedule live = plan != null ? plan : planner.find(city).map(RegionPlanner::best).orElse(null);
		if (live != null) {
			score = String.valueOf(live.getScore());
		}
		if (plan != null && jobId != null) {
			Job job = plan.findJob(jobId).orElseThrow();
			Shift shift = job.getShift();
			Map<String, Object> place = new java.util.LinkedHashMap<>();
			place.put("jobId", jobId);
			if (shift == null || shift.isUnassignedBucket()) {
				place.put("unassigned", true);
			}
			else {
				List<Job> route = new ArrayList<>(shift.getPinnedJobs());
				route.addAll(shift.getJobs());
				place.put("shiftId", shift.getId());
				place.put("position", route.indexOf(job));
				place.put("pinned", shift.getPinnedJobs().contains(job));
			}
			before = write(List.of(place));
		}
		events.publishEvent(new ScheduleEdited(city, CurrentActor.get().name(), action, jobId, shiftId, write(request),
				before, score, clock.instant()));
	}

	private String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Schedule requireJob(String region, String jobId) {
		Schedule plan = planner.find(region).map(RegionPlanner::best)
			.orElseThrow(() -> new NotFoundException("schedule of region", region));
		if (plan.findJob(jobId).isEmpty()) {
			throw new InvalidFieldException("jobId", "is not a job of region " + region);
		}
		return plan;
	}

	private String checkRegion(String region) {
		if (region == null || !region.matches("\\d{6}")) {
			throw new InvalidFieldException("region", "must be a 6-digit region code, e.g. 330100");
		}
		if (!regions.exists(region)) {
			throw new InvalidFieldException("region", "is not a known region code");
		}
		String city = ProblemFactory.regionOf(region);
		staffRegions.requireWorkIn(CurrentActor.get(), city);
		return city;
	}

}
