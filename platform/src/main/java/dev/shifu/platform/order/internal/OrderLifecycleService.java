package dev.shifu.platform.order.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.order.CancellationGuard;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.shared.NotFoundException;

@Service
@Transactional
class OrderLifecycleService implements OrderLifecycle {

	private final ServiceOrderRepository orders;

	private final List<CancellationGuard> guards;

	OrderLifecycleService(ServiceOrderRepository orders, List<CancellationGuard> guards) {
		this.orders = orders;
		this.guards = guards;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<OrderSnapshot> find(long orderId) {
		return orders.findById(orderId).map(OrderLifecycleService::snapshot);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<OrderSnapshot> findByConsumerToken(String token) {
		if (token == null || token.length() < 20) {
			return Optional.empty();
		}
		return orders.findByConsumerToken(token).map(OrderLifecycleService::snapshot);
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
		return load(orderId).verify(code);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<java.time.Instant> verificationLockedUntil(long orderId) {
		return load(orderId).verificationLockedUntil(java.time.Instant.now());
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
		checkCancellable(order);
		order.cancel(reason, actor);
		orders.save(order);
	}

	/** The aggregate's own rule first, then whatever the process knows (see {@link CancellationGuard}). */
	void checkCancellable(ServiceOrder order) {
		if (order.getStatus().isCancellable()) {
			guards.forEach(guard -> guard.checkCancellable(order.getId()));
		}
	}

	private ServiceOrder load(long orderId) {
		return orders.findById(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
	}

	static OrderSnapshot snapshot(ServiceOrder o) {
		return new OrderSnapshot(o.getId(), o.getBrandId(), o.getExternalOrderId(), o.getStatus(), o.getServiceType(),
				o.getMemberTier(), o.getConsumerName(), o.getConsumerPhone(), o.getAddress(), o.getRegionCode(),
				o.location(), o.getGoodsStatus(), o.getExpectedArrival(), o.getPromisedBy(), o.getDurationMinutes(),
				o.getCrewSize(), o.requiredSkillSet(), o.getConsumerToken());
	}

}
