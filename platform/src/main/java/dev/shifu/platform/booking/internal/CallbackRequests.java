package dev.shifu.platform.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.booking.AppointmentEvents;
import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.NotFoundException;

/**
 * No window suits the consumer (or they moved the visit as often as allowed): they ask to be called. The request is
 * an item of the region's dispatchers (the route board's call-back list, and this API) until one of them marks it
 * done; it is also a warning on the order.
 */
@RestController
@Tag(name = "Consumer", description = "What a consumer does through the link in their message")
class CallbackRequests {

	private final BookingService bookings;

	private final OrderLifecycle orders;

	private final CallbackRequestRepository requests;

	private final StaffRegions staffRegions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CallbackRequests(BookingService bookings, OrderLifecycle orders, CallbackRequestRepository requests,
			StaffRegions staffRegions, ApplicationEventPublisher events, Optional<Clock> clock) {
		this.bookings = bookings;
		this.orders = orders;
		this.requests = requests;
		this.staffRegions = staffRegions;
		this.events = events;
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	/** The consumer's answer: whether a call-back is asked for, and since when. */
	record Requested(boolean requested, Instant requestedAt) {
	}

	/** Staff view: the order's number, never the consumer's link or phone (the dispatcher opens the order for it). */
	record CallbackView(long id, long orderId, String orderNumber, String regionCode, String status, Instant requestedAt,
			Instant doneAt, String doneBy, String doneNote) {
	}

	record Done(@Size(max = 300) String note) {
	}

	@PostMapping("/api/v1/consumer/{token}/callback-request")
	@Transactional
	@Operation(summary = "Ask to be called back about the visit",
			description = "An item for the region's dispatchers until one marks it done; asking again while it is open "
					+ "changes nothing.")
	Requested request(@PathVariable String token) {
		OrderSnapshot order = bookings.order(token);
		Optional<CallbackRequest> open = requests.findFirstByOrderIdAndStatus(order.id(), CallbackRequest.Status.OPEN);
		if (open.isPresent()) {
			return new Requested(true, open.get().requestedAt());
		}
		CallbackRequest created = requests.save(new CallbackRequest(order.id(), clock.instant()));
		orders.recordWarning(order.id(), "WARN", "consumer asked for a call-back about the visit");
		events.publishEvent(new AppointmentEvents.CallbackRequested(created.id(), order.id()));
		return new Requested(true, created.requestedAt());
	}

	// The route board page reads and closes the same items with its signed-in session under /console.
	@GetMapping({ "/api/v1/callback-requests", "/console/callback-requests" })
	@Transactional(readOnly = true)
	@Operation(summary = "Consumers waiting for a call-back (admin, dispatcher), oldest first; region: one city, e.g. 330100")
	List<CallbackView> open(@RequestParam(required = false) String region) {
		Actor actor = requireDispatcher();
		return requests.findByStatusOrderByIdAsc(CallbackRequest.Status.OPEN)
			.stream()
			.map(r -> orders.find(r.orderId())
				.filter(order -> inRegion(actor, order) && (region == null || region.equals(cityOf(order))))
				.map(order -> view(r, order)))
			.flatMap(Optional::stream)
			.toList();
	}

	@PostMapping({ "/api/v1/callback-requests/{id}/done", "/console/callback-requests/{id}/done" })
	@Transactional
	@Operation(summary = "The consumer was phoned: the item leaves the list (409 when it was closed already)")
	CallbackView done(@PathVariable long id, @Valid @RequestBody(required = false) Done body) {
		Actor actor = requireDispatcher();
		CallbackRequest request = requests.findById(id).orElseThrow(() -> new NotFoundException("call-back request", id));
		OrderSnapshot order = orders.find(request.orderId())
			.filter(o -> inRegion(actor, o))
			// Another region's request is not found, as if it did not exist.
			.orElseThrow(() -> new NotFoundException("call-back request", id));
		if (request.status() != CallbackRequest.Status.OPEN) {
			throw new ConflictException("already-done", "This call-back was marked done already");
		}
		String note = body == null || body.note() == null || body.note().isBlank() ? null : body.note().strip();
		request.done(actor.name(), note, clock.instant());
		events.publishEvent(new AppointmentEvents.CallbackDone(request.id(), order.id()));
		return view(request, order);
	}

	private Actor requireDispatcher() {
		Actor actor = CurrentActor.get();
		if (!actor.has(Role.ADMIN) && !actor.has(Role.DISPATCHER)) {
			throw new AccessDeniedException("dispatchers only");
		}
		return actor;
	}

	/** Whether the order's city is one of the caller's regions (regions fail closed; admins work in all). */
	private boolean inRegion(Actor actor, OrderSnapshot order) {
		String city = cityOf(order);
		return city != null && staffRegions.mayWorkIn(actor, city);
	}

	private static String cityOf(OrderSnapshot order) {
		String code = order.regionCode();
		return code != null && code.length() >= 4 ? code.substring(0, 4) + "00" : null;
	}

	private static CallbackView view(CallbackRequest r, OrderSnapshot order) {
		return new CallbackView(r.id(), r.orderId(), order.externalOrderId(), order.regionCode(), r.status().name(),
				r.requestedAt(), r.doneAt(), r.doneBy(), r.doneNote());
	}

}
