package dev.shifu.platform.booking.internal;

import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;

/** A dispatcher books a visit for the consumer: the first visit, a revisit or a rework, with the link's checks. */
@RestController
@Tag(name = "Booking", description = "Visits booked by staff on the consumer's behalf")
class StaffBookingController {

	private final BookingService bookings;

	StaffBookingController(BookingService bookings) {
		this.bookings = bookings;
	}

	record StaffBooking(@NotNull LocalDate date) {
	}

	@PostMapping("/api/v1/bookings/{orderId}")
	@Operation(summary = "Book (or move) an order's visit on the consumer's behalf (admin, dispatcher)")
	Map<String, Object> book(@PathVariable long orderId, @Valid @RequestBody StaffBooking request) {
		Actor actor = CurrentActor.get();
		if (!actor.has(Role.ADMIN) && !actor.has(Role.DISPATCHER)) {
			throw new AccessDeniedException("dispatchers only");
		}
		return Map.of("orderId", orderId, "bookedDate", bookings.bookFor(orderId, request.date()));
	}

}
