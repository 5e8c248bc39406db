package dev.shifu.platform.dispatch;

import java.time.Instant;
import java.util.List;

import dev.shifu.platform.identity.Actor;

/**
 * A provider's side of its offers, for other front ends than the provider-admin API (the installer app): the same
 * answers, the same process steps.
 */
public interface ProviderOffers {

	/** The actor's provider's offers still open (offered and not expired), soonest expiry first. */
	List<OfferInfo> openOffers(Actor actor);

	/** Accepts before expiry; repeating an accept is harmless. Another provider's offer is not found. */
	OfferInfo acceptOffer(Actor actor, long offerId);

	/** Declines with a reason; the order goes to the next candidate. */
	OfferInfo declineOffer(Actor actor, long offerId, String reason);

	record OfferInfo(long id, long orderId, long providerId, String status, Instant offeredAt, Instant expiresAt,
			String declineReason) {
	}

}
