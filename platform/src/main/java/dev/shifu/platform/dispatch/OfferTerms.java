package dev.shifu.platform.dispatch;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What an offer asks its provider to take on, so nobody accepts blind: the service type, the items, the district and
 * the distance from the provider's base, the booked window or the earliest day, and the fee. The provider-admin API
 * and the installer app show the same terms. Dispatch only declares them: the facts belong to contexts that depend on
 * dispatch (booking owns the window), so the installer context implements this.
 */
public interface OfferTerms {

	/** The terms of the order's job for the provider; empty when the order is gone. */
	Optional<Terms> of(long orderId, long providerId);

	/**
	 * {@code distanceKm}: from the provider's centre, null when it has none; {@code bookedWindow}: null until booked;
	 * {@code earliestDate}: the booked day, else the earliest the job can be done; {@code fee}: the region's, if any.
	 */
	record Terms(String serviceType, List<Item> items, District district, Double distanceKm, BookedWindow bookedWindow,
			LocalDate earliestDate, Money fee) {
	}

	record Item(String sku, String name, String category, int quantity, boolean serialNumberRequired) {
	}

	record District(String code, String name) {
	}

	/** The booked day; {@code start} and {@code end} in the region's zone when a window (not just the day) was booked. */
	record BookedWindow(LocalDate date, OffsetDateTime start, OffsetDateTime end) {
	}

	record Money(long amountCents, String currency) {
	}

}
