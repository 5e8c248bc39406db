package dev.shifu.platform.booking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.shared.HtmlSafeJson;
import dev.shifu.platform.shared.NotFoundException;

/** Late reschedules (改约审批) waiting for a dispatcher: approve moves the visit, decline keeps the booked window. */
@RestController
@Tag(name = "Booking", description = "Visits booked by staff on the consumer's behalf")
class RescheduleController {

	private final AppointmentService appointments;

	private final OrderLifecycle orders;

	private final StaffRegions staffRegions;

	RescheduleController(AppointmentService appointments, OrderLifecycle orders, StaffRegions staffRegions) {
		this.appointments = appointments;
		this.orders = orders;
		this.staffRegions = staffRegions;
	}

	/** Staff view: no consumer link, no phone; the consumer's note is HTML-inert in the bytes. */
	record RescheduleView(long id, long orderId, String orderNumber, LocalDate fromDate, String fromWindow, LocalDate toDate,
			String toWindow, String reason, @JsonSerialize(using = HtmlSafeJson.Text.class) String note, String status, Instant requestedAt, Instant decidedAt,
			String decisionNote) {
	}

	record DecisionRequest(@Size(max = 300) String note) {
	}

	// The route board page acts on the same requests with its signed-in session under /console/reschedule-requests.
	@GetMapping({ "/api/v1/reschedule-requests", "/console/reschedule-requests" })
	@Operation(summary = "Late reschedules waiting for a decision (admin, dispatcher); region: one city, e.g. 330100")
	List<RescheduleView> pending(@RequestParam(required = false) String region) {
		Actor actor = requireDispatcher();
		return appointments.pendingRequests().stream()
			.filter(r -> orders.find(r.orderId())
				.filter(order -> inRegion(actor, order) && (region == null || region.equals(cityOf(order))))
				.isPresent())
			.map(this::view)
			.toList();
	}

	@GetMapping("/api/v1/orders/{orderId}/reschedules")
	@Operation(summary = "Every move of the order's booked window with the consumer's reason, newest first (admin, "
			+ "dispatcher): waiting (PENDING), decided (APPROVED, DECLINED) or applied at once (MOVED)")
	List<RescheduleView> moves(@PathVariable long orderId) {
		Actor actor = requireDispatcher();
		OrderSnapshot order = orders.find(orderId)
			.filter(o -> inRegion(actor, o))
			.orElseThrow(() -> new NotFoundException("order", orderId));
		return appointments.moves(order.id()).stream().map(this::view).toList();
	}

	@PostMapping({ "/api/v1/reschedule-requests/{id}/approve", "/console/reschedule-requests/{id}/approve" })
	@Operation(summary = "Approve: the visit moves to the requested window (409 window-taken if it is gone)")
	RescheduleView approve(@PathVariable long id, @Valid @RequestBody(required = false) DecisionRequest body) {
		return decide(id, true, body);
	}

	@PostMapping({ "/api/v1/reschedule-requests/{id}/decline", "/console/reschedule-requests/{id}/decline" })
	@Operation(summary = "Decline: the booked window stands")
	RescheduleView decline(@PathVariable long id, @Valid @RequestBody(required = false) DecisionRequest body) {
		return decide(id, false, body);
	}

	private RescheduleView decide(long id, boolean approve, DecisionRequest body) {
		Actor actor = requireDispatcher();
		RescheduleRequest request = appointments.request(id).orElseThrow(() -> new NotFoundException("reschedule request", id));
		OrderSnapshot order = orders.find(request.orderId()).orElseThrow(() -> new NotFoundException("order", request.orderId()));
		if (!inRegion(actor, order)) {
			// Another region's request is not found, as if it did not exist.
			throw new NotFoundException("reschedule request", id);
		}
		String note = body == null || body.note() == null ? null : body.note().strip();
		return view(appointments.decide(id, order, approve, actor.name(), note));
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

	private RescheduleView view(RescheduleRequest r) {
		String number = orders.find(r.orderId()).map(OrderSnapshot::externalOrderId).orElse(null);
		return new RescheduleView(r.id(), r.orderId(), number, r.fromDay(), r.fromWindow(), r.toDay(), r.toWindow(),
				r.reason().name(), r.note(), r.status().name(), r.requestedAt(), r.decidedAt(), r.decisionNote());
	}

}
