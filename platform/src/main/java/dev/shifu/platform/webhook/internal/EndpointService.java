package dev.shifu.platform.webhook.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.shared.NotFoundException;

/** A brand's one endpoint: register or change it, rotate its secret, remove it. */
@Service
@Transactional
class EndpointService {

	private final WebhookEndpointRepository endpoints;

	private final DeliveryStore deliveries;

	private final WebhookUrls urls;

	private final WebhookTime time;

	EndpointService(WebhookEndpointRepository endpoints, DeliveryStore deliveries, WebhookUrls urls, WebhookTime time) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.urls = urls;
		this.time = time;
	}

	/** @param secret the new secret when the endpoint was created, else null (the secret is kept) */
	record Registered(WebhookEndpoint endpoint, String secret) {
	}

	Registered register(long brandId, String url, Boolean active) {
		String checked = urls.check(url).toString();
		boolean on = active == null || active;
		var existing = endpoints.findByBrandId(brandId);
		if (existing.isPresent()) {
			existing.get().update(checked, on, time.now());
			return new Registered(existing.get(), null);
		}
		String secret = WebhookSigning.newSecret();
		return new Registered(endpoints.save(new WebhookEndpoint(brandId, checked, on, secret, time.now())), secret);
	}

	@Transactional(readOnly = true)
	WebhookEndpoint get(long brandId) {
		return endpoints.findByBrandId(brandId).orElseThrow(EndpointService::none);
	}

	/** @return the new secret; it signs every attempt from now on, retries of older events included */
	Registered rotate(long brandId) {
		WebhookEndpoint endpoint = get(brandId);
		String secret = WebhookSigning.newSecret();
		endpoint.rotate(secret, time.now());
		return new Registered(endpoint, secret);
	}

	/** Removes the endpoint; pending deliveries become FAILED. The delivery log stays readable. */
	void delete(long brandId) {
		endpoints.findByBrandId(brandId).ifPresent(endpoint -> {
			endpoints.delete(endpoint);
			deliveries.abandonPending(brandId, "webhook endpoint deleted");
		});
	}

	private static NotFoundException none() {
		return new NotFoundException("webhook", "of this brand");
	}

}
