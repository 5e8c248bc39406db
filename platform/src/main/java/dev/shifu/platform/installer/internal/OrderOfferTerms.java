package dev.shifu.platform.installer.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.shifu.platform.booking.BookedWindows;
import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.catalog.ServiceCatalog;
import dev.shifu.platform.dispatch.OfferTerms;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.network.ProviderView;
import dev.shifu.platform.order.GoodsStatus;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.workflow.OrderProcess;

/** An offer's terms from the order, its booking, the provider's centre and the catalog: the app's and the provider admin's. */
@Component
class OrderOfferTerms implements OfferTerms {

	private final OrderLifecycle orders;

	private final OrderProcess process;

	private final NetworkDirectory network;

	private final ServiceCatalog catalog;

	private final Regions regions;

	private final BookedWindows windows;

	private final Clock clock;

	OrderOfferTerms(OrderLifecycle orders, OrderProcess process, NetworkDirectory network, ServiceCatalog catalog,
			Regions regions, BookedWindows windows, Optional<Clock> clock) {
		this.orders = orders;
		this.process = process;
		this.network = network;
		this.catalog = catalog;
		this.regions = regions;
		this.windows = windows;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public Optional<Terms> of(long orderId, long providerId) {
		return orders.find(orderId).map(order -> terms(order, providerId));
	}

	private Terms terms(OrderSnapshot order, long providerId) {
		ZoneId zone = regions.zoneOf(order.regionCode());
		Double distance = network.provider(providerId)
			.map(ProviderView::centre)
			.filter(c -> order.location() != null)
			.map(c -> Math.round(c.distanceKm(order.location()) * 10) / 10.0)
			.orElse(null);
		Optional<LocalDate> booked = process.bookedDay(order.id());
		List<Item> items = orders.items(order.id())
			.stream()
			.map(i -> new Item(i.sku(), i.name(), i.category(), i.quantity(), i.serialNumberRequired()))
			.toList();
		District district = new District(order.regionCode(),
				regions.find(order.regionCode()).map(Regions.Region::nameZh).orElse(null));
		Money fee = catalog.feeCents(order.serviceType(), order.regionCode())
			.map(cents -> new Money(cents, "CNY"))
			.orElse(null);
		return new Terms(order.serviceType().name(), items, district, distance,
				booked.map(d -> bookedWindow(order.id(), d, zone)).orElse(null), booked.orElseGet(() -> earliest(order, zone)),
				fee);
	}

	/** The booked day, with the consumer's window times when a window (not just the day) was booked. */
	private BookedWindow bookedWindow(long orderId, LocalDate day, ZoneId zone) {
		return windows.windowOf(orderId)
			.filter(w -> w.day().equals(day))
			.map(w -> new BookedWindow(day, w.start().atDate(day).atZone(zone).toOffsetDateTime(),
					w.end().atDate(day).atZone(zone).toOffsetDateTime()))
			.orElseGet(() -> new BookedWindow(day, null, null));
	}

	/** Not booked yet: tomorrow at the earliest, and not before the goods are expected where the job needs them. */
	private LocalDate earliest(OrderSnapshot order, ZoneId zone) {
		LocalDate tomorrow = LocalDate.now(clock.withZone(zone)).plusDays(1);
		if (order.serviceType().needsGoods() && order.goodsStatus() != GoodsStatus.ARRIVED
				&& order.expectedArrival() != null && order.expectedArrival().isAfter(tomorrow)) {
			return order.expectedArrival();
		}
		return tomorrow;
	}

}
