package dev.shifu.platform.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.booking.AppointmentEvents;
import dev.shifu.platform.booking.BookingEvents;
import dev.shifu.platform.booking.internal.BookingSettings.TierRights;
import dev.shifu.platform.booking.internal.BookingSettings.WindowDef;
import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.dispatch.ProviderPolicy;
import dev.shifu.platform.identity.BrandDirectory;
import dev.shifu.platform.order.GoodsStatus;
import dev.shifu.platform.order.MemberTier;
import dev.shifu.platform.order.MemberTiers;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.schedule.WindowCapacity;
import dev.shifu.platform.schedule.WindowCapacity.OpenWindow;
import dev.shifu.platform.schedule.WindowCapacity.Window;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.platform.workflow.OrderProcess;

/**
 * The consumer's windows, their booking and rescheduling (with a dispatcher's approval when late). The windows come
 * from the schedule's capacity view, for the installers dispatch allows; the tier rights, goods and catalogue are
 * the brand's.
 */
@Service
@Transactional
class AppointmentService {

	private final BookingSettings settings;

	private final WindowCapacity capacity;

	private final ProviderPolicy policy;

	private final MemberTiers members;

	private final BrandDirectory brands;

	private final Regions regions;

	private final OrderProcess process;

	private final AppointmentRepository appointments;

	private final RescheduleRequestRepository requests;

	private final BookingRepository bookings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AppointmentService(BookingSettings settings, WindowCapacity capacity, ProviderPolicy policy, MemberTiers members,
			BrandDirectory brands, Regions regions, OrderProcess process, AppointmentRepository appointments,
			RescheduleRequestRepository requests, BookingRepository bookings, ApplicationEventPublisher events,
			Optional<Clock> clock) {
		this.settings = settings;
		this.capacity = capacity;
		this.policy = policy;
		this.members = members;
		this.brands = brands;
		this.regions = regions;
		this.process = process;
		this.appointments = appointments;
		this.requests = requests;
		this.bookings = bookings;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Why no window is shown before any capacity is asked: the goods are not there yet. */
	record Offer(MemberTier tier, List<OpenWindow> windows, String noWindowsReason) {
	}

	/** The rights of the order's member, the same for all their orders of the brand. */
	record Rights(MemberTier tier, TierRights rights, String brandCode) {
	}

	@Transactional(readOnly = true)
	Optional<Appointment> appointment(long orderId) {
		return appointments.findById(orderId);
	}

	@Transactional(readOnly = true)
	Optional<RescheduleRequest> pending(long orderId) {
		return requests.findFirstByOrderIdAndStatus(orderId, RescheduleRequest.Status.PENDING);
	}

	@Transactional(readOnly = true)
	Optional<RescheduleRequest> lastDecided(long orderId) {
		return requests.findByOrderIdOrderByIdDesc(orderId)
			.stream()
			.filter(r -> r.status() == RescheduleRequest.Status.APPROVED || r.status() == RescheduleRequest.Status.DECLINED)
			.findFirst();
	}

	/** Every move of the order's window with its reason, newest first: waiting, decided and applied at once. */
	@Transactional(readOnly = true)
	List<RescheduleRequest> moves(long orderId) {
		return requests.findByOrderIdOrderByIdDesc(orderId);
	}

	boolean callbackOffered(long orderId) {
		return appointment(orderId).map(a -> a.reschedules() >= settings.maxReschedules()).orElse(false);
	}

	int reschedulesLeft(long orderId) {
		return Math.max(0, settings.maxReschedules() - appointment(orderId).map(Appointment::reschedules).orElse(0));
	}

	Rights rights(OrderSnapshot order) {
		String brandCode = brands.find(order.brandId()).map(BrandDirectory.BrandInfo::code).orElse("");
		return new Rights(members.tierOf(order), settings.tiersOf(brandCode), brandCode);
	}

	/** The windows the order may be booked in now: the brand's catalogue on the days the tier and goods allow. */
	@Transactional(readOnly = true)
	Offer offer(OrderSnapshot order) {
		Rights rights = rights(order);
		List<Window> candidates = new ArrayList<>();
		String reason = candidates(order, rights, candidates);
		if (reason != null) {
			return new Offer(rights.tier(), List.of(), reason);
		}
		List<OpenWindow> open = capacity.openWindows(order.id(), policy.allowedProviders(order.id()), candidates,
				rights.rights().rating());
		if (!rights.rights().premium(rights.tier())) {
			open = open.stream().map(w -> new OpenWindow(w.window(), false)).toList();
		}
		return new Offer(rights.tier(), open, open.isEmpty() ? "NO_CAPACITY" : null);
	}

	/** Fills the candidate windows; returns why there are none (goods), or null. */
	private String candidates(OrderSnapshot order, Rights rights, List<Window> into) {
		LocalDate today = today(order);
		LocalDate first = today.plusDays(rights.rights().firstDayOf(rights.tier()));
		LocalDate last = lastDay(order, rights);
		if (order.serviceType().needsGoods() && order.goodsStatus() != GoodsStatus.ARRIVED) {
			if (order.goodsStatus() != GoodsStatus.SHIPPED || order.expectedArrival() == null) {
				return "GOODS_NOT_ARRIVED";
			}
			LocalDate goods = order.expectedArrival().plusDays(settings.goodsMarginDays());
			if (goods.isAfter(first)) {
				first = goods;
			}
		}
		List<WindowDef> catalogue = catalogue(order, rights);
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			for (WindowDef def : catalogue) {
				into.add(new Window(day, def.code(), def.start(), def.end()));
			}
		}
		return into.isEmpty() ? "NO_CAPACITY" : null;
	}

	private List<WindowDef> catalogue(OrderSnapshot order, Rights rights) {
		return settings.catalogue(rights.brandCode(), order.serviceType().name())
			.stream()
			.filter(w -> !BookingSettings.EVENING.equals(w.code()) || rights.rights().evening(rights.tier()))
			.toList();
	}

	/**
	 * Books the visit's window. The same window again is a no-op (a double tap); another window while one is booked is
	 * a 409 (reschedule instead), unless the process waits for a new visit's booking (a rework or a revisit).
	 */
	Appointment book(OrderSnapshot order, LocalDate day, String code, boolean premium) {
		Optional<Appointment> existing = appointments.findById(order.id());
		boolean awaitsBooking = process.awaitsBooking(order.id());
		if (existing.isPresent()) {
			if (existing.get().isAt(day, code)) {
				return existing.get();
			}
			if (!awaitsBooking) {
				throw new ConflictException("already-booked",
						"A window is already booked for this order; reschedule it instead");
			}
			// The process waits for a new visit (a rework, or a revisit after the consumer was not home): the
			// appointment belongs to a visit that is over, and this booking replaces it (with its reschedule count).
			appointments.delete(existing.get());
			appointments.flush();
		}
		if (!awaitsBooking) {
			throw new ConflictException("not-bookable", "The visit of this order cannot be booked now");
		}
		Rights rights = rights(order);
		WindowDef window = offered(order, rights, day, code, premium);
		capacity.reserve(order.id(), policy.allowedProviders(order.id()), new Window(day, code, window.start(), window.end()),
				premium, rights.rights().rating());
		process.visitBooked(order.id(), day);
		Appointment booked = appointments.save(new Appointment(order.id(), day, window, premium));
		bookings.findById(order.id()).ifPresentOrElse(b -> b.move(day), () -> bookings.save(new Booking(order.id(), day)));
		events.publishEvent(new BookingEvents.VisitBooked(order.id(), day));
		events.publishEvent(new AppointmentEvents.WindowBooked(order.id(), day, code, window.start(), window.end(), false));
		return booked;
	}

	/**
	 * Moves the booked window: at once when the window is far enough ahead, else as a request for a dispatcher while
	 * the old window stands. At most {@code maxReschedules} times.
	 *
	 * @return the pending request, or empty when the move was applied
	 */
	Optional<RescheduleRequest> reschedule(OrderSnapshot order, LocalDate day, String code, boolean premium,
			RescheduleRequest.Reason reason, String note) {
		Appointment current = appointments.findById(order.id())
			.orElseThrow(() -> new ConflictException("not-booked", "No window is booked yet: book one first"));
		if (reason == RescheduleRequest.Reason.OTHER && (note == null || note.isBlank())) {
			throw new InvalidFieldException("note", "is required when the reason is OTHER");
		}
		if (pending(order.id()).isPresent()) {
			throw new ConflictException("approval-pending",
					"A reschedule is waiting for the dispatcher's approval; the booked window stands until then");
		}
		if (current.reschedules() >= settings.maxReschedules()) {
			throw new ConflictException("reschedule-limit", "This visit was moved " + current.reschedules()
					+ " times already; ask for a call-back instead");
		}
		if (current.isAt(day, code)) {
			throw new InvalidFieldException("window", "is the window already booked");
		}
		Rights rights = rights(order);
		offered(order, rights, day, code, premium);
		Instant windowStarts = current.day().atTime(current.start()).atZone(zone(order)).toInstant();
		if (clock.instant().plus(settings.approvalBefore()).isAfter(windowStarts)) {
			RescheduleRequest request = requests.save(new RescheduleRequest(order.id(), current, day, code, premium, reason,
					note == null ? null : note.strip()));
			events.publishEvent(new AppointmentEvents.RescheduleRequested(request.id(), order.id(), current.day(),
					current.windowCode(), day, code, reason.name()));
			return Optional.of(request);
		}
		// Taken before the move changes the appointment: the record names the window it left.
		RescheduleRequest moved = RescheduleRequest.moved(order.id(), current, day, code, premium, reason,
				note == null ? null : note.strip());
		move(order, current, day, code, premium, rights);
		requests.save(moved);
		return Optional.empty();
	}

	/** A dispatcher's decision on a late reschedule; approving reserves the new window now (it may be taken: 409). */
	RescheduleRequest decide(long requestId, OrderSnapshot order, boolean approve, String by, String note) {
		RescheduleRequest request = requests.findById(requestId)
			.orElseThrow(() -> new NotFoundException("reschedule request", requestId));
		if (request.status() != RescheduleRequest.Status.PENDING) {
			throw new ConflictException("already-decided", "This reschedule was already " + request.status());
		}
		if (approve) {
			Appointment current = appointments.findById(request.orderId())
				.orElseThrow(() -> new ConflictException("not-booked", "The order has no booked window any more"));
			Rights rights = rights(order);
			WindowDef window = catalogue(order, rights).stream()
				.filter(w -> w.code().equals(request.toWindow()))
				.findFirst()
				.orElseThrow(() -> new ConflictException("window-gone", "The requested window is no longer offered"));
			moveTo(order, current, request.toDay(), window, request.premium(), rights);
		}
		request.decide(approve, by, note);
		events.publishEvent(new AppointmentEvents.RescheduleDecided(request.id(), request.orderId(), approve,
				request.fromDay(), request.fromWindow(), request.toDay(), request.toWindow(), note));
		return request;
	}

	@Transactional(readOnly = true)
	List<RescheduleRequest> pendingRequests() {
		return requests.findByStatusOrderByIdAsc(RescheduleRequest.Status.PENDING);
	}

	@Transactional(readOnly = true)
	Optional<RescheduleRequest> request(long id) {
		return requests.findById(id);
	}

	private void move(OrderSnapshot order, Appointment current, LocalDate day, String code, boolean premium, Rights rights) {
		WindowDef window = offered(order, rights, day, code, premium);
		moveTo(order, current, day, window, premium, rights);
	}

	private void moveTo(OrderSnapshot order, Appointment current, LocalDate day, WindowDef window, boolean premium,
			Rights rights) {
		if (!day.equals(current.day())) {
			if (!process.acceptsBookingChange(order.id())) {
				throw new ConflictException("not-bookable", "The visit of this order cannot be moved now");
			}
			process.visitMoved(order.id(), day);
		}
		capacity.reserve(order.id(), policy.allowedProviders(order.id()),
				new Window(day, window.code(), window.start(), window.end()), premium, rights.rights().rating());
		current.moveTo(day, window, premium);
		bookings.findById(order.id()).ifPresentOrElse(b -> b.move(day), () -> bookings.save(new Booking(order.id(), day)));
		events.publishEvent(new BookingEvents.VisitBooked(order.id(), day));
		events.publishEvent(new AppointmentEvents.WindowBooked(order.id(), day, window.code(), window.start(), window.end(),
				true));
	}

	/** The window must be one the consumer may book now (tier, goods, catalogue, not past); capacity is checked on reserve. */
	private WindowDef offered(OrderSnapshot order, Rights rights, LocalDate day, String code, boolean premium) {
		if (!day.isAfter(today(order))) {
			throw new InvalidFieldException("date", "is in the past or today: choose one of the offered windows");
		}
		// The same horizon the candidates are built on: a day past it is the date's fault, not the window's.
		if (day.isAfter(lastDay(order, rights))) {
			throw new InvalidFieldException("date", "is more than " + settings.windowDaysOf(rights.brandCode())
					+ " days ahead: choose one of the offered windows");
		}
		// Before the member tier's first day: the date's fault too (a window there is offered to other tiers).
		LocalDate first = today(order).plusDays(rights.rights().firstDayOf(rights.tier()));
		if (day.isBefore(first)) {
			throw new InvalidFieldException("date", "is before " + first + ", the first day a " + rights.tier()
					+ " member books with this brand: choose one of the offered windows");
		}
		if (premium && !rights.rights().premium(rights.tier())) {
			throw new InvalidFieldException("premium", "is a right of " + rights.rights().premium() + " members");
		}
		List<Window> candidates = new ArrayList<>();
		String reason = candidates(order, rights, candidates);
		if (reason != null) {
			throw new ConflictException("no-windows", "No window can be booked now: " + reason);
		}
		Window window = candidates.stream()
			.filter(w -> w.day().equals(day) && w.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new InvalidFieldException("window", "was never offered for " + day + ": choose one of the offered windows"));
		return new WindowDef(window.code(), window.start(), window.end());
	}

	ZoneId zone(OrderSnapshot order) {
		return regions.zoneOf(order.regionCode());
	}

	private LocalDate today(OrderSnapshot order) {
		return LocalDate.ofInstant(clock.instant(), zone(order));
	}

	/** The last day windows are offered on: the brand's {@code window-days} after today in the order's region. */
	private LocalDate lastDay(OrderSnapshot order, Rights rights) {
		return today(order).plusDays(settings.windowDaysOf(rights.brandCode()));
	}

	Set<Long> providers(long orderId) {
		return policy.allowedProviders(orderId);
	}

}
