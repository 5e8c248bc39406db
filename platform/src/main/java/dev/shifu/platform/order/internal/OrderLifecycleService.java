package dev.shifu.platform.order.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.order.ProcessCancellation;
import dev.shifu.platform.shared.NotFoundException;

@Service
@Transactional
class OrderLifecycleService implements OrderLifecycle {

	private final ServiceOrderRepository orders;

	private final List<ProcessCancellation> processes;

	private final java.time.Clock clock;

	private final OrderReadCache cache;

	/** Loads what the read cache misses; a hit opens no transaction (a consumer page asks several times a request). */
	private final TransactionTemplate read;

	OrderLifecycleService(ServiceOrderRepository orders, List<ProcessCancellation> processes,
			Optional<java.time.Clock> clock, OrderReadCache cache, PlatformTransactionManager transactions) {
		this.cache = cache;
		this.read = new TransactionTemplate(transactions);
		this.read.setReadOnly(true);
		this.orders = orders;
		this.processes = processes;
		this.clock = clock.orElseGet(java.time.Clock::systemUTC);
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<OrderSnapshot> find(long orderId) {
		return cache.byId(orderId, this::snapshotOf);
	}

	private OrderSnapshot snapshotOf(long id) {
		return read.execute(status -> orders.findById(id).map(OrderLifecycleService::snapshot).orElse(null));
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.List<dev.shifu.platform.order.OrderItemSnapshot> items(long orderId) {
		return orders.findById(orderId)
			.map(o -> o.getItems()
				.stream()
				.map(i -> new dev.shifu.platform.order.OrderItemSnapshot(i.sku(), i.name(), i.quantity(),
						i.serialNumberRequired(), i.category() == null ? null : i.category().name()))
				.toList())
			.orElse(java.util.List.of());
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<OrderSnapshot> findByConsumerToken(String token) {
		if (token == null || token.length() < 20) {
			return Optional.empty();
		}
		return cache.byToken(token,
				t -> read.execute(status -> orders.findByConsumerToken(t).map(OrderLifecycleService::snapshot).orElse(null)),
				this::snapshotOf);
	}

	@Override
	public void applyStatus(long orderId, OrderStatus status, String actor, String reason) {
		ServiceOrder order = load(orderId);
		if (order.applyWorkflowStatus(status, actor, reason)) {
			orders.save(order);
		}
	}

	@Override
	public void recordWarning(long orderId, String level, String reason) {
		load(orderId).recordWarning(level, reason);
	}

	@Override
	public boolean checkVerificationCode(long orderId, String code) {
		return load(orderId).verify(code, clock.instant());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<java.time.Instant> verificationLockedUntil(long orderId) {
		return load(orderId).verificationLockedUntil(clock.instant());
	}

	@Override
	public void unlockVerification(long orderId) {
		load(orderId).unlockVerification();
	}

	@Override
	public String renewVerificationCode(long orderId) {
		return load(orderId).renewVerificationCode();
	}

	@Override
	@Transactional(readOnly = true)
	public String verificationCode(long orderId) {
		return load(orderId).getVerificationCode();
	}

	@Override
	public void goodsDamaged(long orderId) {
		ServiceOrder order = load(orderId);
		order.goodsDamaged();
		orders.save(order);
	}

	@Override
	public void cancel(long orderId, String actor, String reason) {
		ServiceOrder order = load(orderId);
		if (order.getStatus() == OrderStatus.CANCELLED) {
			return;
		}
		cancel(order, actor, reason);
	}

	/**
	 * The aggregate's own rule first, then the process decides (see {@link ProcessCancellation}); only if it took the
	 * cancellation does the order move to CANCELLED, in the same transaction, so the answer is true right away.
	 */
	ServiceOrder cancel(ServiceOrder order, String actor, String reason) {
		order.checkCancellable();
		processes.forEach(process -> process.cancel(order.getId(), actor.startsWith("consumer"), reason));
		order.cancel(reason, actor);
		return orders.save(order);
	}

	private ServiceOrder load(long orderId) {
		return orders.findById(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
	}

	static OrderSnapshot snapshot(ServiceOrder o) {
		return new OrderSnapshot(o.getId(), o.getBrandId(), o.getExternalOrderId(), o.getStatus(), o.getServiceType(),
				o.getMemberTier(), o.getConsumerName(), o.getConsumerPhone(), o.getAddress(), o.getRegionCode(),
				o.location(), o.getGoodsStatus(), o.getExpectedArrival(), o.getPromisedBy(), o.getDurationMinutes(),
				o.getCrewSize(), o.requiredSkillSet(), o.getConsumerToken(), o.getConsumerEmail(), o.getInstallationNotes());
	}

}
