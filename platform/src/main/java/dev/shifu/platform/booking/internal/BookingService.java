package dev.shifu.platform.booking.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.booking.BookingEvents;
import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.order.GoodsStatus;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.platform.schedule.WindowCapacity;
import dev.shifu.platform.workflow.OrderProcess;
import dev.shifu.platform.workflow.WorkflowEvents;

interface BookingRepository extends JpaRepository<Booking, Long> {

	java.util.List<Booking> findByBookedDateBetween(LocalDate from, LocalDate to);

}

@Service
@Transactional
class BookingService implements dev.shifu.platform.booking.StaffBookings {

	private static final int HORIZON_DAYS = 60;

	private final BookingRepository bookings;

	private final OrderLifecycle orders;

	private final OrderProcess process;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Regions regions;

	private final WindowCapacity capacity;

	private final CancelPolicy cancelPolicy;

	BookingService(BookingRepository bookings, OrderLifecycle orders, OrderProcess process, Optional<Clock> clock,
			ApplicationEventPublisher events, Regions regions, WindowCapacity capacity, CancelPolicy cancelPolicy) {
		this.capacity = capacity;
		this.cancelPolicy = cancelPolicy;
		this.events = events;
		this.bookings = bookings;
		this.orders = orders;
		this.process = process;
		this.regions = regions;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The process waits for a visit to be booked: the first one, a rework or a revisit. */
	@Transactional(readOnly = true)
	boolean awaitsBooking(long orderId) {
		return process.awaitsBooking(orderId);
	}

	/**
	 * Read-only, so the order comes from the node's read cache (a writing transaction bypasses it): this runs on every
	 * consumer request. Without it each windows query loaded the order from the database (p99 120 ms at 500 req/s).
	 */
	@Transactional(readOnly = true)
	OrderSnapshot order(String token) {
		return orders.findByConsumerToken(token).orElseThrow(() -> new NotFoundException("order link", "given"));
	}

	@Transactional(readOnly = true)
	Optional<LocalDate> bookedDate(long orderId) {
		return bookings.findById(orderId).map(Booking::getBookedDate);
	}

	/**
	 * A dispatcher books (or moves) the visit day on the consumer's behalf, e.g. a rework visit agreed on the phone.
	 * Never before the goods are due, and the same day again is a no-op, so a double tap books once. (The consumer's
	 * link books a window instead: {@link AppointmentService#book}.)
	 */
	@Override
	public LocalDate bookFor(long orderId, LocalDate date) {
		return book(orders.find(orderId).orElseThrow(() -> new NotFoundException("order", orderId)), date);
	}

	private LocalDate book(OrderSnapshot order, LocalDate date) {
		// The consumer's calendar: days are counted in the order's region's zone.
		LocalDate today = LocalDate.ofInstant(clock.instant(), regions.zoneOf(order.regionCode()));
		if (!date.isAfter(today)) {
			throw new InvalidFieldException("date", "must be after today");
		}
		if (date.isAfter(today.plusDays(HORIZON_DAYS))) {
			throw new InvalidFieldException("date", "must be within " + HORIZON_DAYS + " days");
		}
		if (order.serviceType().needsGoods() && order.goodsStatus() == GoodsStatus.SHIPPED && order.expectedArrival() != null
				&& date.isBefore(order.expectedArrival())) {
			throw new InvalidFieldException("date", "must not be before the goods arrive on " + order.expectedArrival());
		}
		Optional<Booking> existing = bookings.findById(order.id());
		boolean awaitingBooking = process.awaitsBooking(order.id());
		if (existing.isPresent() && existing.get().getBookedDate().equals(date) && !awaitingBooking) {
			return date;
		}
		if (awaitingBooking) {
			process.visitBooked(order.id(), date);
		}
		else if (process.acceptsBookingChange(order.id())) {
			process.visitMoved(order.id(), date);
		}
		else {
			throw new ConflictException("not-bookable", "The visit of this order cannot be booked or moved now");
		}
		existing.ifPresentOrElse(b -> b.move(date), () -> bookings.save(new Booking(order.id(), date)));
		// The plan takes the whole day (no window): the schedule's published interface, not an event it listens to.
		capacity.bookDay(order.id(), date);
		events.publishEvent(new BookingEvents.VisitBooked(order.id(), date));
		return date;
	}

	void cancel(String token, String reason) {
		OrderSnapshot order = order(token);
		cancelPolicy.check(order, bookedDate(order.id()).orElse(null));
		orders.cancel(order.id(), "consumer", reason);
	}

	/** A rebooking or a cancellation freed the day; the consumer books again through the same link. */
	@ApplicationModuleListener
	void on(WorkflowEvents.BookingReleased released) {
		// Only the day the process released: a replayed event must not delete a newer booking.
		bookings.findById(released.orderId())
			.filter(b -> released.bookedDate() == null || b.getBookedDate().equals(released.bookedDate()))
			.ifPresent(bookings::delete);
	}

}
