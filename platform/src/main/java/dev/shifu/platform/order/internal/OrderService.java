package dev.shifu.platform.order.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.order.GoodsStatus;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.shared.NotFoundException;

/** Reads and brand-side changes of orders. A brand reaches only its own orders; others' ids are simply not found. */
@Service
@Transactional
class OrderService {

	private final ServiceOrderRepository orders;

	private final OrderLifecycleService lifecycle;

	private final String publicUrl;

	private final Regions regions;

	OrderService(ServiceOrderRepository orders, OrderLifecycleService lifecycle, Regions regions,
			@org.springframework.beans.factory.annotation.Value("${shifu.public-url}") String publicUrl) {
		this.orders = orders;
		this.lifecycle = lifecycle;
		this.regions = regions;
		this.publicUrl = publicUrl;
	}

	record Filter(OrderStatus status, String region, LocalDate from, LocalDate to) {
	}

	@Transactional(readOnly = true)
	Page<OrderView> list(Actor actor, Filter filter, Pageable page) {
		// Creation days are counted in the filtered region's zone, or the platform's default zone.
		ZoneId zone = filter.region() != null ? regions.zoneOf(filter.region()) : regions.defaultZone();
		return orders.findAll(spec(actor, filter, zone), page).map(o -> OrderView.of(o, actor, false));
	}

	@Transactional(readOnly = true)
	OrderView get(Actor actor, long id) {
		ServiceOrder order = visible(actor, id);
		return OrderView.of(order, actor, true).withConsumerLink(order, actor, publicUrl);
	}

	OrderView cancel(Actor actor, long id, String reason) {
		ServiceOrder order = visible(actor, id);
		if (order.getStatus() == OrderStatus.CANCELLED && reason.equals(order.getCancelReason())) {
			return OrderView.of(order, actor, true);
		}
		return OrderView.of(lifecycle.cancel(order, actor.name(), reason), actor, true);
	}

	OrderView updateGoods(Actor actor, long id, GoodsStatus status, LocalDate expectedArrival) {
		ServiceOrder order = visible(actor, id);
		if (order.updateGoods(status, expectedArrival)) {
			orders.save(order);
		}
		return OrderView.of(order, actor, true);
	}

	private ServiceOrder visible(Actor actor, long id) {
		return orders.findById(id)
			.filter(o -> actor.isPlatformStaff() || (actor.isBrand() && o.getBrandId().equals(actor.brandId())))
			.orElseThrow(() -> new NotFoundException("order", id));
	}

	private static Specification<ServiceOrder> spec(Actor actor, Filter filter, ZoneId zone) {
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			if (!actor.isPlatformStaff()) {
				where.add(cb.equal(root.get("brandId"), actor.brandId()));
			}
			if (filter.status() != null) {
				where.add(cb.equal(root.get("status"), filter.status()));
			}
			if (filter.region() != null) {
				// A city (3301xx → 330100) or province (330000) code covers all its districts.
				String region = filter.region();
				String prefix = region.endsWith("0000") ? region.substring(0, 2)
						: region.endsWith("00") ? region.substring(0, 4) : region;
				where.add(prefix.length() == 6 ? cb.equal(root.get("regionCode"), region)
						: cb.like(root.get("regionCode"), prefix + "%"));
			}
			if (filter.from() != null) {
				where.add(cb.greaterThanOrEqualTo(root.get("createdAt"),
						filter.from().atStartOfDay(zone).toInstant()));
			}
			if (filter.to() != null) {
				where.add(cb.lessThan(root.get("createdAt"),
						filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}

}
