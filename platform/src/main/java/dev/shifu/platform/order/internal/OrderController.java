package dev.shifu.platform.order.internal;

import java.net.URI;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.order.CreateOrderRequest;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.order.GoodsStatus;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.shared.Idempotency;
import dev.shifu.platform.shared.ImportReport;
import dev.shifu.platform.shared.InvalidFieldException;

@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Orders", description = "Brand service orders")
class OrderController {

	private static final int MAX_PAGE_SIZE = 200;

	private final OrderIntake intake;

	private final OrderService orders;

	private final OrderImport importer;

	private final IntakeQuota quota;

	OrderController(OrderIntake intake, OrderService orders, OrderImport importer, IntakeQuota quota) {
		this.quota = quota;
		this.intake = intake;
		this.orders = orders;
		this.importer = importer;
	}

	record CancelRequest(@NotBlank @Size(max = 500) String reason) {
	}

	record GoodsUpdate(@NotNull GoodsStatus status, LocalDate expectedArrival) {
	}

	@PostMapping("/orders")
	@Operation(summary = "Post a service order",
			description = "201 with the new order; 200 with the existing one when the same externalOrderId or "
					+ "Idempotency-Key is replayed with the same body; 409 when replayed with a different body; 429 with "
					+ "Retry-After when the API key is over its intake quota (nothing stored: retry with the same key).")
	ResponseEntity<OrderView> create(
			@Parameter(description = "Makes retries safe: the same key returns the first result")
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody CreateOrderRequest request) {
		Actor brand = CurrentActor.get();
		String key = Idempotency.checkKey(idempotencyKey);
		quota.spendOne(brand);
		OrderIntake.Outcome outcome = intake.submitAndTell(brand, request, key);
		OrderView view = OrderView.of(outcome.order(), brand, false);
		if (outcome.created()) {
			return ResponseEntity.created(URI.create("/api/v1/orders/" + view.id())).body(view);
		}
		return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view);
	}

	@GetMapping("/orders")
	@Operation(summary = "List orders, newest first, filtered by status, region (a city or province code covers its "
			+ "districts) and creation date")
	PagedModel<OrderView> list(@RequestParam(required = false) OrderStatus status,
			@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		if (page < 0) {
			throw new InvalidFieldException("page", "must not be negative");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidFieldException("size", "must be 1 to " + MAX_PAGE_SIZE);
		}
		if (region != null && !region.matches("\\d{6}")) {
			throw new InvalidFieldException("region", "must be a 6-digit administrative division code");
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidFieldException("to", "must not be before from");
		}
		var pageable = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "id")));
		return new PagedModel<>(orders.list(CurrentActor.get(), new OrderService.Filter(status, region, from, to), pageable));
	}

	@GetMapping("/orders/{id}")
	@Operation(summary = "One order with its status history")
	OrderView get(@PathVariable long id) {
		return orders.get(CurrentActor.get(), id);
	}

	@PostMapping("/orders/{id}/cancel")
	@Operation(summary = "Cancel an order before completion; repeating the same cancel is harmless")
	OrderView cancel(@PathVariable long id, @Valid @RequestBody CancelRequest request) {
		return orders.cancel(CurrentActor.get(), id, request.reason());
	}

	@PostMapping("/orders/{id}/goods-status")
	@Operation(summary = "Logistics update: NOT_SHIPPED, SHIPPED (with expectedArrival) or ARRIVED; only forward")
	OrderView goods(@PathVariable long id, @Valid @RequestBody GoodsUpdate request) {
		return orders.updateGoods(CurrentActor.get(), id, request.status(), request.expectedArrival());
	}

	@PostMapping(path = "/orders:import", consumes = "text/csv")
	@Operation(summary = "Import orders from CSV; valid rows are kept, each rejected row comes back with its reasons")
	ImportReport importCsv(@RequestBody String csv) {
		return importer.run(CurrentActor.get(), csv);
	}

}
