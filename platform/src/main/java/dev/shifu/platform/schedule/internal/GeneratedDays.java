package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.domain.Times;
import dev.shifu.planner.solver.GreedyInsertion;
import dev.shifu.planner.solver.ScheduleBuilder;
import dev.shifu.planner.travel.HaversineTravelTime;
import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;

/**
 * Generated days for trying the route board at scale (demo and tests; off unless
 * {@code shifu.schedule.generated-days=true}): a city with no real network gets N installers and M jobs around its
 * centre, placed by the same construction the live plan uses and then planned by a live solver, and the board API
 * serves and previews it like any region. They are kept apart from the real regions (never stored, rolled or
 * rebuilt) and take no edits: no order, installer or consumer stands behind them.
 */
@RestController
@Tag(name = "Schedules")
class GeneratedDays {

	/** Job ids far above any real order id, so a generated job never names a real order. */
	static final long FIRST_JOB = 900_000_000_000L;

	record Request(@NotNull @Pattern(regexp = "\\d{4}00") String region, @NotNull LocalDate date,
			@NotNull @Min(1) @Max(200) Integer installers, @NotNull @Min(1) @Max(4000) Integer jobs, Long seed) {
	}

	record Generated(String region, LocalDate date, int installers, int jobs, int planned, long buildMillis) {
	}

	private final boolean enabled;

	private final Solvers solvers;

	private final RegionRegistry registry;

	private final ScheduleJobRepository rows;

	private final Regions regions;

	private final Map<String, RegionPlanner> days = new ConcurrentHashMap<>();

	GeneratedDays(@Value("${shifu.schedule.generated-days:false}") boolean enabled, Solvers solvers,
			RegionRegistry registry, ScheduleJobRepository rows, Regions regions) {
		this.enabled = enabled;
		this.solvers = solvers;
		this.registry = registry;
		this.rows = rows;
		this.regions = regions;
	}

	Optional<RegionPlanner> find(String region) {
		return Optional.ofNullable(days.get(region));
	}

	boolean isGenerated(String region) {
		return days.containsKey(region);
	}

	@PostMapping("/api/v1/schedules/generated-days")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Demo and tests only (shifu.schedule.generated-days): generate a planned day of N installers "
			+ "and M jobs in a city without a real network, served by the route board; admins only")
	Generated generate(@Valid @RequestBody Request request) {
		if (!enabled) {
			throw new NotFoundException("generated days", "(switched off)");
		}
		if (!CurrentActor.get().has(Role.ADMIN)) {
			throw new AccessDeniedException("admins generate days");
		}
		var city = regions.find(request.region())
			.filter(r -> r.lat() != null && r.lng() != null)
			.orElseThrow(() -> new InvalidFieldException("region", "is not a known city with a centre"));
		if (registry.find(request.region()).isPresent() || !rows.findByRegion(request.region()).isEmpty()) {
			throw new ConflictException("region-planned", "Region " + request.region() + " has a real plan");
		}
		long started = System.nanoTime();
		Schedule problem = build(request, city.lat(), city.lng());
		RegionPlanner planner = RegionPlanner.startGenerated(request.region(), solvers, problem);
		Optional.ofNullable(days.put(request.region(), planner)).ifPresent(RegionPlanner::close);
		long millis = (System.nanoTime() - started) / 1_000_000;
		int planned = (int) problem.getRealShifts().stream().mapToLong(s -> s.getJobs().size()).sum();
		return new Generated(request.region(), request.date(), request.installers(), request.jobs(), planned, millis);
	}

	/** Installers on bases around the centre working 08:00-18:00; jobs of 20-40 minutes in two- to ten-hour windows. */
	private static Schedule build(Request request, double lat, double lng) {
		Random random = new Random(request.seed() == null ? 1 : request.seed());
		LocalDate day = request.date();
		long start = Times.of(day.atTime(LocalTime.of(8, 0)));
		long end = Times.of(day.atTime(LocalTime.of(18, 0)));
		List<Shift> shifts = new ArrayList<>();
		for (int i = 0; i < request.installers(); i++) {
			String installer = "generated-" + (i + 1);
			shifts.add(new Shift(installer + "@" + day, near(random, "base-" + installer, lat, lng, 0.08), day, start, end)
				.withInstallers(List.of(installer))
				.withProvider("generated"));
		}
		ScheduleBuilder builder = new ScheduleBuilder(request.region(), HaversineTravelTime.cityDefault()).shifts(shifts);
		for (int j = 0; j < request.jobs(); j++) {
			String id = "O" + (FIRST_JOB + j);
			int hours = 2 + random.nextInt(9);
			long from = start + random.nextInt(11 - Math.min(hours, 10)) * 3600L;
			builder.job(new Job(id, near(random, id, lat, lng, 0.08), (20 + random.nextInt(21)) * 60L)
				.withWindow(from, Math.min(end, from + hours * 3600L))
				.withDemand(1));
		}
		Schedule schedule = builder.build();
		GreedyInsertion.planUnplacedJobs(schedule);
		return schedule;
	}

	private static Location near(Random random, String id, double lat, double lng, double spread) {
		return new Location(id, lat + (random.nextDouble() - 0.5) * spread, lng + (random.nextDouble() - 0.5) * spread);
	}

	@PreDestroy
	void stopAll() {
		days.values().forEach(RegionPlanner::close);
		days.clear();
	}

}
