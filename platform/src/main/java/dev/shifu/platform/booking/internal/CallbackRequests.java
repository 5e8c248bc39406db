package dev.shifu.platform.booking.internal;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;

/** No window suits the consumer (or none is free): they ask to be called; dispatchers see it on the order. */
@RestController
@Tag(name = "Consumer", description = "What a consumer does through the link in their message")
class CallbackRequests {

	private final BookingService bookings;

	private final OrderLifecycle orders;

	CallbackRequests(BookingService bookings, OrderLifecycle orders) {
		this.bookings = bookings;
		this.orders = orders;
	}

	@PostMapping("/api/v1/consumer/{token}/callback-request")
	@Transactional
	@Operation(summary = "Ask to be called back about the visit (shown to dispatchers as a warning on the order)")
	Map<String, Object> request(@PathVariable String token) {
		OrderSnapshot order = bookings.order(token);
		orders.recordWarning(order.id(), "WARN", "consumer asked for a call-back about the visit");
		return Map.of("requested", true);
	}

}
