package dev.shifu.platform.schedule.internal;

import java.util.ArrayList;
import java.util.List;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.solver.RouteInsertion;
import dev.shifu.planner.travel.TravelTime;

/**
 * One installer's day as the capacity view sees it: the shift of a published plan (never changed after publication)
 * and its route, timed once by the planner's own insertion check ({@link RouteInsertion}, the one the greedy
 * insertion places jobs with). Whether a new job fits is then that check per position, behind the rules of the
 * shift ({@code AssignmentRule}, capacity: {@link RouteInsertion#admits}); travel comes from the plan's travel model, for a location the plan does
 * not know yet. Nothing here walks a route itself.
 */
final class ShiftRoom {

	private final Shift shift;

	private final long installerId;

	private final List<Job> stops;

	private final TravelTime travel;

	private final RouteInsertion insertion;

	/**
	 * @param stops the route's visits (the plan's jobs, which are read, never changed, and bookings the plan has not
	 * placed yet, as jobs of their own)
	 */
	ShiftRoom(Shift shift, List<Job> stops, TravelTime travel) {
		this.shift = shift;
		this.installerId = Long.parseLong(shift.getInstallerIds().get(0));
		this.stops = List.copyOf(stops);
		this.travel = travel;
		this.insertion = RouteInsertion.of(shift, this.stops, travel);
	}

	/**
	 * The plan's route of the shift, its pinned head excluded (the route starts where the head ends), and without the
	 * jobs nobody has booked a day for yet: the plan parks those wherever they fit best for now and moves them for a
	 * booking, so they take no room from a consumer's window (else where the solver happened to park another order
	 * would decide which windows this consumer sees).
	 */
	static List<Job> stopsOf(Shift shift) {
		List<Job> stops = new ArrayList<>();
		for (Job job : shift.getJobs()) {
			if (!floating(job)) {
				stops.add(job);
			}
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

	List<Job> stops() {
		return stops;
	}

	boolean has(String jobId) {
		return stops.stream().anyMatch(s -> s.getId().equals(jobId));
	}

	/** The same day with other stops (a job taken out, or bookings the plan has not placed yet put in). */
	ShiftRoom with(List<Job> other) {
		return new ShiftRoom(shift, other, travel);
	}

	/**
	 * The day with a held booking the plan has not placed yet put in at the first position the insertion check
	 * allows (the greedy insertion's rule): it takes its own service time and travel, not the whole day. Null where it
	 * does not fit: then the day has no room for anything else either, until the plan has placed it.
	 */
	ShiftRoom withHeld(Job held) {
		int index = insertion.firstFit(held);
		if (index < 0) {
			return null;
		}
		List<Job> candidate = new ArrayList<>(stops);
		candidate.add(index, held);
		return new ShiftRoom(shift, candidate, travel);
	}

	/** Whether the rules of the shift let it take the job at all (skills, crew, provider, goods, leave, certificates). */
	boolean admits(Job job) {
		return insertion.admits(job);
	}

	/** Jobs of the service type on the day, the pinned head included, other than {@code exceptJobId}. */
	int countOfType(String serviceType, String exceptJobId) {
		int count = 0;
		for (Job job : shift.getPinnedJobs()) {
			if (serviceType.equals(job.getServiceType()) && !job.getId().equals(exceptJobId)) {
				count++;
			}
		}
		for (Job stop : stops) {
			if (serviceType.equals(stop.getServiceType()) && !stop.getId().equals(exceptJobId)) {
				count++;
			}
		}
		return count;
	}

	/** Whether the job (its window set) fits somewhere in the route: the planner's insertion check. */
	boolean fits(Job job, RouteInsertion.Legs legs) {
		return insertion.fits(job, legs);
	}

	/** Travel to and from the job for {@link #fits}, computed once per location. */
	RouteInsertion.Legs legsFor(Location job) {
		return insertion.legs(job);
	}

}
