package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.shifu.planner.domain.AssignmentRule;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.ProviderCapacity;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.domain.Times;
import dev.shifu.planner.solver.RouteInsertion;
import dev.shifu.planner.travel.TravelTime;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.schedule.WindowCapacity;
import dev.shifu.platform.shared.NotFoundException;

/**
 * Windows and their reservation against the capacity view. A window is open where a room of an allowed provider
 * admits the job and fits it; held bookings the plan has not placed yet count too: on a planned day the held job is
 * put into its installer's route where it fits first (its own time and travel, until the plan places it), beyond
 * the plan the held jobs are that day's route.
 */
@Service
class WindowCapacityService implements WindowCapacity {

	private static final Logger log = LoggerFactory.getLogger(WindowCapacityService.class);

	private final CapacityView view;

	private final ProblemFactory problems;

	private final OrderLifecycle orders;

	private final ScheduleJobRepository jobs;

	private final WindowReservationRepository reservations;

	private final SchedulePlanner planner;

	private final ScheduleReadCache cache;

	private final ApplicationEventPublisher events;

	private final WindowLocks locks;

	/** The booking's own connection: the order's row made when the schedule has not taken the order in yet. */
	private final JdbcTemplate jdbc;

	WindowCapacityService(CapacityView view, ProblemFactory problems, OrderLifecycle orders,
			ScheduleJobRepository jobs, WindowReservationRepository reservations, SchedulePlanner planner,
			ScheduleReadCache cache, ApplicationEventPublisher events, WindowLocks locks, JdbcTemplate jdbc) {
		this.locks = locks;
		this.jdbc = jdbc;
		this.cache = cache;
		this.events = events;
		this.view = view;
		this.problems = problems;
		this.orders = orders;
		this.jobs = jobs;
		this.reservations = reservations;
		this.planner = planner;
	}

	/** One query's view: the order, its job, and the rooms per day with the held bookings applied. */
	private final class Query {

		final OrderSnapshot order;

		final ScheduleJob row;

		final String region;

		final String jobId;

		final Set<Long> providers;

		final CapacityView.PlanDays plan;

		final CapacityView.NetworkDays network;

		final Map<LocalDate, List<WindowReservation>> held = new HashMap<>();

		final Map<LocalDate, List<ShiftRoom>> rooms = new HashMap<>();

		/** Held bookings the plan has not placed whose installer's day could not take them as well. */
		final Map<LocalDate, List<WindowReservation>> overflow = new HashMap<>();

		final Map<ShiftRoom, RouteInsertion.Legs> travel = new IdentityHashMap<>();

		final Location location;

		/** The held bookings as the read cache gave them: the same list while nothing was booked or released. */
		final List<WindowReservation> heldRead;

		Query(long orderId, Set<Long> providers, LocalDate from, LocalDate to) {
			this.order = orders.find(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
			this.region = ProblemFactory.regionOf(order.regionCode());
			this.row = cache.row(orderId, jobs).orElse(null);
			this.jobId = ScheduleJob.jobId(orderId);
			this.providers = providers;
			this.plan = view.plan(region);
			this.network = view.network(region, to);
			this.location = new Location(jobId, order.location().lat(), order.location().lng());
			this.heldRead = cache.held(region, from, to, reservations);
			for (WindowReservation r : heldRead) {
				if (r.orderId() != orderId) {
					held.computeIfAbsent(r.visitDay(), d -> new ArrayList<>()).add(r);
				}
			}
		}

		/** Replaces the day's held windows with these; whether they differed from what this query had read. */
		boolean rehold(LocalDate day, List<WindowReservation> now) {
			List<WindowReservation> others = now.stream().filter(r -> r.orderId() != order.id()).toList();
			Set<Long> before = new java.util.HashSet<>();
			held.getOrDefault(day, List.of()).forEach(r -> before.add(r.id()));
			Set<Long> after = new java.util.HashSet<>();
			others.forEach(r -> after.add(r.id()));
			if (before.equals(after)) {
				return false;
			}
			held.put(day, new ArrayList<>(others));
			rooms.remove(day);
			overflow.remove(day);
			travel.clear();
			return true;
		}

		/** The order's job in the window; {@code minRating}: a premium booking's lowest installer rating, or null. */
		Job probe(Window window, Double minRating) {
			return problems.probe(row, order, window.day().atTime(window.start()), window.day().atTime(window.end()))
				.withMinInstallerRating(minRating);
		}

		List<ShiftRoom> rooms(LocalDate day) {
			return this.rooms.computeIfAbsent(day, this::roomsOn);
		}

		private List<ShiftRoom> roomsOn(LocalDate day) {
			List<WindowReservation> onDay = held.getOrDefault(day, List.of());
			List<ShiftRoom> result = new ArrayList<>();
			if (plan != null && plan.covers(day)) {
				// A held booking is in the plan only where the plan has it as a booked stop of that day (or on the
				// pinned head): until the booking reaches the plan, the job may stand there pencilled in (floating, no
				// day booked), which takes no room (ShiftRoom.stopsOf), so counting that as placed let a second
				// booking into the same room (WindowRaceOnMariaDbTests: 2 of 50). The asking order's own hold takes
				// no room from itself (a reschedule).
				Set<String> placedThatDay = new java.util.HashSet<>();
				for (ShiftRoom room : plan.days().getOrDefault(day, List.of())) {
					room.stops().forEach(stop -> placedThatDay.add(stop.getId()));
					room.shift().getPinnedJobs().forEach(pinned -> placedThatDay.add(pinned.getId()));
				}
				Map<String, List<WindowReservation>> unplaced = new HashMap<>();
				for (WindowReservation r : onDay) {
					String held = ScheduleJob.jobId(r.orderId());
					if (!held.equals(jobId) && !placedThatDay.contains(held)) {
						unplaced.computeIfAbsent(r.shiftId(), s -> new ArrayList<>()).add(r);
					}
				}
				for (ShiftRoom room : plan.days().get(day)) {
					if (!providers.contains(room.providerId())) {
						continue;
					}
					if (room.has(jobId)) {
						// A reschedule: the order's own visit does not take room from itself.
						room = room.with(room.stops().stream().filter(s -> !s.getId().equals(jobId)).toList());
					}
					for (WindowReservation r : unplaced.getOrDefault(room.shift().getId(), List.of())) {
						ShiftRoom with = room == null ? null : room.withHeld(stopOf(r, day));
						if (with == null) {
							overflow.computeIfAbsent(day, d -> new ArrayList<>()).add(r);
						}
						room = with;
					}
					if (room != null) {
						result.add(room);
					}
				}
				return result;
			}
			TravelTime travelTime = view.travel(region);
			for (Shift shift : network.shifts().getOrDefault(day, List.of())) {
				if (!providers.contains(Long.parseLong(shift.getProviderId()))) {
					continue;
				}
				List<Job> stops = onDay.stream()
					.filter(r -> r.shiftId().equals(shift.getId()))
					.sorted(Comparator.comparing(WindowReservation::windowStart))
					.map(r -> stopOf(r, day))
					.toList();
				result.add(new ShiftRoom(shift, stops, travelTime));
			}
			result.sort(Comparator.comparing(r -> r.shift().getId()));
			return result;
		}

		/** A held booking as a visit of its own: where, how long, its window and type. */
		private Job stopOf(WindowReservation r, LocalDate day) {
			String id = ScheduleJob.jobId(r.orderId());
			return new Job(id, new Location(id, r.lat(), r.lng()), r.serviceSeconds())
				.withWindow(Times.of(day.atTime(r.windowStart())), Times.of(day.atTime(r.windowEnd())))
				.withServiceType(r.serviceType())
				.withDemand(1);
		}

		/** Whether the provider's registered daily capacity for the order's type still has room on the day. */
		boolean providerHasRoom(long providerId, LocalDate day) {
			String type = order.serviceType().name();
			List<ProviderCapacity> capacities = plan != null && plan.covers(day) ? plan.capacities() : network.capacities();
			Integer max = null;
			for (ProviderCapacity c : capacities) {
				if (c.providerId().equals(String.valueOf(providerId)) && c.serviceType().equals(type)
						&& (c.date() == null || c.date().equals(day))) {
					max = max == null ? c.maxJobs() : Math.min(max, c.maxJobs());
				}
			}
			if (max == null) {
				return true;
			}
			int count = 0;
			for (ShiftRoom room : rooms(day)) {
				if (room.providerId() == providerId) {
					count += room.countOfType(type, jobId);
				}
			}
			// Held bookings on a day that could not take them (their room closed) count all the same.
			for (WindowReservation r : overflow.getOrDefault(day, List.of())) {
				if (r.providerId() == providerId && type.equals(r.serviceType())) {
					count++;
				}
			}
			return count < max;
		}

		/**
		 * The rooms where the job fits in the window, in a fixed order (so racing bookings ask for the same one);
		 * {@code minRating}: only installers a premium booking allows (the plan's rule), null for any.
		 */
		List<ShiftRoom> fitting(Window window, Double minRating) {
			Job probe = probe(window, minRating);
			List<ShiftRoom> fit = new ArrayList<>();
			Map<Long, Boolean> providerRoom = new HashMap<>();
			for (ShiftRoom room : rooms(window.day())) {
				if (!room.admits(probe)) {
					continue;
				}
				if (!providerRoom.computeIfAbsent(room.providerId(), p -> providerHasRoom(p, window.day()))) {
					continue;
				}
				if (room.fits(probe, travel.computeIfAbsent(room, r -> r.legsFor(location)))) {
					fit.add(room);
				}
			}
			return fit;
		}

	}

	@Override
	@Transactional(readOnly = true)
	public List<OpenWindow> openWindows(long orderId, Set<Long> providers, List<Window> candidates, double premiumRating) {
		if (candidates.isEmpty() || providers.isEmpty()) {
			return List.of();
		}
		Query query = query(orderId, providers, candidates);
		WindowsAsked asked = new WindowsAsked(orderId, Set.copyOf(providers), List.copyOf(candidates), premiumRating);
		WindowsAnswered last = answered.getIfPresent(asked);
		if (last != null && last.answers(query)) {
			return last.open();
		}
		List<OpenWindow> open = new ArrayList<>();
		for (Window window : candidates) {
			List<ShiftRoom> fit = query.fitting(window, null);
			if (!fit.isEmpty()) {
				Job premiumProbe = query.probe(window, premiumRating);
				boolean premium = fit.stream()
					.anyMatch(r -> AssignmentRule.MIN_INSTALLER_RATING.violation(premiumProbe, r.shift()) == 0);
				open.add(new OpenWindow(window, premium));
			}
		}
		answered.put(asked, new WindowsAnswered(query.order, query.row, query.plan, query.network, query.heldRead,
				List.copyOf(open)));
		return List.copyOf(open);
	}

	private record WindowsAsked(long orderId, Set<Long> providers, List<Window> candidates, double premiumRating) {
	}

	/**
	 * An answer and what it was computed from. The view, the network days and the read caches replace (never change)
	 * what they hand out, so the same instances mean the same inputs: the fit need not run again. Reservations hold
	 * the capacity against a fresh query, never against this.
	 */
	private record WindowsAnswered(OrderSnapshot order, ScheduleJob row, CapacityView.PlanDays plan,
			CapacityView.NetworkDays network, List<WindowReservation> held, List<OpenWindow> open) {

		boolean answers(Query query) {
			return order.equals(query.order) && row == query.row && plan == query.plan && network == query.network
					&& held == query.heldRead;
		}
	}

	/** The consumer's page asks again and again between plan changes (the windows benchmark: 500 requests/s). */
	private final Cache<WindowsAsked, WindowsAnswered> answered = Caffeine.newBuilder()
		.expireAfterWrite(ScheduleReadCache.TTL)
		.maximumSize(20_000)
		.build();

	@Override
	@Transactional
	public Reservation reserve(long orderId, Set<Long> providers, Window window, boolean premium, double premiumRating) {
		Query query = query(orderId, providers, List.of(window));
		Double minRating = premium ? premiumRating : null;
		List<ShiftRoom> fit = query.fitting(window, minRating);
		if (fit.isEmpty()) {
			throw new WindowTakenException("That window was just taken: no installer has room in it any more");
		}
		// Under READ COMMITTED the held windows above and the slot number below are separate reads: a booking that
		// committed between them would be missed while its slot came out free. So take the day's lock (bookings of
		// the day queue here until this one commits) and read the held windows once more; where they changed, fit
		// again against them.
		locks.lock(query.region, window.day());
		if (query.rehold(window.day(), reservations.findByRegionAndVisitDayBetweenAndActiveTrue(query.region,
				window.day(), window.day()))) {
			fit = query.fitting(window, minRating);
			if (fit.isEmpty()) {
				throw new WindowTakenException("That window was just taken: no installer has room in it any more");
			}
		}
		ShiftRoom room = fit.get(0);
		reservations.findByOrderIdAndActiveTrue(orderId).forEach(WindowReservation::release);
		int slot = reservations.lastSlot(room.shift().getId()) + 1;
		WindowReservation held = new WindowReservation(orderId, query.region, room.shift().getId(), room.installerId(),
				room.providerId(), window.day(), window.start(), window.end(), slot, query.location.latitude(),
				query.location.longitude(), query.order.durationMinutes() * 60L, query.order.serviceType().name());
		try {
			reservations.saveAndFlush(held);
		}
		catch (DataIntegrityViolationException taken) {
			// Another booking read the same state of this installer's day and committed first.
			throw new WindowTakenException("That window was just taken by another booking");
		}
		ScheduleJob row = rowOf(query.row, orderId, query.region);
		row.bookedWindow(window.day(), window.start(), window.end(), minRating);
		ScheduleJob saved = jobs.save(row);
		afterCommit(() -> {
			try {
				planner.replace(saved.getRegion(), saved.jobId(),
						problems.job(saved, problems.horizon(saved.getRegion())).orElse(null));
			}
			catch (RuntimeException ex) {
				// The booking is committed: the consumer must not get a 500 for it. The row holds the window, so the
				// schedule's own listeners and the region's next rebuild put the job there.
				log.warn("Booked window of order {} not handed to the live plan of {} yet: {}", orderId,
						saved.getRegion(), ex.toString());
			}
		});
		return new Reservation(orderId, window, room.installerId(), room.providerId());
	}

	/**
	 * The order's schedule row for this booking. A window may be booked right after the order is posted, before the
	 * schedule's listener (after the intake, on its own thread) has made the row: then both would insert it, and the
	 * loser's commit fails on the key. So a missing row is inserted at once, on this transaction's own connection (a
	 * duplicate there means the listener was first, which is as good: the statement fails, the transaction goes on),
	 * and then read. An existing row is the one this transaction read: a listener's update of it meanwhile is a
	 * version clash at commit (409, the booking rolled back), never a lost write. Neither a row lock nor a
	 * transaction of its own: racing bookings each hold a connection while they queue for the day's lock, and a
	 * booking that waited for a listener's row lock, or for a second connection, under that lock would stall them all.
	 */
	private ScheduleJob rowOf(ScheduleJob read, long orderId, String region) {
		if (read != null) {
			return read;
		}
		try {
			// The other columns have their defaults, as for a new ScheduleJob (a fresh visit, not pinned, not held).
			jdbc.update("insert into schedule_job (order_id, region, pinned, version) values (?, ?, false, 0)", orderId,
					region);
		}
		catch (DuplicateKeyException madeMeanwhile) {
			// The schedule's listener made it after this booking looked (its insert waited for that commit).
		}
		return jobs.findById(orderId)
			.orElseThrow(() -> new IllegalStateException("schedule row of order " + orderId + " not found after making it"));
	}

	@Override
	@Transactional
	public void bookDay(long orderId, LocalDate day) {
		reservations.findByOrderIdAndActiveTrue(orderId)
			.stream()
			.filter(r -> !r.visitDay().equals(day))
			.forEach(WindowReservation::release);
		events.publishEvent(new DayBooked(orderId, day));
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Optional<Double> minInstallerRating(long orderId) {
		return jobs.findById(orderId).map(ScheduleJob::getMinInstallerRating);
	}

	@Override
	@Transactional
	public void release(long orderId) {
		reservations.findByOrderIdAndActiveTrue(orderId).forEach(WindowReservation::release);
	}

	/** Frees the held window of that day only: a replayed release must not free a newer booking. */
	@Transactional
	void release(long orderId, LocalDate day) {
		reservations.findByOrderIdAndActiveTrue(orderId)
			.stream()
			.filter(r -> day == null || r.visitDay().equals(day))
			.forEach(WindowReservation::release);
	}

	private Query query(long orderId, Set<Long> providers, List<Window> candidates) {
		LocalDate from = candidates.stream().map(Window::day).min(Comparator.naturalOrder()).orElseThrow();
		LocalDate to = candidates.stream().map(Window::day).max(Comparator.naturalOrder()).orElseThrow();
		return new Query(orderId, providers, from, to);
	}

	private static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

}
