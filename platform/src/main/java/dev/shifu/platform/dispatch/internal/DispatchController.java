package dev.shifu.platform.dispatch.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.dispatch.ManualAssignment;
import dev.shifu.platform.dispatch.OfferTerms;
import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.shared.Idempotency;

@RestController
@Tag(name = "Dispatch", description = "Offers to providers and the provider side of a job")
class DispatchController {

	private final OfferService offers;

	private final ManualAssignments manualAssignments;

	private final OfferTerms terms;

	DispatchController(OfferService offers, ManualAssignments manualAssignments, OfferTerms terms) {
		this.offers = offers;
		this.manualAssignments = manualAssignments;
		this.terms = terms;
	}

	/** Also under /console for Tasklist's form, which calls it with the staff session. */
	@GetMapping({ "/api/v1/manual-assignments/{orderId}/providers", "/console/manual-assignments/{orderId}/providers" })
	@Operation(summary = "Providers a dispatcher may assign the order to (its manual-assignment task): active, covering "
			+ "the address, serving the brand, with the skills; with the jobs each has on the booked day")
	List<ManualAssignment.EligibleProvider> eligible(@PathVariable long orderId) {
		Actor actor = CurrentActor.get();
		if (!actor.has(Role.ADMIN) && !actor.has(Role.DISPATCHER)) {
			throw new AccessDeniedException("dispatchers only");
		}
		return manualAssignments.eligibleProviders(orderId);
	}

	/** The offer with what is being accepted ({@link OfferTerms}), the same terms the installer app shows. */
	record OfferView(long id, long orderId, long providerId, int attempt, String status, Instant offeredAt,
			Instant expiresAt, Instant answeredAt, String declineReason, String serviceType, List<OfferTerms.Item> items,
			OfferTerms.District district, Double distanceKm, OfferTerms.BookedWindow bookedWindow,
			LocalDate earliestDate, OfferTerms.Money fee) {

		static OfferView of(Offer o, Optional<OfferTerms.Terms> terms) {
			OfferTerms.Terms t = terms.orElse(new OfferTerms.Terms(null, List.of(), null, null, null, null, null));
			return new OfferView(o.getId(), o.getOrderId(), o.getProviderId(), o.getAttempt(), o.getStatus().name(),
					o.getOfferedAt(), o.getExpiresAt(), o.getAnsweredAt(), o.getDeclineReason(), t.serviceType(),
					t.items(), t.district(), t.distanceKm(), t.bookedWindow(), t.earliestDate(), t.fee());
		}

	}

	private OfferView view(Offer offer) {
		return OfferView.of(offer, terms.of(offer.getOrderId(), offer.getProviderId()));
	}

	record Decline(@NotBlank @Size(max = 300) String reason) {
	}

	@GetMapping("/api/v1/offers")
	@Operation(summary = "Offers: a provider admin sees its own, platform staff all; each with what is being accepted "
			+ "(service type, items, district, distance from the provider's centre, booked window or earliest day, fee)")
	List<OfferView> list(@RequestParam(required = false) Long orderId) {
		return offers.visible(CurrentActor.get(), orderId).stream().map(this::view).toList();
	}

	@PostMapping("/api/v1/offers/{offerId}/accept")
	@Operation(summary = "Accept an offer before it expires; repeating an accept is harmless")
	OfferView accept(@PathVariable long offerId) {
		return view(offers.accept(CurrentActor.get(), offerId));
	}

	@PostMapping("/api/v1/offers/{offerId}/decline")
	@Operation(summary = "Decline an offer; the order is offered to the next candidate")
	OfferView decline(@PathVariable long offerId, @Valid @RequestBody Decline request) {
		return view(offers.decline(CurrentActor.get(), offerId, request.reason()));
	}

}
