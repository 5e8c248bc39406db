package dev.shifu.platform.booking.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.Problems;

/** The consumer's link: the token is the credential and opens exactly one order. */
@RestController
@RequestMapping("/api/v1/consumer/{token}")
@Tag(name = "Consumer", description = "What a consumer does through the link in their message")
class ConsumerController {

	/**
	 * The code is shown only while a visit is due (its day has come), when an installer may ask for it. A booked
	 * rework has no in-service step of its own: its code (a new one, see the order) shows from the rework's day on.
	 */
	private static final Set<OrderStatus> CODE_VISIBLE = EnumSet.of(OrderStatus.IN_SERVICE, OrderStatus.EN_ROUTE,
			OrderStatus.ARRIVED, OrderStatus.STARTED);

	private static final String USE_WINDOWS = "use-windows";

	private final BookingService bookings;

	private final OrderLifecycle orders;

	private final Regions regions;

	private final Clock clock;

	ConsumerController(BookingService bookings, OrderLifecycle orders, Regions regions, Optional<Clock> clock) {
		this.bookings = bookings;
		this.orders = orders;
		this.regions = regions;
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	record ConsumerOrder(String orderNumber, OrderStatus status, ServiceType serviceType, String address,
			LocalDate bookedDate, String verificationCode, boolean cancellable) {
	}

	record CancelRequest(@NotBlank @Size(max = 500) String reason) {
	}

	@GetMapping
	@Operation(summary = "The consumer's order")
	ConsumerOrder get(@PathVariable String token) {
		return view(bookings.order(token));
	}

	/**
	 * Retired: it booked a bare calendar day with no capacity check, so an order could be "booked" with nobody able
	 * to come. The link books a window now; this answers 410 and changes nothing. An unknown link is still a 404.
	 */
	@PostMapping("/booking")
	@Operation(summary = "Retired: book one of the offered windows instead (410 use-windows)", deprecated = true,
			description = "Answers 410 Gone, type use-windows, and changes nothing: read GET /api/v1/consumer/{token}/windows "
					+ "and book one with POST /api/v1/consumer/{token}/appointment.")
	ResponseEntity<ProblemDetail> book(@PathVariable String token) {
		bookings.order(token);
		ProblemDetail problem = Problems.of(HttpStatus.GONE, USE_WINDOWS, "Book a window instead",
				"A visit is booked in a time window an installer really has room for: choose one from "
						+ "GET /api/v1/consumer/{token}/windows and book it with POST /api/v1/consumer/{token}/appointment. "
						+ "请从 GET /api/v1/consumer/{token}/windows 中选择可预约的时段，"
						+ "再通过 POST /api/v1/consumer/{token}/appointment 预约。");
		problem.setProperty("code", USE_WINDOWS);
		problem.setProperty("windows", "GET /api/v1/consumer/{token}/windows");
		problem.setProperty("appointment", "POST /api/v1/consumer/{token}/appointment");
		return ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@PostMapping("/cancel")
	@Operation(summary = "Cancel before the job is completed")
	ConsumerOrder cancel(@PathVariable String token, @Valid @RequestBody CancelRequest request) {
		bookings.cancel(token, request.reason());
		return view(bookings.order(token));
	}

	@PostMapping("/verification-code")
	@Operation(summary = "A fresh completion code: the old one stops working, and a lock after wrong codes is lifted")
	ConsumerOrder renewVerificationCode(@PathVariable String token) {
		OrderSnapshot order = bookings.order(token);
		if (!codeVisible(order)) {
			throw new ConflictException("no-code-now", "The order is " + order.status() + ": no completion code is needed now");
		}
		orders.renewVerificationCode(order.id());
		return view(bookings.order(token));
	}

	private ConsumerOrder view(OrderSnapshot order) {
		String code = codeVisible(order) ? orders.verificationCode(order.id()) : null;
		return new ConsumerOrder(order.externalOrderId(), order.status(), order.serviceType(), order.address(),
				bookings.bookedDate(order.id()).orElse(null), code, order.status().isCancellable());
	}

	/** A visit is due: its day has come (a rework: the booked rework day, on the region's calendar). */
	private boolean codeVisible(OrderSnapshot order) {
		if (CODE_VISIBLE.contains(order.status())) {
			return true;
		}
		if (order.status() != OrderStatus.REWORK_SCHEDULED) {
			return false;
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), regions.zoneOf(order.regionCode()));
		return bookings.bookedDate(order.id()).map(day -> !day.isAfter(today)).orElse(false);
	}

}
