package dev.shifu.platform.order.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shifu.platform.order.ConsumerLinks;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.shared.NotFoundException;

@Service
@Transactional
class ConsumerLinkService implements ConsumerLinks {

	private static final Set<OrderStatus> FINISHED = EnumSet.of(OrderStatus.CLOSED, OrderStatus.CANCELLED);

	private final ServiceOrderRepository orders;

	private final jakarta.persistence.EntityManager entityManager;

	private final OrderLifecycleService lifecycle;

	private final TransactionTemplate read;

	ConsumerLinkService(ServiceOrderRepository orders, jakarta.persistence.EntityManager entityManager,
			OrderLifecycleService lifecycle, PlatformTransactionManager transactions) {
		this.lifecycle = lifecycle;
		this.read = new TransactionTemplate(transactions);
		this.read.setReadOnly(true);
		this.orders = orders;
		this.entityManager = entityManager;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Step> steps(long orderId) {
		List<Step> steps = new ArrayList<>();
		Set<OrderStatus> seen = EnumSet.noneOf(OrderStatus.class);
		for (OrderStatusChange change : load(orderId).getHistory()) {
			if (seen.add(change.getToStatus())) {
				steps.add(new Step(change.getToStatus(), change.getChangedAt()));
			}
		}
		return steps;
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<Instant> finishedAt(long orderId) {
		// An open order's link (nearly every request) needs no history, nor a transaction: its status comes from
		// the read cache.
		if (lifecycle.find(orderId).filter(o -> !FINISHED.contains(o.status())).isPresent()) {
			return Optional.empty();
		}
		return read.execute(status -> {
			ServiceOrder order = load(orderId);
			if (!FINISHED.contains(order.getStatus())) {
				return Optional.<Instant>empty();
			}
			return order.getHistory()
				.stream()
				.filter(c -> FINISHED.contains(c.getToStatus()))
				.map(OrderStatusChange::getChangedAt)
				.findFirst()
				.or(() -> Optional.of(order.getUpdatedAt()));
		});
	}

	@Override
	public String reissueToken(long orderId) {
		return load(orderId).reissueConsumerToken();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Locale> locale(long orderId) {
		return load(orderId).locale().flatMap(ConsumerLinks::supported);
	}

	/**
	 * A conditional update, not the aggregate: the page reads in parallel, and a version bump here would collide
	 * with the process moving the order on.
	 */
	@Override
	public void rememberConsumerLocale(long orderId, Locale locale) {
		ConsumerLinks.supported(locale.toLanguageTag()).ifPresent(l -> entityManager.createQuery("""
				update ServiceOrder o set o.consumerLocale = :locale
				where o.id = :id and o.locale is null and o.consumerLocale is null""")
			.setParameter("locale", l.toLanguageTag())
			.setParameter("id", orderId)
			.executeUpdate());
	}

	private ServiceOrder load(long orderId) {
		return orders.findById(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
	}

}
