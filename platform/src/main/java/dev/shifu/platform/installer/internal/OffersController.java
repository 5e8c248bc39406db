package dev.shifu.platform.installer.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.mobile.server.api.OffersApi;
import dev.shifu.mobile.server.model.OfferDeclineDto;
import dev.shifu.mobile.server.model.OfferDto;
import dev.shifu.platform.booking.BookedWindows;
import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.catalog.ServiceCatalog;
import dev.shifu.platform.dispatch.ProviderOffers;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.network.ProviderView;
import dev.shifu.platform.order.GoodsStatus;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.workflow.OrderProcess;

/**
 * Offers for installers who work alone and for provider admins, answered through dispatch's own service (the same
 * process steps as the provider-admin API), shown with what is being accepted.
 */
@RestController
@RequestMapping(MobileSecurityConfig.BASE)
class OffersController implements OffersApi {

	private final ProviderOffers offers;

	private final OrderLifecycle orders;

	private final OrderProcess process;

	private final NetworkDirectory network;

	private final ServiceCatalog catalog;

	private final Regions regions;

	private final MobileMapper mapper;

	private final BookedWindows windows;

	private final Clock clock;

	OffersController(ProviderOffers offers, OrderLifecycle orders, OrderProcess process, NetworkDirectory network,
			ServiceCatalog catalog, Regions regions, MobileMapper mapper, BookedWindows windows, Optional<Clock> clock) {
		this.windows = windows;
		this.offers = offers;
		this.orders = orders;
		this.process = process;
		this.network = network;
		this.catalog = catalog;
		this.regions = regions;
		this.mapper = mapper;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public ResponseEntity<List<OfferDto>> listOffers() {
		MobileAuth.MobileInstaller who = answering();
		return ResponseEntity.ok(mapper.offers(offers.openOffers(who.actor()).stream().map(this::details).toList()));
	}

	@Override
	public ResponseEntity<OfferDto> acceptOffer(Long offerId) {
		MobileAuth.MobileInstaller who = answering();
		return ResponseEntity.ok(mapper.offer(details(offers.acceptOffer(who.actor(), offerId))));
	}

	@Override
	public ResponseEntity<OfferDto> declineOffer(Long offerId, OfferDeclineDto request) {
		MobileAuth.MobileInstaller who = answering();
		String note = request.getNote() == null ? "" : request.getNote().strip();
		if (request.getReason() == OfferDeclineDto.ReasonEnum.OTHER && note.isEmpty()) {
			throw new InvalidFieldException("note", "is required when the reason is OTHER");
		}
		String reason = request.getReason().getValue() + (note.isEmpty() ? "" : ": " + note);
		return ResponseEntity.ok(mapper.offer(details(offers.declineOffer(who.actor(), offerId, reason))));
	}

	private MobileAuth.MobileInstaller answering() {
		MobileAuth.MobileInstaller who = MobileInstallers.current();
		if (!who.canAnswerOffers()) {
			throw new AccessDeniedException("only installers working alone and provider admins answer offers");
		}
		return who;
	}

	private MobileViews.Offer details(ProviderOffers.OfferInfo offer) {
		OrderSnapshot order = orders.find(offer.orderId()).orElseThrow();
		ZoneId zone = regions.zoneOf(order.regionCode());
		Optional<ProviderView> provider = network.provider(offer.providerId());
		Double distance = provider.map(ProviderView::centre)
			.filter(c -> order.location() != null)
			.map(c -> Math.round(c.distanceKm(order.location()) * 10) / 10.0)
			.orElse(null);
		Optional<LocalDate> booked = process.bookedDay(order.id());
		List<MobileViews.Item> items = orders.items(order.id())
			.stream()
			.map(i -> new MobileViews.Item(i.sku(), i.name(), i.category(), i.quantity(), i.serialNumberRequired()))
			.toList();
		MobileViews.District district = new MobileViews.District(order.regionCode(),
				regions.find(order.regionCode()).map(Regions.Region::nameZh).orElse(null));
		MobileViews.Money fee = catalog.feeCents(order.serviceType(), order.regionCode())
			.map(cents -> new MobileViews.Money(cents, "CNY"))
			.orElse(null);
		return new MobileViews.Offer(offer.id(), offer.orderId(), offer.status(), at(offer.offeredAt(), zone),
				at(offer.expiresAt(), zone), order.serviceType().name(), items, district, distance,
				booked.map(d -> bookedWindow(order.id(), d, zone)).orElse(null),
				booked.orElseGet(() -> earliest(order, zone)), fee, offer.declineReason());
	}

	/** The booked day, with the consumer's window times when a window (not just the day) was booked. */
	private MobileViews.BookedWindow bookedWindow(long orderId, LocalDate day, ZoneId zone) {
		return windows.windowOf(orderId)
			.filter(w -> w.day().equals(day))
			.map(w -> new MobileViews.BookedWindow(day, w.start().atDate(day).atZone(zone).toOffsetDateTime(),
					w.end().atDate(day).atZone(zone).toOffsetDateTime()))
			.orElseGet(() -> new MobileViews.BookedWindow(day, null, null));
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

	private static OffsetDateTime at(java.time.Instant instant, ZoneId zone) {
		return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
	}

}
