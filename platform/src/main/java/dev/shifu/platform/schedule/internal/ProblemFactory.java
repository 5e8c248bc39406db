package dev.shifu.platform.schedule.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.MemberTier;
import dev.shifu.planner.domain.ProviderCapacity;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.domain.Times;
import dev.shifu.planner.solver.ScheduleBuilder;
import dev.shifu.planner.travel.HaversineTravelTime;
import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.catalog.Skill;
import dev.shifu.platform.network.InstallerRequest;
import dev.shifu.platform.network.InstallerView;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.network.ProviderView;
import dev.shifu.platform.order.GoodsStatus;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.shared.GeoPoint;

/**
 * Maps the platform into the planning model: installers' shift days on the horizon become {@link Shift}s, open
 * orders become {@link Job}s. The planning model stays free of JPA; this is the only place that knows both.
 */
@Component
class ProblemFactory {

	/** Skills whose work needs a valid certificate on the day (gas, electrics, locks, load-bearing furniture). */
	private static final Set<Skill> CERTIFIED = Set.of(Skill.WARDROBE, Skill.APPLIANCE, Skill.SMART_LOCK);

	private final NetworkDirectory network;

	private final OrderLifecycle orders;

	private final ScheduleProperties properties;

	private final Regions regions;

	private final Clock clock;

	private final ShiftCutoffs cutoffs;

	private final ScheduleJobRepository jobs;

	ProblemFactory(NetworkDirectory network, OrderLifecycle orders, ScheduleProperties properties, Regions regions,
			Optional<Clock> clock, ShiftCutoffs cutoffs, ScheduleJobRepository jobs) {
		this.jobs = jobs;
		this.network = network;
		this.orders = orders;
		this.properties = properties;
		this.regions = regions;
		this.clock = clock.orElse(Clock.systemUTC());
		this.cutoffs = cutoffs;
	}

	/** The region a region code plans in: its city (330106 → 330100). */
	static String regionOf(String regionCode) {
		return regionCode.substring(0, 4) + "00";
	}

	/**
	 * The zone of the region's calendar: its days, and the wall-clock times of the model (shift hours, windows).
	 * Every city of a region shares it, so the region's code decides.
	 */
	ZoneId zoneOf(String region) {
		return regions.zoneOf(region);
	}

	/** Today in the region: its routes of today are shown all day, until its own midnight. */
	LocalDate today(String region) {
		return LocalDate.ofInstant(clock.instant(), zoneOf(region));
	}

	/** Today (the day of service) and the days after it, in the region's zone. */
	List<LocalDate> horizon(String region) {
		LocalDate first = today(region);
		return first.datesUntil(first.plusDays(properties.horizonDays() + 1L)).toList();
	}

	/** The earliest time unstarted work may be planned today in the region: its local now, to the next minute. */
	private LocalDateTime earliestToday(String region) {
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zoneOf(region));
		return now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(now.getSecond() == 0 && now.getNano() == 0 ? 0 : 1);
	}

	Schedule build(String region, List<ScheduleJob> rows) {
		List<LocalDate> days = horizon(region);
		ScheduleBuilder builder = new ScheduleBuilder(region, HaversineTravelTime.cityDefault());
		builder.shifts(shifts(region, days));
		builder.capacities(capacities(region));
		for (ScheduleJob row : rows) {
			job(row, days).ifPresent(job -> builder.job(job));
		}
		return builder.build();
	}

	/**
	 * Active providers that work in the region by the network's coverage rule: by region code, or by radius around
	 * one of the region's open orders (dispatch offers those orders to it, so its installers must be in the plan).
	 */
	List<ProviderView> providers(String region) {
		List<ProviderView> active = network.activeProviders();
		List<GeoPoint> addresses = active.stream().anyMatch(ProviderView::hasRadius) ? openAddresses(region) : List.of();
		return active.stream().filter(provider -> provider.worksIn(region, addresses)).toList();
	}

	/** Where the region's open orders are. */
	private List<GeoPoint> openAddresses(String region) {
		return jobs.findByRegion(region)
			.stream()
			.map(row -> orders.find(row.getOrderId()))
			.flatMap(Optional::stream)
			.filter(order -> order.status() != OrderStatus.CANCELLED)
			.map(OrderSnapshot::location)
			.toList();
	}

	/**
	 * Whether an active provider with installers covers the order only by its radius and has no shift in
	 * {@code plan}: the plan was built before the order came in, so it must be built again to include them.
	 */
	boolean lacksRadiusProvider(String region, OrderSnapshot order, Schedule plan) {
		Set<String> planned = plan.getRealShifts().stream().map(Shift::getProviderId).collect(Collectors.toSet());
		return network.activeProviders()
			.stream()
			.filter(p -> p.covers(order.regionCode(), order.location()) && !p.worksIn(region, List.of()))
			.filter(p -> !planned.contains(String.valueOf(p.id())))
			.anyMatch(p -> !network.activeInstallers(p.id()).isEmpty());
	}

	/** Each covering provider's registered daily capacity per service type, on every day of the horizon. */
	List<ProviderCapacity> capacities(String region) {
		List<ProviderCapacity> capacities = new ArrayList<>();
		for (ProviderView provider : providers(region)) {
			provider.dailyCapacity().forEach((type, max) -> {
				if (max != null) {
					capacities.add(ProviderCapacity.everyDay(String.valueOf(provider.id()), type.name(), max));
				}
			});
		}
		return capacities;
	}

	/** Shift days of every active installer of an active provider that covers the region. */
	List<Shift> shifts(String region, List<LocalDate> days) {
		List<Shift> shifts = new ArrayList<>();
		Map<String, LocalDateTime> cutShort = cutoffs.of(region);
		for (ProviderView provider : providers(region)) {
			for (InstallerView installer : network.activeInstallers(provider.id())) {
				for (LocalDate day : days) {
					shift(provider, installer, day, cutShort).ifPresent(shifts::add);
				}
			}
		}
		return shifts;
	}

	private Optional<Shift> shift(ProviderView provider, InstallerView installer, LocalDate day,
			Map<String, LocalDateTime> cutShort) {
		Optional<InstallerRequest.Shift> hours = installer.shifts()
			.stream()
			.filter(s -> s.day() == day.getDayOfWeek())
			.findFirst();
		if (hours.isEmpty()) {
			return Optional.empty();
		}
		Map<String, LocalDate> certificates = new HashMap<>();
		installer.certificates().forEach(c -> certificates.merge(c.skill().name(), c.expiresOn(),
				(a, b) -> a.isAfter(b) ? a : b));
		Location base = new Location("base-" + installer.id(), installer.homeBase().lat(), installer.homeBase().lng());
		String id = ShiftIds.of(installer.id(), day);
		long start = Times.of(day.atTime(hours.get().start()));
		long end = Times.of(day.atTime(hours.get().end()));
		if (cutShort.containsKey(id)) {
			// A dispatcher locked the day or the installer stopped early: the shift ends there.
			end = Math.max(start, Math.min(end, Times.of(cutShort.get(id))));
		}
		return Optional.of(new Shift(id, base, day, start, end)
			.withInstallers(List.of(String.valueOf(installer.id())))
			.withProvider(String.valueOf(provider.id()))
			.withSkills(installer.skills().stream().map(Skill::name).collect(Collectors.toSet()))
			.withCertificates(certificates)
			.withCrewSize(installer.crewSize())
			.withCapacity(properties.shiftCapacity())
			.withRating(installer.rating())
			.withOnLeave(installer.leaveDays().contains(day)));
	}

	Optional<String> regionOfOrder(long orderId) {
		return orders.find(orderId).map(order -> regionOf(order.regionCode()));
	}

	/**
	 * The order as a job; none when it is not open or its booked day lies outside the horizon. A visit pinned on a
	 * day (under way, done, or locked by a dispatcher) is a job of that day whatever the order's status now, so the
	 * day's route keeps it; today's other work starts no earlier than now.
	 */
	Optional<Job> job(ScheduleJob row, List<LocalDate> days) {
		return row.isHeld() ? Optional.empty() : job(row, days, true);
	}

	/** The order as a job, also when a dispatcher holds it off the plan ({@code ignoreHold}): to move it back. */
	Optional<Job> job(ScheduleJob row, List<LocalDate> days, boolean ignoreHold) {
		Optional<OrderSnapshot> found = orders.find(row.getOrderId());
		if (found.isEmpty() || found.get().status() == OrderStatus.CANCELLED) {
			return Optional.empty();
		}
		OrderSnapshot order = found.get();
		LocalDate first = days.get(0);
		LocalDate last = days.get(days.size() - 1);
		LocalDate pinnedDay = row.isPinned() ? row.getPinnedDate() : null;
		if (pinnedDay != null) {
			if (pinnedDay.isBefore(first) || pinnedDay.isAfter(last)) {
				return Optional.empty();
			}
			if (row.hasWindow() && pinnedDay.equals(row.getBookedDate())) {
				// Pinned on its booked day, it keeps the consumer's window: a rebuild or restart times and scores it
				// as the live plan did, not as a job with the whole day.
				return Optional.of(job(row, order, pinnedDay.atTime(row.getWindowStart()), pinnedDay.atTime(row.getWindowEnd())));
			}
			return Optional.of(job(row, order, pinnedDay.atTime(properties.dayStart()), pinnedDay.atTime(properties.dayEnd())));
		}
		boolean open = order.status().isCancellable() || order.status() == OrderStatus.REWORK_SCHEDULED;
		if (!open || row.isDone()) {
			return Optional.empty();
		}
		LocalDate from = row.getBookedDate() != null ? row.getBookedDate() : first;
		LocalDate to = row.getBookedDate() != null ? row.getBookedDate() : last;
		boolean waitsForGoods = order.serviceType().needsGoods() && order.goodsStatus() != GoodsStatus.ARRIVED
				&& order.expectedArrival() != null;
		if (waitsForGoods && order.expectedArrival().isAfter(from)) {
			from = order.expectedArrival();
		}
		if (from.isBefore(first)) {
			from = first;
		}
		if (to.isAfter(last) || from.isAfter(to)) {
			return Optional.empty();
		}
		LocalDateTime windowStart = from.atTime(properties.dayStart());
		LocalDateTime windowEnd = to.atTime(properties.dayEnd());
		if (row.hasWindow() && from.equals(row.getBookedDate()) && to.equals(row.getBookedDate())) {
			// The consumer's booked window is the job's hard time window.
			windowStart = from.atTime(row.getWindowStart());
			windowEnd = from.atTime(row.getWindowEnd());
		}
		LocalDateTime earliest = earliestToday(row.getRegion());
		if (from.equals(first) && earliest.isAfter(windowStart)) {
			// Nothing unstarted is planned in the past; late today it can only wait for the end of the window.
			windowStart = earliest.isBefore(windowEnd) ? earliest : windowEnd;
		}
		Job job = job(row, order, windowStart, windowEnd);
		if (waitsForGoods) {
			job = job.withGoodsArrival(order.expectedArrival());
		}
		return Optional.of(job);
	}

	/** The order's job as it would be with this window, for the capacity check (not sent to the solver). */
	Job probe(ScheduleJob stored, OrderSnapshot order, LocalDateTime windowStart, LocalDateTime windowEnd) {
		ScheduleJob row = stored != null ? stored : new ScheduleJob(order.id(), regionOf(order.regionCode()));
		return job(row, order, windowStart, windowEnd);
	}

	private Job job(ScheduleJob row, OrderSnapshot order, LocalDateTime windowStart, LocalDateTime windowEnd) {
		Set<String> skills = order.requiredSkills().stream().map(Skill::name).collect(Collectors.toSet());
		Set<String> certificates = order.requiredSkills()
			.stream()
			.filter(CERTIFIED::contains)
			.map(Skill::name)
			.collect(Collectors.toSet());
		Job job = new Job(row.jobId(), new Location(row.jobId(), order.location().lat(), order.location().lng()),
				order.durationMinutes() * 60L)
			.withSkills(skills)
			.withCertificates(certificates)
			.withCrewSize(order.crewSize())
			.withMinInstallerRating(row.getMinInstallerRating())
			.withWindow(Times.of(windowStart), Times.of(windowEnd))
			.withTier(MemberTier.valueOf(order.memberTier().name()))
			.withServiceType(order.serviceType().name())
			.withDemand(1);
		if (order.promisedBy() != null) {
			job = job.withSlaDue(Times.of(order.promisedBy().atTime(properties.dayEnd())));
		}
		if (row.getProviderId() != null) {
			job = job.withAcceptedProvider(String.valueOf(row.getProviderId()));
		}
		if (row.getPreferredInstallerId() != null) {
			job = job.withPreferredInstaller(String.valueOf(row.getPreferredInstallerId()));
		}
		if (row.isRework()) {
			job = job.withRework(true);
		}
		if (row.getAvoidedInstallerId() != null) {
			job = job.withAvoidedInstaller(String.valueOf(row.getAvoidedInstallerId()));
		}
		// What the installer reported on the visit: a rebuilt or restarted plan times the route by it too.
		return job.withActualTimes(time(row.getActualArrival()), time(row.getActualStart()), time(row.getActualEnd()));
	}

	static Long time(LocalDateTime local) {
		return local == null ? null : Times.of(local);
	}

}
