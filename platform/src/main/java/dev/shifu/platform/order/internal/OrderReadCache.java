package dev.shifu.platform.order.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.stereotype.Component;

import dev.shifu.platform.order.MemberTier;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.shared.ReadCache;

/**
 * Orders as the consumer link reads them on every request (the guard, the windows query, the page), kept in this
 * node's memory. Hibernate calls {@link Eviction} (the entity listener of {@link ServiceOrder}) on every write of an
 * order, which evicts the order, its tokens and its member's tier; another node's write is seen within {@link #TTL}.
 */
@Component
class OrderReadCache implements org.springframework.beans.factory.DisposableBean {

	/** Every live cache of this JVM (tests run several app contexts): Hibernate makes its listener on its own. */
	private static final java.util.Set<OrderReadCache> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

	OrderReadCache() {
		LIVE.add(this);
	}

	@Override
	public void destroy() {
		LIVE.remove(this);
	}

	/** The entity listener of {@link ServiceOrder}: each write evicts the order from every live cache. */
	static class Eviction {

		@PostPersist
		@PostUpdate
		@PostRemove
		void written(ServiceOrder order) {
			LIVE.forEach(cache -> cache.written(order));
		}

	}

	static final Duration TTL = Duration.ofSeconds(5);

	private final ReadCache<Long, OrderSnapshot> byId = new ReadCache<>(TTL, 50_000);

	private final ReadCache<String, Long> idByToken = new ReadCache<>(TTL, 50_000);

	private final ReadCache<String, MemberTier> tiers = new ReadCache<>(TTL, 50_000);

	Optional<OrderSnapshot> byId(long orderId, LongFunction<OrderSnapshot> loader) {
		return Optional.ofNullable(byId.get(orderId, loader::apply));
	}

	/** The order of a token; a replaced token finds nothing, whatever a racing read left in the token index. */
	Optional<OrderSnapshot> byToken(String token, Function<String, OrderSnapshot> loader,
			LongFunction<OrderSnapshot> byIdLoader) {
		Long id = idByToken.get(token, t -> Optional.ofNullable(loader.apply(t)).map(OrderSnapshot::id).orElse(null));
		if (id == null) {
			return Optional.empty();
		}
		Optional<OrderSnapshot> order = byId(id, byIdLoader);
		if (order.isPresent() && !token.equals(order.get().consumerToken())) {
			idByToken.evict(token);
			byId.evict(id);
			return Optional.ofNullable(loader.apply(token));
		}
		return order;
	}

	MemberTier tier(long brandId, String phone, Supplier<MemberTier> loader) {
		return tiers.get(brandId + ":" + phone, any -> loader.get());
	}

	void written(ServiceOrder order) {
		if (order.getId() != null) {
			long id = order.getId();
			byId.evict(id);
			idByToken.evictValues(v -> v == id);
		}
		if (order.getConsumerPhone() != null) {
			tiers.evict(order.getBrandId() + ":" + order.getConsumerPhone());
		}
	}

}
