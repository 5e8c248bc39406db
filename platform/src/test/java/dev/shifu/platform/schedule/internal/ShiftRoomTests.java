package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Location;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.domain.Times;
import dev.shifu.planner.travel.HaversineTravelTime;

import static org.assertj.core.api.Assertions.assertThat;

/** An installer's day as the windows query sees it, with a held booking the plan has not placed yet. */
class ShiftRoomTests {

	private static final LocalDate DAY = LocalDate.of(2026, 12, 10);

	private static final Location BASE = new Location("base", 30.27, 120.15);

	private final Shift shift = new Shift("S1-" + DAY, BASE, DAY, Times.of(DAY.atTime(8, 0)), Times.of(DAY.atTime(18, 0)))
		.withInstallers(List.of("1"))
		.withProvider("7")
		.withCapacity(10);

	private final ShiftRoom empty = new ShiftRoom(shift, List.of(), HaversineTravelTime.cityDefault());

	@Test
	void aHeldMorningBookingLeavesTheAfternoonOpenOnTheSameDay() {
		ShiftRoom withHeld = empty.withHeld(stop("O1", 9, 12, 2 * 3600));

		assertThat(withHeld).isNotNull();
		assertThat(fits(withHeld, job("O2", 13, 17, 2 * 3600))).isTrue();
		assertThat(withHeld.countOfType("INSTALLATION", "O2")).isEqualTo(1);
	}

	@Test
	void aHeldBookingTakesItsOwnTimeSoAWindowItFillsIsClosed() {
		// Three hours of work starting by 10: nothing else fits before noon.
		ShiftRoom withHeld = empty.withHeld(stop("O1", 9, 10, 3 * 3600));

		assertThat(fits(withHeld, job("O2", 9, 12, 2 * 3600))).isFalse();
		assertThat(fits(empty, job("O2", 9, 12, 2 * 3600))).isTrue();
	}

	@Test
	void aHeldBookingThatCannotFitClosesTheDay() {
		ShiftRoom full = empty.withHeld(stop("O1", 9, 12, 7 * 3600));

		assertThat(full).isNotNull();
		assertThat(full.withHeld(stop("O3", 13, 17, 2 * 3600))).isNull();
	}

	@Test
	void aJobWithoutABookedDayThatThePlanParkedOnTheDayTakesNoRoomFromAWindow() {
		Shift parked = new Shift("S2-" + DAY, BASE, DAY, Times.of(DAY.atTime(8, 0)), Times.of(DAY.atTime(18, 0)))
			.withInstallers(List.of("2"))
			.withProvider("7")
			.withCapacity(10);
		Job unbooked = new Job("O5", new Location("O5", 30.28, 120.16), 3 * 3600)
			.withWindow(Times.of(DAY.atTime(8, 0)), Times.of(DAY.plusDays(13).atTime(18, 0)))
			.withServiceType("INSTALLATION");
		Job booked = job("O6", 13, 17, 3600);
		parked.setJobs(new java.util.ArrayList<>(List.of(unbooked, booked)));

		List<Job> stops = ShiftRoom.stopsOf(parked);

		assertThat(stops).extracting(Job::getId).containsExactly("O6");
	}

	private static boolean fits(ShiftRoom room, Job job) {
		return room.fits(job, room.legsFor(job.getLocation()));
	}

	private static Job stop(String id, int from, int to, long seconds) {
		return new Job(id, new Location(id, 30.28, 120.16), seconds)
			.withWindow(Times.of(DAY.atTime(from, 0)), Times.of(DAY.atTime(to, 0)))
			.withServiceType("INSTALLATION");
	}

	private static Job job(String id, int from, int to, long seconds) {
		return new Job(id, new Location(id, 30.281, 120.161), seconds)
			.withWindow(Times.of(DAY.atTime(LocalTime.of(from, 0))), Times.of(DAY.atTime(LocalTime.of(to, 0))))
			.withServiceType("INSTALLATION");
	}

}
