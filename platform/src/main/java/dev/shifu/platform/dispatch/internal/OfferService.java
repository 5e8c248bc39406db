package dev.shifu.platform.dispatch.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.workflow.ProcessVariables;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.platform.workflow.OrderProcess;

/**
 * A provider answers its own offers. The answer and the process step commit together; the process also checks
 * that the answer comes from the provider it is waiting for, so an answer to an old offer changes nothing.
 */
@Service
@Transactional
class OfferService implements dev.shifu.platform.dispatch.ProviderOffers {

	private final OfferRepository offers;

	private final OrderProcess process;

	private final Visits visits;

	private final OrderLifecycle orders;

	OfferService(OfferRepository offers, OrderProcess process, Visits visits, OrderLifecycle orders) {
		this.offers = offers;
		this.process = process;
		this.visits = visits;
		this.orders = orders;
	}

	@Transactional(readOnly = true)
	List<Offer> visible(Actor actor, Long orderId) {
		if (actor.isPlatformStaff()) {
			return orderId == null ? offers.findAll(org.springframework.data.domain.Sort.by("id").descending())
					: offers.findByOrderIdOrderById(orderId);
		}
		return offers.findByProviderIdOrderByIdDesc(actor.providerId())
			.stream()
			.filter(o -> orderId == null || o.getOrderId().equals(orderId))
			.toList();
	}

	Offer accept(Actor actor, long offerId) {
		Offer offer = answerable(actor, offerId);
		if (offer.getStatus() == Offer.Status.ACCEPTED) {
			return offer;
		}
		offer.accept(actor.name());
		process.offerAccepted(offer.getOrderId(), offer.getProviderId());
		// Counted against the provider's capacity in the same transaction, so the next order's candidates see it.
		orders.find(offer.getOrderId())
			.ifPresent(order -> visits.assigned(order.id(), offer.getProviderId(), order.serviceType(),
					process.bookedDay(order.id()).orElse(null)));
		return offer;
	}

	Offer decline(Actor actor, long offerId, String reason) {
		Offer offer = answerable(actor, offerId);
		if (offer.getStatus() == Offer.Status.DECLINED) {
			return offer;
		}
		offer.decline(actor.name(), reason);
		process.offerDeclined(offer.getOrderId(), offer.getProviderId());
		return offer;
	}

	@Override
	@Transactional(readOnly = true)
	public List<OfferInfo> openOffers(Actor actor) {
		Instant now = Instant.now();
		return visible(actor, null).stream()
			.filter(o -> o.getStatus() == Offer.Status.OFFERED && o.getExpiresAt().isAfter(now))
			.sorted(java.util.Comparator.comparing(Offer::getExpiresAt))
			.map(OfferService::info)
			.toList();
	}

	@Override
	public OfferInfo acceptOffer(Actor actor, long offerId) {
		return info(accept(actor, offerId));
	}

	@Override
	public OfferInfo declineOffer(Actor actor, long offerId, String reason) {
		return info(decline(actor, offerId, reason));
	}

	private static OfferInfo info(Offer o) {
		return new OfferInfo(o.getId(), o.getOrderId(), o.getProviderId(), o.getStatus().name(), o.getOfferedAt(),
				o.getExpiresAt(), o.getDeclineReason());
	}

	private Offer answerable(Actor actor, long offerId) {
		Offer offer = offers.findById(offerId)
			.filter(o -> actor.has(Role.ADMIN) || o.getProviderId().equals(actor.providerId()))
			.orElseThrow(() -> new NotFoundException("offer", offerId));
		if (offer.getStatus() == Offer.Status.OFFERED && offer.getExpiresAt().isBefore(Instant.now())) {
			throw new ConflictException("offer-expired", "Offer " + offerId + " expired at " + offer.getExpiresAt());
		}
		return offer;
	}

}
