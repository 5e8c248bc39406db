package dev.shifu.platform.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.shifu.platform.shared.ConflictException;

/**
 * The consumer's booking windows against the region's live plan, and their reservation. The schedule owns both: it
 * knows the routes, so it decides where a job still fits (travel included) and holds a booked window against one
 * installer's day in the database. Booking calls this; the schedule does not listen to booking.
 */
public interface WindowCapacity {

	/**
	 * The windows of {@code candidates} where an installer of one of {@code providers} can take the order's job: its
	 * skills, crew, shift hours and leave allow it, and the day's route (plus bookings the plan has not placed yet)
	 * has room for it, travel included.
	 */
	List<OpenWindow> openWindows(long orderId, Set<Long> providers, List<Window> candidates, double premiumRating);

	/**
	 * Holds the window for the order on one installer's day (and releases the order's previous hold), in the caller's
	 * transaction; after commit the job goes into the plan with the window as its hard time window.
	 *
	 * @param premium only installers rated at least {@code premiumRating}
	 * @throws WindowTakenException when no installer has room any more, or another booking took it at the same moment
	 */
	Reservation reserve(long orderId, Set<Long> providers, Window window, boolean premium, double premiumRating);

	/**
	 * A visit booked for a whole day, without a window (a dispatcher's booking, the day-only link call): after commit
	 * the plan takes the day; a held window of another day is freed.
	 */
	void bookDay(long orderId, LocalDate day);

	/**
	 * The lowest installer rating the order's booking allows: set by a premium window (a PLATINUM member's right),
	 * empty when any installer will do. Dispatch offers the job only to providers with such an installer.
	 */
	Optional<Double> minInstallerRating(long orderId);

	/** Frees the order's held window (cancelled, released by the process); no-op without one. */
	void release(long orderId);

	/** A window of one day on the region's local clock. */
	record Window(LocalDate day, String code, LocalTime start, LocalTime end) {
	}

	/** A window with room; {@code premium}: a premium-rated installer is among those with room. */
	record OpenWindow(Window window, boolean premium) {
	}

	/** Where the window is held. */
	record Reservation(long orderId, Window window, long installerId, long providerId) {
	}

	/** Someone else got the last room in the window first (409). */
	class WindowTakenException extends ConflictException {

		public WindowTakenException(String message) {
			super("window-taken", message);
		}

	}

}
