package dev.shifu.platform.webhook.internal;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.RateLimits;

/** The calling brand's webhook and delivery log; there is no way to name another brand's. */
@RestController
@RequestMapping("/api/v1/brand/webhook")
@Tag(name = "Webhooks", description = "Signed order events to the brand's endpoint, with a delivery log and replay")
class WebhookController {

	private static final int MAX_PAGE_SIZE = 100;

	private static final int MAX_PAGE = 100_000;

	private final EndpointService endpoints;

	private final DeliveryStore deliveries;

	private final WebhookDispatcher dispatcher;

	private final RateLimits limits;

	private final ReplayLimit replayLimit;

	WebhookController(EndpointService endpoints, DeliveryStore deliveries, WebhookDispatcher dispatcher,
			RateLimits limits, ReplayLimit replayLimit) {
		this.limits = limits;
		this.replayLimit = replayLimit;
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.dispatcher = dispatcher;
	}

	record EndpointRequest(@Schema(example = "https://hooks.mulan.example/shifu") String url,
			@Schema(description = "false pauses deliveries; they are kept and sent on resume", defaultValue = "true") Boolean active) {
	}

	@Schema(description = "The brand's webhook; secret only in the answer that created or rotated it")
	record EndpointView(String url, boolean active, String secretHint,
			@Schema(description = "Shown once: keep it to verify Shifu-Signature") String secret, Instant createdAt,
			Instant updatedAt, Instant secretRotatedAt) {

		static EndpointView of(WebhookEndpoint e, String secret) {
			return new EndpointView(e.getUrl(), e.isActive(), WebhookSigning.hint(e.getSecret()), secret,
					e.getCreatedAt(), e.getUpdatedAt(), e.getSecretRotatedAt());
		}

	}

	@PutMapping
	@Operation(summary = "Register or change the webhook endpoint",
			description = "201 with the signing secret (shown once) when the endpoint is new; 200 when it changed "
					+ "(the secret is kept). The URL must be http or https.")
	ResponseEntity<EndpointView> register(@RequestBody EndpointRequest request) {
		EndpointService.Registered registered = endpoints.register(brandId(), request.url(), request.active());
		EndpointView view = EndpointView.of(registered.endpoint(), registered.secret());
		return registered.secret() != null ? ResponseEntity.created(URI.create("/api/v1/brand/webhook")).body(view)
				: ResponseEntity.ok(view);
	}

	@GetMapping
	@Operation(summary = "The webhook endpoint: URL, whether it is active, and a hint of the secret")
	EndpointView get() {
		return EndpointView.of(endpoints.get(brandId()), null);
	}

	@PostMapping("/secret:rotate")
	@Operation(summary = "Replace the signing secret",
			description = "The new secret is shown once and signs every attempt from now on, including retries and "
					+ "replays of earlier events; the old secret signs nothing any more.")
	EndpointView rotate() {
		EndpointService.Registered rotated = endpoints.rotate(brandId());
		return EndpointView.of(rotated.endpoint(), rotated.secret());
	}

	@DeleteMapping
	@Operation(summary = "Remove the webhook endpoint; pending deliveries become FAILED, the log stays")
	ResponseEntity<Void> delete() {
		endpoints.delete(brandId());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/deliveries")
	@Operation(summary = "The delivery log, newest first, filtered by status and order")
	PagedModel<DeliveryView> deliveries(@RequestParam(required = false) DeliveryStatus status,
			@RequestParam(required = false) Long orderId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (page < 0 || page > MAX_PAGE) {
			throw new InvalidFieldException("page", "must be 0 to " + MAX_PAGE);
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidFieldException("size", "must be 1 to " + MAX_PAGE_SIZE);
		}
		var pageable = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id"));
		return new PagedModel<>(deliveries.list(brandId(), new DeliveryStore.Filter(status, orderId), pageable));
	}

	@GetMapping("/deliveries/{id}")
	@Operation(summary = "One delivery with its payload and attempts")
	DeliveryView delivery(@PathVariable long id) {
		return deliveries.view(brandId(), id);
	}

	@PostMapping("/deliveries/{id}/replay")
	@Operation(summary = "Send a delivery again now, with the same event id",
			description = "The attempt is made before the answer; if it fails, the delivery is retried with backoff "
					+ "like a new one. At most shifu.webhooks.replay-limit.per-brand replays per period (429 with "
					+ "Retry-After beyond).")
	DeliveryView replay(@PathVariable long id) {
		long brandId = brandId();
		limits.enforce(replayLimit.limit(), String.valueOf(brandId), "id", "webhook replays");
		return dispatcher.replay(brandId, id);
	}

	private static long brandId() {
		Actor actor = CurrentActor.get();
		if (!actor.isBrand() || actor.brandId() == null) {
			throw new AccessDeniedException("webhooks belong to brands");
		}
		return actor.brandId();
	}

}
