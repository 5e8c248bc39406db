package dev.shifu.platform.booking.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.shared.ConflictException;

/** The consumer's link: the token is the credential and opens exactly one order. */
@RestController
@RequestMapping("/api/v1/consumer/{token}")
@Tag(name = "Consumer", description = "What a consumer does through the link in their message")
class ConsumerController {

	/**
	 * The code is shown only while a visit is due (its day has come), when an installer may ask for it, and while a
	 * booked rework waits for its visit (the rework has no in-service step of its own).
	 */
	private static final Set<OrderStatus> CODE_VISIBLE = EnumSet.of(OrderStatus.IN_SERVICE, OrderStatus.EN_ROUTE,
			OrderStatus.ARRIVED, OrderStatus.STARTED, OrderStatus.REWORK_SCHEDULED);

	private final BookingService bookings;

	private final OrderLifecycle orders;

	ConsumerController(BookingService bookings, OrderLifecycle orders) {
		this.bookings = bookings;
		this.orders = orders;
	}

	/**
	 * {@code pendingChange} is set when the call was recorded but the order's status has not caught up yet: the
	 * process moves on in its own transaction, so {@code status} is what is true now, not what it will be.
	 */
	record ConsumerOrder(String orderNumber, OrderStatus status, ServiceType serviceType, String address,
			LocalDate bookedDate, String verificationCode, boolean cancellable, PendingChange pendingChange) {
	}

	/** A change the order is being moved to; read the order again to see it applied. */
	record PendingChange(String change, LocalDate bookedDate, String message) {
	}

	record BookRequest(@NotNull LocalDate date) {
	}

	record CancelRequest(@NotBlank @Size(max = 500) String reason) {
	}

	@GetMapping
	@Operation(summary = "The consumer's order")
	ConsumerOrder get(@PathVariable String token) {
		return view(bookings.order(token));
	}

	@PostMapping("/booking")
	@Operation(summary = "Book the visit day, or move it while that is still possible",
			description = "The day is booked and the order is moving on: status is the order's status at the moment "
					+ "of the answer, pendingChange says what follows. Read the order again to see it applied.")
	ResponseEntity<ConsumerOrder> book(@PathVariable String token, @Valid @RequestBody BookRequest request) {
		OrderStatus before = bookings.order(token).status();
		LocalDate booked = bookings.book(token, request.date());
		ConsumerOrder now = view(bookings.order(token));
		String change = before == OrderStatus.AWAITING_BOOKING ? "BOOKING_CONFIRMED" : "BOOKING_CHANGED";
		PendingChange pending = new PendingChange(change, booked,
				"Your visit day is recorded; the order's status follows in a moment. 您的预约日期已记录，订单状态稍后更新。");
		return ResponseEntity.ok()
			.body(new ConsumerOrder(now.orderNumber(), now.status(), now.serviceType(), now.address(), now.bookedDate(),
					now.verificationCode(), now.cancellable(), pending));
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
		if (!CODE_VISIBLE.contains(order.status())) {
			throw new ConflictException("no-code-now", "The order is " + order.status() + ": no completion code is needed now");
		}
		orders.renewVerificationCode(order.id());
		return view(bookings.order(token));
	}

	private ConsumerOrder view(OrderSnapshot order) {
		String code = CODE_VISIBLE.contains(order.status()) ? orders.verificationCode(order.id()) : null;
		return new ConsumerOrder(order.externalOrderId(), order.status(), order.serviceType(), order.address(),
				bookings.bookedDate(order.id()).orElse(null), code, order.status().isCancellable(), null);
	}

}
