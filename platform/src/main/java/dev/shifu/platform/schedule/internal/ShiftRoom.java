package dev.shifu.platform.schedule.internal;

import java.util.ArrayList;
import java.util.List;

import dev.shifu.planner.domain.AssignmentRule;
import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.travel.TravelTime;

/**
 * One installer's day as the capacity view sees it: the shift of a published plan (never changed after publication)
 * and its route, timed once, with each stop's latest start that keeps the rest of the route within its windows and
 * the crew home by shift end. Whether a new job fits is then a cheap check per position: the same insertion rule as
 * the planner's greedy first plan ({@code GreedyInsertion}: {@link AssignmentRule}, {@link Job#lateIfStartingAt},
 * {@link Shift#overtimeIfBackAt}, capacity), with travel from the plan's own travel model for a location the plan
 * does not know yet.
 */
final class ShiftRoom {

	/** A visit on the route: where, how long, its window end (null: none) and its latest start for the route. */
	record Stop(String jobId, Location location, long serviceSeconds, Long windowStart, Long windowEnd,
			String serviceType) {
	}

	private final Shift shift;

	private final long installerId;

	private final List<Stop> stops;

	private final long[] departure;

	private final long[] latestStart;

	private final TravelTime travel;

	private final boolean feasible;

	ShiftRoom(Shift shift, List<Stop> stops, TravelTime travel) {
		this.shift = shift;
		this.installerId = Long.parseLong(shift.getInstallerIds().get(0));
		this.stops = List.copyOf(stops);
		this.travel = travel;
		int n = stops.size();
		this.departure = new long[n];
		this.latestStart = new long[n];
		Location at = shift.getRouteStartLocation();
		long time = shift.getRouteStartTime();
		boolean ok = true;
		for (int i = 0; i < n; i++) {
			Stop stop = stops.get(i);
			long arrival = time + travel.seconds(at, stop.location());
			long start = stop.windowStart() == null ? arrival : Math.max(arrival, stop.windowStart());
			if (stop.windowEnd() != null && start > stop.windowEnd()) {
				ok = false;
			}
			departure[i] = start + stop.serviceSeconds();
			time = departure[i];
			at = stop.location();
		}
		if (shift.overtimeIfBackAt(time + travel.seconds(at, shift.getBase())) > 0) {
			ok = false;
		}
		// Backwards: the latest start of each stop that keeps every later stop in its window and the crew home in time.
		long next = Long.MAX_VALUE;
		for (int i = n - 1; i >= 0; i--) {
			Stop stop = stops.get(i);
			Location following = i + 1 < n ? stops.get(i + 1).location() : shift.getBase();
			long limit = i + 1 < n ? next : shift.getEndTime();
			long latest = limit - travel.seconds(stop.location(), following) - stop.serviceSeconds();
			if (stop.windowEnd() != null) {
				latest = Math.min(latest, stop.windowEnd());
			}
			latestStart[i] = latest;
			next = latest;
		}
		this.feasible = ok;
	}

	/**
	 * The plan's route of the shift, its pinned head excluded (the route starts where the head ends), and without the
	 * jobs nobody has booked a day for yet: the plan parks those wherever they fit best for now and moves them for a
	 * booking, so they take no room from a consumer's window (else where the solver happened to park another order
	 * would decide which windows this consumer sees).
	 */
	static List<Stop> stopsOf(Shift shift) {
		List<Stop> stops = new ArrayList<>();
		for (Job job : shift.getJobs()) {
			if (floating(job)) {
				continue;
			}
			stops.add(new Stop(job.getId(), job.getLocation(), job.getServiceSeconds(), job.getWindowStart(),
					job.getWindowEnd(), job.getServiceType()));
		}
		return stops;
	}

	/** A job whose window spans more than one day: no booked day yet. */
	static boolean floating(Job job) {
		return job.getWindowStart() == null || job.getWindowEnd() == null
				|| !dev.shifu.planner.domain.Times.dateOf(job.getWindowStart())
					.equals(dev.shifu.planner.domain.Times.dateOf(job.getWindowEnd()));
	}

	Shift shift() {
		return shift;
	}

	long installerId() {
		return installerId;
	}

	long providerId() {
		return Long.parseLong(shift.getProviderId());
	}

	List<Stop> stops() {
		return stops;
	}

	boolean has(String jobId) {
		return stops.stream().anyMatch(s -> s.jobId().equals(jobId));
	}

	/** The same day with other stops (a job taken out, or bookings the plan has not placed yet put in). */
	ShiftRoom with(List<Stop> other) {
		return new ShiftRoom(shift, other, travel);
	}

	/**
	 * The day with a held booking the plan has not placed yet put in at the first position that keeps the route on
	 * time (the greedy insertion's rule): it takes its own service time and travel, not the whole day. Null where it
	 * does not fit: then the day has no room for anything else either, until the plan has placed it.
	 */
	ShiftRoom withHeld(Stop held) {
		for (int i = 0; i <= stops.size(); i++) {
			List<Stop> candidate = new ArrayList<>(stops);
			candidate.add(i, held);
			ShiftRoom room = new ShiftRoom(shift, candidate, travel);
			if (room.feasible) {
				return room;
			}
		}
		return null;
	}

	/** Whether the rules of the shift let it take the job at all (skills, crew, provider, goods, leave, certificates). */
	boolean admits(Job job) {
		// Stops the plan does not have yet (held bookings) load the van as well.
		int extra = Math.max(0, stops.size() - shift.getJobs().size());
		return AssignmentRule.allHold(job, shift) && shift.capacityExcessWith(job.getDemand() + extra) <= 0;
	}

	/** Jobs of the service type on the day, the pinned head included, other than {@code exceptJobId}. */
	int countOfType(String serviceType, String exceptJobId) {
		int count = 0;
		for (Job job : shift.getPinnedJobs()) {
			if (serviceType.equals(job.getServiceType()) && !job.getId().equals(exceptJobId)) {
				count++;
			}
		}
		for (Stop stop : stops) {
			if (serviceType.equals(stop.serviceType()) && !stop.jobId().equals(exceptJobId)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Whether the job (its window set) fits somewhere in the route without making the job, a later stop or the way
	 * home late. {@code toJob[i]}: travel from stop i (or, for i == size, the route start) to the job, and back.
	 */
	boolean fits(Job job, long[] toJob, long[] fromJob) {
		if (!feasible) {
			return false;
		}
		int n = stops.size();
		for (int i = 0; i <= n; i++) {
			long leave = i == 0 ? shift.getRouteStartTime() : departure[i - 1];
			long arrival = leave + toJob[i == 0 ? n : i - 1];
			long start = job.getWindowStart() == null ? arrival : Math.max(arrival, job.getWindowStart());
			if (job.lateIfStartingAt(start) > 0) {
				continue;
			}
			long done = start + job.getServiceSeconds();
			if (i < n) {
				Stop next = stops.get(i);
				long nextArrival = done + fromJob[i];
				long nextStart = next.windowStart() == null ? nextArrival : Math.max(nextArrival, next.windowStart());
				if (nextStart <= latestStart[i]) {
					return true;
				}
			}
			else if (shift.overtimeIfBackAt(done + fromJob[n]) <= 0) {
				return true;
			}
		}
		return false;
	}

	/** Travel to and from the job for {@link #fits}: index i is stop i, index size() is the route start / base. */
	long[][] travelFor(Location job) {
		int n = stops.size();
		long[] to = new long[n + 1];
		long[] from = new long[n + 1];
		for (int i = 0; i < n; i++) {
			to[i] = travel.seconds(stops.get(i).location(), job);
			from[i] = travel.seconds(job, stops.get(i).location());
		}
		to[n] = travel.seconds(shift.getRouteStartLocation(), job);
		from[n] = travel.seconds(job, shift.getBase());
		return new long[][] { to, from };
	}

}
