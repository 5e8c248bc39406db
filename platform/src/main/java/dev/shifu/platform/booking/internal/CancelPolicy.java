package dev.shifu.platform.booking.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.identity.BrandDirectory;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.shared.ConflictException;

/** Whether the consumer may cancel from the link, by the brand's policy; the cancel itself is the workflow's. */
@Component
class CancelPolicy {

	/** Before a provider has the job. */
	private static final Set<OrderStatus> BEFORE_DISPATCH = EnumSet.of(OrderStatus.RECEIVED, OrderStatus.AWAITING_BOOKING,
			OrderStatus.BOOKED, OrderStatus.AWAITING_GOODS, OrderStatus.DISPATCHING);

	private final BookingSettings settings;

	private final BrandDirectory brands;

	private final Regions regions;

	private final Clock clock;

	CancelPolicy(BookingSettings settings, BrandDirectory brands, Regions regions, Optional<Clock> clock) {
		this.settings = settings;
		this.brands = brands;
		this.regions = regions;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** @param visitDay the booked day, if any */
	void check(OrderSnapshot order, LocalDate visitDay) {
		String brand = brands.find(order.brandId()).map(BrandDirectory.BrandInfo::code).orElse("");
		switch (settings.cancelOf(brand)) {
			case NEVER -> throw new ConflictException("cancel-not-allowed",
					"This brand does not take cancellations through the link: please call the brand");
			case BEFORE_DISPATCH -> {
				if (!BEFORE_DISPATCH.contains(order.status())) {
					throw new ConflictException("cancel-not-allowed",
							"The job is already with an installer: cancelling through the link is no longer possible");
				}
			}
			case BEFORE_DAY -> {
				LocalDate today = LocalDate.ofInstant(clock.instant(), regions.zoneOf(order.regionCode()));
				if (visitDay != null && !today.isBefore(visitDay)) {
					throw new ConflictException("cancel-not-allowed",
							"The visit is today or past: cancelling through the link is no longer possible");
				}
			}
		}
	}

}
