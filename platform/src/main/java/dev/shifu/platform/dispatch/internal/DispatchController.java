package dev.shifu.platform.dispatch.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.shared.Idempotency;

@RestController
@Tag(name = "Dispatch", description = "Offers to providers and the provider side of a job")
class DispatchController {

	private final OfferService offers;

	private final ManualAssignments manualAssignments;

	DispatchController(OfferService offers, ManualAssignments manualAssignments) {
		this.offers = offers;
		this.manualAssignments = manualAssignments;
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

	record OfferView(long id, long orderId, long providerId, int attempt, String status, Instant offeredAt,
			Instant expiresAt, Instant answeredAt, String declineReason) {

		static OfferView of(Offer o) {
			return new OfferView(o.getId(), o.getOrderId(), o.getProviderId(), o.getAttempt(), o.getStatus().name(),
					o.getOfferedAt(), o.getExpiresAt(), o.getAnsweredAt(), o.getDeclineReason());
		}

	}

	record Decline(@NotBlank @Size(max = 300) String reason) {
	}

	@GetMapping("/api/v1/offers")
	@Operation(summary = "Offers: a provider admin sees its own, platform staff all")
	List<OfferView> list(@RequestParam(required = false) Long orderId) {
		return offers.visible(CurrentActor.get(), orderId).stream().map(OfferView::of).toList();
	}

	@PostMapping("/api/v1/offers/{offerId}/accept")
	@Operation(summary = "Accept an offer before it expires; repeating an accept is harmless")
	OfferView accept(@PathVariable long offerId) {
		return OfferView.of(offers.accept(CurrentActor.get(), offerId));
	}

	@PostMapping("/api/v1/offers/{offerId}/decline")
	@Operation(summary = "Decline an offer; the order is offered to the next candidate")
	OfferView decline(@PathVariable long offerId, @Valid @RequestBody Decline request) {
		return OfferView.of(offers.decline(CurrentActor.get(), offerId, request.reason()));
	}

}
