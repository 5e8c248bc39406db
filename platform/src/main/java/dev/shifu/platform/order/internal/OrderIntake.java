package dev.shifu.platform.order.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.catalog.ServiceCatalog;
import dev.shifu.platform.catalog.ServiceRequirements;
import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.order.CreateOrderRequest;
import dev.shifu.platform.order.OrderSubmissions;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.FieldError;
import dev.shifu.platform.shared.Idempotency;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.PhoneNumbers;

/**
 * Takes brand orders in. A retry, whether by the same Idempotency-Key or the same externalOrderId, returns the
 * order made the first time; the same key or id with a different body is a 409. The order, its first history line,
 * the idempotency record and the outbox entry of {@code OrderAccepted} commit together or not at all.
 */
@Service
class OrderIntake implements OrderSubmissions {

	private final ServiceOrderRepository orders;

	private final Idempotency idempotency;

	private final Regions regions;

	private final ServiceCatalog catalog;

	private final TransactionTemplate transaction;

	private final Clock clock;

	OrderIntake(ServiceOrderRepository orders, Idempotency idempotency, Regions regions, ServiceCatalog catalog,
			PlatformTransactionManager transactions, Optional<Clock> clock) {
		this.orders = orders;
		this.idempotency = idempotency;
		this.regions = regions;
		this.catalog = catalog;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock.orElse(Clock.systemUTC());
	}

	record Outcome(ServiceOrder order, boolean created) {
	}

	@Override
	public long submit(Actor brand, CreateOrderRequest request, String idempotencyKey) {
		return submitAndTell(brand, request, idempotencyKey).order().getId();
	}

	Outcome submitAndTell(Actor brand, CreateOrderRequest request, String idempotencyKey) {
		try {
			return transaction.execute(tx -> submitOnce(brand, request, idempotencyKey));
		}
		catch (DataIntegrityViolationException race) {
			// A concurrent twin committed first; this attempt now finds its result and replays it.
			return transaction.execute(tx -> submitOnce(brand, request, idempotencyKey));
		}
	}

	private Outcome submitOnce(Actor brand, CreateOrderRequest request, String key) {
		String hash = Idempotency.hash(request);
		String scope = "brand:" + brand.brandId() + ":orders";
		Optional<String> previous = idempotency.previousResult(scope, key, hash);
		if (previous.isPresent()) {
			return new Outcome(orders.findById(Long.valueOf(previous.get())).orElseThrow(), false);
		}
		Optional<ServiceOrder> existing = orders.findByBrandIdAndExternalOrderId(brand.brandId(), request.externalOrderId());
		if (existing.isPresent()) {
			if (!existing.get().sameRequest(hash)) {
				throw new ConflictException("external-order-id-reused",
						"externalOrderId " + request.externalOrderId() + " exists with different content");
			}
			idempotency.remember(scope, key, hash, existing.get().getId().toString());
			return new Outcome(existing.get(), false);
		}
		ServiceOrder order = orders.save(toOrder(brand, request, hash));
		order.accepted();
		orders.save(order);
		idempotency.remember(scope, key, hash, order.getId().toString());
		return new Outcome(order, true);
	}

	private ServiceOrder toOrder(Actor brand, CreateOrderRequest request, String hash) {
		List<FieldError> errors = new ArrayList<>();
		if (!regions.exists(request.consumer().regionCode())) {
			errors.add(new FieldError("consumer.regionCode", "is not a known region code"));
		}
		// "Today" where the service happens: the consumer's region's calendar day.
		LocalDate today = LocalDate.ofInstant(clock.instant(), regions.zoneOf(request.consumer().regionCode()));
		if (request.promisedBy() != null && request.promisedBy().isBefore(today)) {
			errors.add(new FieldError("promisedBy", "must not be in the past"));
		}
		String phone = null;
		try {
			phone = PhoneNumbers.normalise("consumer.phone", request.consumer().phone());
		}
		catch (InvalidFieldException ex) {
			errors.addAll(ex.errors());
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldException(errors);
		}
		List<OrderItem> items = request.items()
			.stream()
			.map(i -> new OrderItem(i.sku(), i.name(), i.category(), i.quantity(), i.serialNumberRequired()))
			.toList();
		int count = items.stream().mapToInt(OrderItem::quantity).sum();
		ServiceRequirements requirements = catalog.requirements(request.serviceType(),
				items.stream().map(OrderItem::category).toList(), count);
		ServiceOrder order = ServiceOrder.receive(brand.brandId(), request.externalOrderId(), hash, request.consumer().name(), phone,
				request.consumer().address(), request.consumer().regionCode(), request.consumer().location(), items,
				request.serviceType(), request.tierOrDefault(), request.goods().status(), request.goods().expectedArrival(),
				request.promisedBy(), requirements, brand.name());
		order.setLocale(request.consumer().locale());
		order.setConsumerEmail(request.consumer().email());
		order.setInstallationNotes(request.installationNotes() == null || request.installationNotes().isBlank() ? null
				: request.installationNotes().strip());
		return order;
	}

}
