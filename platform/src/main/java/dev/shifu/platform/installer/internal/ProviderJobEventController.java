package dev.shifu.platform.installer.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.shared.Idempotency;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.workflows.ExceptionReason;

/**
 * The provider admin's stand-in for the app, a thin wrapper over {@link JobEventService} with the app's inputs: one
 * way to report a job. The same state machine answers an impossible order with 409 (the admin may skip steps
 * forward, never back), and the same code and serial-number checks bind; the admin is not on site, so a completion
 * without the app's photos or a position is flagged for review rather than refused (see {@link Reporter}).
 */
@RestController
@Tag(name = "Dispatch")
class ProviderJobEventController {

	/**
	 * The app's inputs (the code, the serial numbers, the photos the installer uploaded, the position if the office
	 * has one) plus {@code installerId}: who does the visit (the crew's lead), when the provider sends someone else
	 * than the plan did; without it the plan's installer (or crew) is recorded. The service checks them all, as for
	 * the app.
	 */
	record JobEvent(@NotNull JobEventType type, Instant occurredAt, Location location,
			@Size(max = 12) String verificationCode, @Size(max = 50) List<ReportedEvent.SerialNumber> serialNumbers,
			@Size(max = 20) List<Long> photoIds, ExceptionReason exceptionReason, @Size(max = 500) String note,
			Long installerId) {
	}

	/** Where the event happened: lat and lng together (the service checks ranges and names the field). */
	record Location(Double lat, Double lng) {
	}

	private final JobEventService events;

	ProviderJobEventController(JobEventService events) {
		this.events = events;
	}

	@PostMapping("/api/v1/providers/{providerId}/jobs/{orderId}/events")
	@Operation(summary = "Report a job's progress for the accepted provider: EN_ROUTE, ARRIVED, STARTED, COMPLETED "
			+ "(with the consumer's verification code, the serial number of every item that needs one and the photos "
			+ "the installer uploaded) or EXCEPTION (with a reason). Safe to retry with an "
			+ "Idempotency-Key. Installers report through the mobile API (/mobile/v1) instead.")
	Map<String, Object> event(@PathVariable long providerId, @PathVariable long orderId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody JobEvent event) {
		Actor actor = CurrentActor.get();
		if (!actor.has(Role.ADMIN) && !Long.valueOf(providerId).equals(actor.providerId())) {
			throw new NotFoundException("provider", providerId);
		}
		Double lat = event.location() == null ? null : event.location().lat();
		Double lng = event.location() == null ? null : event.location().lng();
		ReportedEvent reported = new ReportedEvent(event.type(), event.occurredAt(), lat, lng, event.verificationCode(),
				event.serialNumbers(), event.exceptionReason(), event.note(), event.photoIds(), event.installerId());
		String key = Idempotency.checkKey(idempotencyKey);
		EventOutcome outcome = JobEventService
			.raceSafe(() -> events.report(Reporter.providerAdmin(providerId), orderId, reported, key));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("orderId", orderId);
		answer.put("type", event.type());
		answer.put("accepted", true);
		if (outcome.duplicate()) {
			answer.put("replayed", true);
		}
		if (!outcome.flags().isEmpty()) {
			answer.put("flags", outcome.flags());
		}
		return answer;
	}

}
