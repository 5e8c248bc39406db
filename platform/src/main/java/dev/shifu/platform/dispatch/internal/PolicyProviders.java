package dev.shifu.platform.dispatch.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.dispatch.ProviderPolicy;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.shared.NotFoundException;

/**
 * The providers {@link Eligibility} allows for an order, kept for a short while: the windows query asks on every
 * request, and the network changes far less often (a booking re-checks the window against the plan anyway).
 */
@Component
class PolicyProviders implements ProviderPolicy {

	private static final Duration TTL = Duration.ofSeconds(15);

	private static final int MAX_ENTRIES = 20_000;

	private record Entry(long at, Set<Long> providers) {
	}

	private final NetworkDirectory network;

	private final OrderLifecycle orders;

	private final Eligibility eligibility;

	private final Map<Long, Entry> cache = new ConcurrentHashMap<>();

	PolicyProviders(NetworkDirectory network, OrderLifecycle orders, Eligibility eligibility) {
		this.network = network;
		this.orders = orders;
		this.eligibility = eligibility;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<Long> allowedProviders(long orderId) {
		long now = System.nanoTime();
		Entry entry = cache.get(orderId);
		if (entry != null && now - entry.at() < TTL.toNanos()) {
			return entry.providers();
		}
		OrderSnapshot order = orders.find(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
		Set<Long> allowed = network.activeProviders()
			.stream()
			// The cheap rules first: the full check reads each provider's installers.
			.filter(p -> p.covers(order.regionCode(), order.location()) && p.mayServe(order.brandId()))
			.filter(p -> eligibility.eligible(p, order))
			.map(p -> p.id())
			.collect(Collectors.toUnmodifiableSet());
		if (cache.size() > MAX_ENTRIES) {
			cache.clear();
		}
		cache.put(orderId, new Entry(now, allowed));
		return allowed;
	}

}
