package dev.shifu.platform.installer.internal;

import java.util.LinkedHashMap;
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
 * The provider admin's stand-in for the app, kept as a thin wrapper over {@link JobEventService}: one way to report
 * a job. The same state machine answers an impossible order with 409 (the admin may skip steps forward, never back);
 * the admin is not on site, so the position and photo rules are the app's, and a completion without photos is
 * flagged for review (see {@link Reporter}).
 */
@RestController
@Tag(name = "Dispatch")
class ProviderJobEventController {

	/**
	 * {@code installerId}: who does the visit (the crew's lead), when the provider sends someone else than the plan
	 * did; without it the plan's installer (or crew) is recorded.
	 */
	record JobEvent(@NotNull JobEventType type, @Size(max = 12) String verificationCode, ExceptionReason exceptionReason,
			@Size(max = 500) String note, Long installerId) {
	}

	private final JobEventService events;

	ProviderJobEventController(JobEventService events) {
		this.events = events;
	}

	@PostMapping("/api/v1/providers/{providerId}/jobs/{orderId}/events")
	@Operation(summary = "Report a job's progress for the accepted provider: EN_ROUTE, ARRIVED, STARTED, COMPLETED "
			+ "(with the consumer's verification code) or EXCEPTION (with a reason). Safe to retry with an "
			+ "Idempotency-Key. Installers report through the mobile API (/mobile/v1) instead.")
	Map<String, Object> event(@PathVariable long providerId, @PathVariable long orderId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody JobEvent event) {
		Actor actor = CurrentActor.get();
		if (!actor.has(Role.ADMIN) && !Long.valueOf(providerId).equals(actor.providerId())) {
			throw new NotFoundException("provider", providerId);
		}
		EventOutcome outcome = events.report(Reporter.providerAdmin(providerId), orderId,
				new ReportedEvent(event.type(), null, null, null, event.verificationCode(), null,
						event.exceptionReason(), event.note(), null, event.installerId()),
				Idempotency.checkKey(idempotencyKey));
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
