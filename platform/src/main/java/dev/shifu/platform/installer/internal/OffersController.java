package dev.shifu.platform.installer.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.mobile.server.api.OffersApi;
import dev.shifu.mobile.server.model.OfferDeclineDto;
import dev.shifu.mobile.server.model.OfferDto;
import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.dispatch.OfferTerms;
import dev.shifu.platform.dispatch.ProviderOffers;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.shared.InvalidFieldException;

/**
 * Offers for installers who work alone and for provider admins, answered through dispatch's own service (the same
 * process steps as the provider-admin API), shown with what is being accepted (dispatch's {@link OfferTerms}, as the
 * provider-admin API shows them).
 */
@RestController
@RequestMapping(MobileSecurityConfig.BASE)
class OffersController implements OffersApi {

	private final ProviderOffers offers;

	private final OfferTerms terms;

	private final OrderLifecycle orders;

	private final Regions regions;

	private final MobileMapper mapper;

	OffersController(ProviderOffers offers, OfferTerms terms, OrderLifecycle orders, Regions regions,
			MobileMapper mapper) {
		this.offers = offers;
		this.terms = terms;
		this.orders = orders;
		this.regions = regions;
		this.mapper = mapper;
	}

	@Override
	public ResponseEntity<List<OfferDto>> listOffers() {
		MobileAuth.MobileInstaller who = answering();
		return ResponseEntity.ok(mapper.offers(offers.openOffers(who.actor()).stream().map(this::details).toList()));
	}

	@Override
	public ResponseEntity<OfferDto> acceptOffer(Long offerId) {
		MobileAuth.MobileInstaller who = answering();
		return ResponseEntity.ok(mapper.offer(details(offers.acceptOffer(who.actor(), offerId))));
	}

	@Override
	public ResponseEntity<OfferDto> declineOffer(Long offerId, OfferDeclineDto request) {
		MobileAuth.MobileInstaller who = answering();
		String note = request.getNote() == null ? "" : request.getNote().strip();
		if (request.getReason() == OfferDeclineDto.ReasonEnum.OTHER && note.isEmpty()) {
			throw new InvalidFieldException("note", "is required when the reason is OTHER");
		}
		String reason = request.getReason().getValue() + (note.isEmpty() ? "" : ": " + note);
		return ResponseEntity.ok(mapper.offer(details(offers.declineOffer(who.actor(), offerId, reason))));
	}

	private MobileAuth.MobileInstaller answering() {
		MobileAuth.MobileInstaller who = MobileInstallers.current();
		if (!who.canAnswerOffers()) {
			throw new AccessDeniedException("only installers working alone and provider admins answer offers");
		}
		return who;
	}

	private MobileViews.Offer details(ProviderOffers.OfferInfo offer) {
		ZoneId zone = regions.zoneOf(orders.find(offer.orderId()).orElseThrow().regionCode());
		OfferTerms.Terms terms = this.terms.of(offer.orderId(), offer.providerId()).orElseThrow();
		return new MobileViews.Offer(offer.id(), offer.orderId(), offer.status(), at(offer.offeredAt(), zone),
				at(offer.expiresAt(), zone), terms.serviceType(), terms.items(), terms.district(), terms.distanceKm(),
				terms.bookedWindow(), terms.earliestDate(), terms.fee(), offer.declineReason());
	}

	private static OffsetDateTime at(java.time.Instant instant, ZoneId zone) {
		return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
	}

}
