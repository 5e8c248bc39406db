package dev.shifu.platform.installer.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import dev.shifu.platform.dispatch.OfferTerms;
import dev.shifu.platform.shared.GeoPoint;

/** What the mobile API shows, as the domain builds it; {@link MobileMapper} turns these into the contract's DTOs. */
final class MobileViews {

	private MobileViews() {
	}

	record Me(long id, String name, String phone, Provider provider, List<String> skills, double rating,
			int ratingCount, int crewSize, boolean canAnswerOffers, Shift todayShift) {
	}

	record Provider(long id, String name, String type) {
	}

	record Shift(LocalDate date, String start, String end, String zoneId) {
	}

	/** {@code version}: a digest of everything the route shows, so any change gives a new one. */
	record Route(LocalDate date, String version, List<RouteJob> jobs) {
	}

	record RouteJob(long jobId, String orderNumber, int sequence, String status, OffsetDateTime plannedArrival,
			OffsetDateTime plannedStart, Integer plannedDurationMinutes, String serviceType, String address,
			GeoPoint location, Consumer consumer, List<Item> items, CrewPartner crewPartner, String notes,
			BookedWindow bookedWindow, boolean changedWhileUnderWay) {

		RouteJob flagged() {
			return new RouteJob(jobId, orderNumber, sequence, status, plannedArrival, plannedStart,
					plannedDurationMinutes, serviceType, address, location, consumer, items, crewPartner, notes,
					bookedWindow, true);
		}

		boolean underWay() {
			return status.equals("EN_ROUTE") || status.equals("ARRIVED") || status.equals("STARTED");
		}

	}

	record Consumer(String firstName, String maskedPhone) {
	}

	record Item(String sku, String name, String category, int quantity, boolean serialNumberRequired) {
	}

	record CrewPartner(long id, String name, String phone) {
	}

	record BookedWindow(LocalDate date, OffsetDateTime start, OffsetDateTime end) {
	}

	/** The offer with its terms, as dispatch's {@link OfferTerms} gives them to the provider-admin API too. */
	record Offer(long id, long jobId, String status, OffsetDateTime offeredAt, OffsetDateTime expiresAt,
			String serviceType, List<OfferTerms.Item> items, OfferTerms.District district, Double distanceKm,
			OfferTerms.BookedWindow bookedWindow, LocalDate earliestDate, OfferTerms.Money fee, String declineReason) {
	}

	record RouteVersion(LocalDate date, String version, OffsetDateTime changedAt, List<Long> underWayJobIds,
			boolean requiresAcknowledgement) {
	}

}
