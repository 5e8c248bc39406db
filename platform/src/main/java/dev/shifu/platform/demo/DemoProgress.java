package dev.shifu.platform.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.shifu.platform.booking.StaffBookings;
import dev.shifu.platform.dispatch.ProviderOffers;
import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderStatus;

/**
 * Moves some freshly loaded demo orders on as consumers and providers would: books their visit on one of the next
 * days, then accepts their offer for the provider it went to. The installer app shows only accepted jobs, so without
 * this the demo's crews would sign in to empty days. Runs on the scheduler, as the processes move asynchronously.
 */
@Component
@ConditionalOnProperty(name = "shifu.demo.enabled", havingValue = "true")
class DemoProgress {

	private static final Logger log = LoggerFactory.getLogger(DemoProgress.class);

	private final StaffBookings bookings;

	private final ProviderOffers offers;

	private final OrderLifecycle orders;

	/** Order id → the day to book; removed once its offer is accepted (or it cannot go on). */
	private final Map<Long, LocalDate> following = new ConcurrentHashMap<>();

	private final Set<Long> booked = ConcurrentHashMap.newKeySet();

	private final List<Long> providers = new java.util.concurrent.CopyOnWriteArrayList<>();

	DemoProgress(StaffBookings bookings, ProviderOffers offers, OrderLifecycle orders) {
		this.bookings = bookings;
		this.offers = offers;
		this.orders = orders;
	}

	/** The demo's providers, whose admins accept the offers. */
	void providers(List<Long> providerIds) {
		providers.addAll(providerIds);
	}

	void follow(long orderId, LocalDate day) {
		following.put(orderId, day);
	}

	@Scheduled(fixedDelayString = "${shifu.demo.progress-delay:PT3S}")
	void step() {
		if (following.isEmpty()) {
			return;
		}
		following.forEach((orderId, day) -> {
			if (booked.contains(orderId)) {
				return;
			}
			OrderStatus status = orders.find(orderId).map(o -> o.status()).orElse(null);
			if (status == OrderStatus.AWAITING_BOOKING) {
				try {
					bookings.bookFor(orderId, day);
					booked.add(orderId);
				}
				catch (RuntimeException cannot) {
					// e.g. goods arrive later than the day: this order waits for its consumer like the others
					following.remove(orderId);
					log.debug("Demo order {} not booked: {}", orderId, cannot.getMessage());
				}
			}
		});
		for (long providerId : providers) {
			Actor admin = new Actor("demo-progress", Set.of(Role.PROVIDER_ADMIN), null, providerId, null);
			for (ProviderOffers.OfferInfo offer : offers.openOffers(admin)) {
				if (booked.contains(offer.orderId()) && following.containsKey(offer.orderId())) {
					try {
						offers.acceptOffer(admin, offer.id());
					}
					catch (RuntimeException raced) {
						log.debug("Demo offer {} not accepted: {}", offer.id(), raced.getMessage());
					}
					following.remove(offer.orderId());
				}
			}
		}
	}

}
