package dev.shifu.platform.booking.internal;

import java.time.Clock;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.GeoPoint;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.platform.workflow.OrderProcess;

/** The installer on the way reports where they are (until the mobile API); the consumer's ETA follows it. */
@RestController
@Tag(name = "Jobs", description = "Provider-reported job progress")
class InstallerPositionController {

	private final OrderLifecycle orders;

	private final OrderProcess process;

	private final InstallerPositionRepository positions;

	private final Clock clock;

	InstallerPositionController(OrderLifecycle orders, OrderProcess process, InstallerPositionRepository positions,
			Optional<Clock> clock) {
		this.orders = orders;
		this.process = process;
		this.positions = positions;
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	record PositionReport(@NotNull @Valid GeoPoint position) {
	}

	@PostMapping("/api/v1/providers/{providerId}/jobs/{orderId}/position")
	@Transactional
	@Operation(summary = "Report the installer's position while on the way (the accepted provider's admin)")
	ResponseEntity<Void> report(@PathVariable long providerId, @PathVariable long orderId,
			@Valid @RequestBody PositionReport report) {
		Actor actor = CurrentActor.get();
		if (!actor.has(Role.ADMIN) && (actor.providerId() == null || actor.providerId() != providerId)) {
			throw new NotFoundException("job", orderId);
		}
		OrderSnapshot order = orders.find(orderId).orElseThrow(() -> new NotFoundException("job", orderId));
		if (!process.assignedProviderId(orderId).map(p -> p == providerId).orElse(false)) {
			throw new NotFoundException("job", orderId);
		}
		if (!order.status().isOnSite()) {
			throw new ConflictException("not-on-the-way", "The visit of order " + orderId + " is not under way");
		}
		InstallerPosition position = positions.findById(orderId).orElseGet(() -> new InstallerPosition(orderId));
		position.report(report.position().lat(), report.position().lng(), clock.instant());
		positions.save(position);
		return ResponseEntity.noContent().build();
	}

}
