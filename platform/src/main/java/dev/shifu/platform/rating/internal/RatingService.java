package dev.shifu.platform.rating.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.network.NetworkAdministration;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.schedule.PlannedVisits;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.workflow.OrderProcess;

@Service
@Transactional
class RatingService {

	private final RatingRepository ratings;

	private final ComplaintRepository complaints;

	private final OrderProcess process;

	private final NetworkAdministration network;

	private final PlannedVisits visits;

	RatingService(RatingRepository ratings, ComplaintRepository complaints, OrderProcess process,
			NetworkAdministration network, PlannedVisits visits) {
		this.visits = visits;
		this.ratings = ratings;
		this.complaints = complaints;
		this.process = process;
		this.network = network;
	}

	/** One rating per order; sending the same rating again is harmless, a different one is a conflict. */
	Rating rate(OrderSnapshot order, int stars, List<String> tags, String comment) {
		String joinedTags = tags == null ? "" : String.join(",", tags);
		Optional<Rating> existing = ratings.findByOrderId(order.id());
		if (existing.isPresent()) {
			if (existing.get().same(stars, joinedTags, comment)) {
				return existing.get();
			}
			throw new ConflictException("already-rated", "Order " + order.id() + " was rated already");
		}
		Long installer = process.assignedInstallerId(order.id())
			.or(() -> visits.installerOf(order.id()))
			.orElse(null);
		process.ratingSubmitted(order.id(), stars, tags, comment);
		if (installer != null) {
			network.recordRating(installer, stars);
		}
		return ratings.save(new Rating(order.id(), installer, stars, joinedTags, comment));
	}

	@Transactional(readOnly = true)
	Optional<Rating> of(long orderId) {
		return ratings.findByOrderId(orderId);
	}

	@Transactional(readOnly = true)
	List<Complaint> complaints(long orderId) {
		return complaints.findByOrderIdOrderById(orderId);
	}

}
