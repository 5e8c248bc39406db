package dev.shifu.platform.booking.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.order.MemberTier;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.schedule.WindowCapacity.WindowTakenException;
import dev.shifu.platform.shared.Problems;

/**
 * The consumer's windows and booked appointment, through the same link token as the rest of the consumer API (the
 * token is resolved by {@link BookingService#order}).
 */
@RestController
@RequestMapping("/api/v1/consumer/{token}")
@Tag(name = "Consumer", description = "What a consumer does through the link in their message")
class WindowsController {

	private final BookingService bookings;

	private final AppointmentService appointments;

	WindowsController(BookingService bookings, AppointmentService appointments) {
		this.bookings = bookings;
		this.appointments = appointments;
	}

	record WindowView(LocalDate date, String window, LocalTime start, LocalTime end, boolean premiumInstaller) {
	}

	/** {@code reason}: why there is no window (GOODS_NOT_ARRIVED, NO_CAPACITY), else null. */
	record Windows(MemberTier memberTier, String zoneId, List<WindowView> windows, String reason) {
	}

	record BookWindow(@NotNull LocalDate date, @NotBlank @Size(max = 20) String window, Boolean premiumInstaller) {
	}

	record Reschedule(@NotNull LocalDate date, @NotBlank @Size(max = 20) String window, Boolean premiumInstaller,
			@NotNull RescheduleRequest.Reason reason, @Size(max = 300) String note) {
	}

	record Pending(long requestId, LocalDate date, String window, String reason) {
	}

	record Decision(String outcome, LocalDate date, String window, String note) {
	}

	/** The booked window; {@code pendingReschedule} while a dispatcher decides; {@code callbackOffered} at the limit. */
	record AppointmentView(LocalDate date, String window, LocalTime start, LocalTime end, boolean premiumInstaller,
			int reschedulesLeft, boolean callbackOffered, Pending pendingReschedule, Decision lastDecision) {
	}

	@GetMapping("/windows")
	@Operation(summary = "Windows an installer really has room for, on the days the member's tier and the goods allow")
	Windows windows(@PathVariable String token) {
		return windows(bookings.order(token));
	}

	@GetMapping("/appointment")
	@Operation(summary = "The booked window, a reschedule waiting for approval, and how many moves are left")
	ResponseEntity<AppointmentView> appointment(@PathVariable String token) {
		OrderSnapshot order = bookings.order(token);
		return appointments.appointment(order.id())
			.map(a -> ResponseEntity.ok(view(order.id(), a)))
			.orElseThrow(() -> new dev.shifu.platform.shared.NotFoundException("Booked window of order", order.id()));
	}

	@PostMapping("/appointment")
	@Operation(summary = "Book one of the offered windows",
			description = "Reserves the window atomically; 409 window-taken with fresh windows when someone was faster. "
					+ "The same window again is a no-op; another one while booked is a 409 (reschedule instead).")
	ResponseEntity<?> book(@PathVariable String token, @Valid @RequestBody BookWindow request) {
		OrderSnapshot order = bookings.order(token);
		try {
			Appointment booked = appointments.book(order, request.date(), request.window(),
					Boolean.TRUE.equals(request.premiumInstaller()));
			return ResponseEntity.ok(view(order.id(), booked));
		}
		catch (WindowTakenException taken) {
			return taken(order, taken);
		}
	}

	@PostMapping("/appointment/reschedule")
	@Operation(summary = "Move the booked window, with a reason",
			description = "Less than 24 h before the booked window it needs a dispatcher's approval (202, "
					+ "pendingReschedule); the booked window stands until then. At most N moves, then a call-back.")
	ResponseEntity<?> reschedule(@PathVariable String token, @Valid @RequestBody Reschedule request) {
		OrderSnapshot order = bookings.order(token);
		try {
			boolean pending = appointments.reschedule(order, request.date(), request.window(),
					Boolean.TRUE.equals(request.premiumInstaller()), request.reason(), request.note()).isPresent();
			AppointmentView view = view(order.id(), appointments.appointment(order.id()).orElseThrow());
			return pending ? ResponseEntity.accepted().body(view) : ResponseEntity.ok(view);
		}
		catch (WindowTakenException taken) {
			return taken(order, taken);
		}
	}

	private ResponseEntity<ProblemDetail> taken(OrderSnapshot order, WindowTakenException taken) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, taken.code(), "That window was just taken",
				taken.getMessage() + ". 该时段刚刚被预约，请选择其他时段。");
		problem.setProperty("field", "window");
		problem.setProperty("windows", windows(order).windows());
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private Windows windows(OrderSnapshot order) {
		AppointmentService.Offer offer = appointments.offer(order);
		List<WindowView> views = offer.windows()
			.stream()
			.map(o -> new WindowView(o.window().day(), o.window().code(), o.window().start(), o.window().end(),
					o.premium()))
			.toList();
		return new Windows(offer.tier(), appointments.zone(order).getId(), views, offer.noWindowsReason());
	}

	private AppointmentView view(long orderId, Appointment a) {
		Pending pending = appointments.pending(orderId)
			.map(r -> new Pending(r.id(), r.toDay(), r.toWindow(), r.reason().name()))
			.orElse(null);
		Decision decision = appointments.lastDecided(orderId)
			.map(r -> new Decision(r.status().name(), r.toDay(), r.toWindow(), r.decisionNote()))
			.orElse(null);
		return new AppointmentView(a.day(), a.windowCode(), a.start(), a.end(), a.premium(),
				appointments.reschedulesLeft(orderId), appointments.callbackOffered(orderId), pending, decision);
	}

}
