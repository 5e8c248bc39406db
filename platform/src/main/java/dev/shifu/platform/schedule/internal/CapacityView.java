package dev.shifu.platform.schedule.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.ProviderCapacity;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.travel.HaversineTravelTime;
import dev.shifu.planner.travel.TravelTime;

/**
 * Per region, the installers' days as the live plan has them, rebuilt (off the solver thread, coalesced) on each
 * plan version a region publishes; a windows query reads the latest one and never solves. Days the plan does not
 * cover (beyond its horizon, or a region with no plan yet) come from the network's shifts, with empty routes; the
 * network's shifts are read again at most every {@link #NETWORK_TTL} or when an installer or provider changes.
 */
@Component
class CapacityView implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CapacityView.class);

	static final Duration NETWORK_TTL = Duration.ofSeconds(30);

	/** One published plan as rooms per day, and which jobs it has on a real route. */
	record PlanDays(PlanVersion version, Map<LocalDate, List<ShiftRoom>> days, Set<String> placed,
			List<ProviderCapacity> capacities, TravelTime travel) {

		boolean covers(LocalDate day) {
			return days.containsKey(day);
		}

	}

	/** The network's shift days up to {@code upTo}, for days without a plan. */
	record NetworkDays(Instant readAt, LocalDate upTo, Map<LocalDate, List<Shift>> shifts,
			List<ProviderCapacity> capacities) {
	}

	private final ProblemFactory problems;

	private final Map<String, PlanVersion> latest = new ConcurrentHashMap<>();

	private final Map<String, PlanDays> plans = new ConcurrentHashMap<>();

	private final Map<String, NetworkDays> network = new ConcurrentHashMap<>();

	private final Set<String> queued = ConcurrentHashMap.newKeySet();

	private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "capacity-view");
		thread.setDaemon(true);
		return thread;
	});

	CapacityView(Solvers solvers, ProblemFactory problems) {
		this.problems = problems;
		solvers.onPublished(this::published);
	}

	/** A region published a plan version: rebuild its view soon, once however many versions come meanwhile. */
	void published(String region, PlanVersion version) {
		latest.put(region, version);
		if (queued.add(region)) {
			builder.execute(() -> {
				queued.remove(region);
				try {
					PlanVersion newest = latest.get(region);
					plans.put(region, build(newest));
				}
				catch (RuntimeException ex) {
					log.warn("Capacity view of region {} not rebuilt: {}", region, ex.toString());
				}
			});
		}
	}

	/** The latest built view of the region's plan; built now if a plan exists but no view yet; null without a plan. */
	PlanDays plan(String region) {
		PlanDays days = plans.get(region);
		if (days == null) {
			PlanVersion version = latest.get(region);
			if (version != null) {
				days = build(version);
				plans.putIfAbsent(region, days);
			}
		}
		return days;
	}

	/** The network's shift days of the region through {@code upTo}; re-read in the background when old. */
	NetworkDays network(String region, LocalDate upTo) {
		NetworkDays days = network.get(region);
		if (days == null || days.upTo().isBefore(upTo)) {
			days = readNetwork(region, upTo);
			network.put(region, days);
		}
		else if (days.readAt().plus(NETWORK_TTL).isBefore(Instant.now()) && queued.add("network:" + region)) {
			LocalDate until = days.upTo();
			builder.execute(() -> {
				queued.remove("network:" + region);
				try {
					network.put(region, readNetwork(region, until));
				}
				catch (RuntimeException ex) {
					log.warn("Network shifts of region {} not re-read: {}", region, ex.toString());
				}
			});
		}
		return days;
	}

	/** An installer or provider changed: read the network's shifts again on the next query. */
	void networkChanged() {
		network.clear();
	}

	TravelTime travel(String region) {
		PlanDays days = plans.get(region);
		return days != null ? days.travel() : HaversineTravelTime.cityDefault();
	}

	private NetworkDays readNetwork(String region, LocalDate upTo) {
		LocalDate today = problems.today();
		List<LocalDate> range = today.datesUntil(upTo.plusDays(1)).toList();
		Map<LocalDate, List<Shift>> byDay = new HashMap<>();
		for (Shift shift : problems.shifts(region, range)) {
			byDay.computeIfAbsent(shift.getDate(), d -> new ArrayList<>()).add(shift);
		}
		return new NetworkDays(Instant.now(), upTo, byDay, problems.capacities(region));
	}

	private static PlanDays build(PlanVersion version) {
		Schedule plan = version.plan();
		TravelTime travel = plan.getTravelTable() != null ? plan.getTravelTable().travelTime()
				: HaversineTravelTime.cityDefault();
		Map<LocalDate, List<ShiftRoom>> days = new HashMap<>();
		Set<String> placed = new HashSet<>();
		for (Shift shift : plan.getRealShifts()) {
			if (shift.getInstallerIds().isEmpty()) {
				continue;
			}
			days.computeIfAbsent(shift.getDate(), d -> new ArrayList<>())
				.add(new ShiftRoom(shift, ShiftRoom.stopsOf(shift), travel));
			for (Job job : shift.getJobs()) {
				placed.add(job.getId());
			}
			for (Job job : shift.getPinnedJobs()) {
				placed.add(job.getId());
			}
		}
		days.values().forEach(rooms -> rooms.sort(java.util.Comparator.comparing(r -> r.shift().getId())));
		return new PlanDays(version, days, placed, List.copyOf(plan.getProviderCapacities()), travel);
	}

	@Override
	public void destroy() {
		builder.shutdownNow();
	}

}
