package dev.shifu.platform.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shifu.platform.booking.AppointmentEvents;
import dev.shifu.platform.booking.BookingEvents;
import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.notification.Notifications;
import dev.shifu.platform.notification.Notifications.Template;
import dev.shifu.platform.order.OrderEvents;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.order.OrderStatus;

/**
 * The consumer's messages around the visit: booking confirmed, the reminder the day before, the installer on the
 * way with the ETA, completion. Each has a deduplication key, so a redelivered event or a repeated reminder run
 * sends nothing twice. (The booking link, the booking reminder and the rating request come from the process.)
 */
@Component
class ConsumerMessages {

	/** Orders whose visit is still to come. */
	private static final Set<OrderStatus> VISIT_AHEAD = EnumSet.of(OrderStatus.BOOKED, OrderStatus.AWAITING_GOODS,
			OrderStatus.DISPATCHING, OrderStatus.ASSIGNED, OrderStatus.SCHEDULED, OrderStatus.REWORK_SCHEDULED);

	private static final java.time.format.DateTimeFormatter HH_MM = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

	private final Notifications notifications;

	private final AppointmentService appointments;

	private final OrderLifecycle orders;

	private final BookingRepository bookings;

	private final ConsumerTracking tracking;

	private final Regions regions;

	private final String publicUrl;

	private final int reminderHour;

	private final TransactionTemplate tx;

	private final Clock clock;

	ConsumerMessages(Notifications notifications, AppointmentService appointments, OrderLifecycle orders, BookingRepository bookings,
			ConsumerTracking tracking, Regions regions, @Value("${shifu.public-url}") String publicUrl,
			@Value("${shifu.consumer-link.reminder-hour:10}") int reminderHour, PlatformTransactionManager transactions,
			Optional<Clock> clock) {
		this.notifications = notifications;
		this.appointments = appointments;
		this.orders = orders;
		this.bookings = bookings;
		this.tracking = tracking;
		this.regions = regions;
		this.publicUrl = publicUrl;
		this.reminderHour = reminderHour;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	/** A day or a window was booked (or moved to): the window, when there is one, is the appointment's. */
	@ApplicationModuleListener
	void on(BookingEvents.VisitBooked booked) {
		// Two quick moves: an earlier move's event handled after the later one names a day that no longer stands;
		// the later move's own event confirms the window the consumer now has.
		Optional<LocalDate> current = bookings.findById(booked.orderId()).map(Booking::getBookedDate);
		if (current.isPresent() && !current.get().equals(booked.date())) {
			return;
		}
		orders.find(booked.orderId()).ifPresent(order -> send(order, Template.BOOKING_CONFIRMED,
				Map.of("date", booked.date().toString(), "window", window(order.id(), booked.date())),
				"booked:" + booked.orderId() + ":" + booked.date() + ":" + window(order.id(), booked.date()) + ":"
						+ moves(order.id())));
	}

	/**
	 * How often the window was moved: a move back to a window booked before is a new booking to confirm, while a
	 * redelivered event (read after the same move) keys the same message.
	 */
	private String moves(long orderId) {
		return appointments.appointment(orderId).map(a -> String.valueOf(a.reschedules())).orElse("");
	}

	@ApplicationModuleListener
	void on(AppointmentEvents.RescheduleDecided decided) {
		LocalDate day = decided.approved() ? decided.toDay() : decided.fromDay();
		String code = decided.approved() ? decided.toWindow() : decided.fromWindow();
		String window = appointments.appointment(decided.orderId())
			.filter(a -> a.day().equals(day) && a.windowCode().equals(code))
			.map(ConsumerMessages::range)
			.orElse("");
		orders.find(decided.orderId()).ifPresent(order -> send(order,
				decided.approved() ? Template.RESCHEDULE_APPROVED : Template.RESCHEDULE_DECLINED,
				Map.of("date", day.toString(), "window", window), "reschedule-decided:" + decided.requestId()));
	}

	private String window(long orderId, LocalDate day) {
		return appointments.appointment(orderId).filter(a -> a.day().equals(day)).map(ConsumerMessages::range).orElse("");
	}

	private static String range(Appointment a) {
		return a.start() == null || a.end() == null ? "" : HH_MM.format(a.start()) + "-" + HH_MM.format(a.end());
	}

	@ApplicationModuleListener
	void on(OrderEvents.OrderStatusChanged changed) {
		if (changed.to() != OrderStatus.EN_ROUTE && changed.to() != OrderStatus.COMPLETED) {
			return;
		}
		orders.find(changed.orderId()).ifPresent(order -> {
			if (changed.to() == OrderStatus.EN_ROUTE) {
				String eta = tracking.eta(order).map(ConsumerTracking.Eta::window).orElse("");
				send(order, Template.INSTALLER_EN_ROUTE, Map.of("eta", eta), "en-route:" + order.id() + ":" + changed.sequence());
			}
			else {
				send(order, Template.SERVICE_COMPLETED, Map.of(), "completed:" + order.id() + ":" + changed.sequence());
			}
		});
	}

	@Scheduled(cron = "${shifu.consumer-link.reminder-cron:0 0 * * * *}", zone = "UTC")
	void remindScheduled() {
		remindVisitsTomorrow(clock.instant());
	}

	/**
	 * The day before a visit, from {@code reminderHour} in the order's region: one reminder per visit day, however
	 * often this runs.
	 *
	 * @return how many reminders were queued or already queued
	 */
	int remindVisitsTomorrow(Instant now) {
		LocalDate utcToday = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
		return tx.execute(s -> {
			int count = 0;
			for (Booking booking : bookings.findByBookedDateBetween(utcToday, utcToday.plusDays(2))) {
				Optional<OrderSnapshot> order = orders.find(booking.getOrderId()).filter(o -> VISIT_AHEAD.contains(o.status()));
				if (order.isEmpty()) {
					continue;
				}
				ZonedDateTime local = now.atZone(regions.zoneOf(order.get().regionCode()));
				if (!local.toLocalDate().plusDays(1).equals(booking.getBookedDate()) || local.getHour() < reminderHour) {
					continue;
				}
				send(order.get(), Template.VISIT_REMINDER,
						Map.of("date", booking.getBookedDate().toString(), "window", window(order.get().id(), booking.getBookedDate())),
						"visit-reminder:" + booking.getOrderId() + ":" + booking.getBookedDate());
				count++;
			}
			return count;
		});
	}

	private void send(OrderSnapshot order, Template template, Map<String, String> extra, String key) {
		Map<String, String> parameters = new HashMap<>(extra);
		parameters.put("order", order.externalOrderId());
		parameters.put("link", publicUrl + "/c/" + order.consumerToken());
		notifications.send(order.id(), order.consumerPhone(), template, parameters, key);
	}

}
