package dev.shifu.platform.webhook.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends due deliveries: claims a batch (one short transaction each), posts them concurrently outside any
 * transaction, then records each attempt. A dispatcher that dies mid-batch loses only its claims' leases; the
 * deliveries are sent again after the lease (at least once).
 */
@Component
class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final DeliveryStore store;

	private final WebhookSender sender;

	private final WebhookTime time;

	private final WebhookProperties properties;

	WebhookDispatcher(DeliveryStore store, WebhookSender sender, WebhookTime time, WebhookProperties properties) {
		this.store = store;
		this.sender = sender;
		this.time = time;
		this.properties = properties;
	}

	/** One batch of due deliveries. @return how many were attempted */
	int dispatchDue() {
		Instant now = time.now();
		List<DeliveryStore.Claim> claims = new ArrayList<>();
		for (Long id : store.dueIds(now, properties.batchSize())) {
			try {
				store.claimDue(id, now, properties.claimLease()).ifPresent(claims::add);
			}
			catch (RuntimeException ex) {
				log.warn("Could not claim webhook delivery {}: {}", id, ex.toString());
			}
		}
		List<CompletableFuture<WebhookSender.Outcome>> sent = new ArrayList<>();
		for (DeliveryStore.Claim claim : claims) {
			sent.add(sender.send(request(claim, now)));
		}
		for (int i = 0; i < claims.size(); i++) {
			DeliveryStore.Claim claim = claims.get(i);
			try {
				store.record(claim, now, time.now(), sent.get(i).join());
			}
			catch (RuntimeException ex) {
				// The claim runs out and the delivery is sent again: at least once, never lost.
				log.warn("Could not record the attempt of webhook delivery {}: {}", claim.deliveryId(), ex.toString());
			}
		}
		return claims.size();
	}

	/** Sends one of the brand's deliveries again now, with the same event id, and starts a new retry cycle. */
	DeliveryView replay(long brandId, long deliveryId) {
		Instant now = time.now();
		DeliveryStore.Claim claim = store.claimForReplay(brandId, deliveryId, now, properties.claimLease());
		WebhookSender.Outcome outcome = sender.send(request(claim, now)).join();
		store.record(claim, now, time.now(), outcome);
		return store.view(brandId, deliveryId);
	}

	private static WebhookSender.Request request(DeliveryStore.Claim claim, Instant now) {
		return new WebhookSender.Request(claim.url(), claim.eventId(), claim.eventType(), claim.payload(),
				claim.secret(), now.getEpochSecond());
	}

}
