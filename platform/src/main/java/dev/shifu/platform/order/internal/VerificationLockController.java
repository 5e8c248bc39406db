package dev.shifu.platform.order.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.order.OrderLifecycle;

/**
 * Five wrong completion codes lock completion for an hour; a dispatcher (or admin) can lift the lock once the
 * installer and the consumer have sorted it out, e.g. on the phone. The code itself is never shown here.
 */
@RestController
@Tag(name = "Orders")
class VerificationLockController {

	private static final Logger log = LoggerFactory.getLogger(VerificationLockController.class);

	private final OrderLifecycle orders;

	VerificationLockController(OrderLifecycle orders) {
		this.orders = orders;
	}

	@DeleteMapping("/api/v1/orders/{orderId}/verification-lock")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Lift the completion lock after wrong codes (dispatcher, admin); harmless when not locked")
	void unlock(@PathVariable long orderId) {
		orders.unlockVerification(orderId);
		log.info("Completion lock of order {} lifted by {}", orderId, CurrentActor.get().name());
	}

}
