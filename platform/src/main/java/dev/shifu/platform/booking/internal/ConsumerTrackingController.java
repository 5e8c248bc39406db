package dev.shifu.platform.booking.internal;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.order.ConsumerLinks;
import dev.shifu.platform.order.OrderSnapshot;

/** The tracking part of the consumer's page; the guard in front has refused replaced and expired links. */
@RestController
@Tag(name = "Consumer", description = "What a consumer does through the link in their message")
class ConsumerTrackingController {

	private final BookingService bookings;

	private final ConsumerTracking tracking;

	private final ConsumerLinks links;

	private final ConsumerLinkGuard guard;

	ConsumerTrackingController(BookingService bookings, ConsumerTracking tracking, ConsumerLinks links,
			ConsumerLinkGuard guard) {
		this.bookings = bookings;
		this.tracking = tracking;
		this.links = links;
		this.guard = guard;
	}

	/**
	 * @param locale the order's language (zh-CN or en) when the brand named one or the browser asked for one
	 * @param readOnly the order is finished: the link shows the outcome and accepts nothing
	 * @param visitToBook a visit waits for the consumer's booking: the first one, or a rework or revisit after one
	 */
	record TrackingView(String locale, boolean readOnly, String goodsStatus, java.time.LocalDate expectedArrival,
			boolean goodsNeeded, boolean visitToBook, ConsumerTracking.Tracking tracking) {
	}

	@GetMapping("/api/v1/consumer/{token}/tracking")
	@Operation(summary = "The order's steps with times, who comes (first name, rating, crew, a masked number) and the ETA window")
	TrackingView get(@PathVariable String token) {
		OrderSnapshot order = bookings.order(token);
		return new TrackingView(links.locale(order.id()).map(Locale::toLanguageTag).orElse(null),
				guard.state(token) == ConsumerLinkGuard.State.READ_ONLY, order.goodsStatus().name(), order.expectedArrival(),
				order.serviceType().needsGoods(), bookings.awaitsBooking(order.id()), tracking.of(order));
	}

}
