package dev.shifu.platform.booking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.planner.domain.Location;
import dev.shifu.planner.travel.HaversineTravelTime;
import dev.shifu.planner.travel.TravelTime;
import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.order.ConsumerLinks;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.schedule.PlannedVisits;
import dev.shifu.platform.workflow.OrderProcess;

/**
 * What the consumer's tracking page shows: the steps so far, who comes (first name, rating, crew, a number behind
 * {@link InstallerContact}), and when: an ETA window from the live plan, refined once the installer is on the way
 * from their last reported position and the planner's travel-time model.
 */
@Service
@Transactional(readOnly = true)
class ConsumerTracking {

	/** From here on the plan knows who comes; before, nobody is named. */
	private static final Set<OrderStatus> PLANNED = EnumSet.of(OrderStatus.SCHEDULED, OrderStatus.IN_SERVICE,
			OrderStatus.EN_ROUTE, OrderStatus.ARRIVED, OrderStatus.STARTED, OrderStatus.COMPLETED, OrderStatus.RATED,
			OrderStatus.UNRATED, OrderStatus.REWORK_SCHEDULED);

	private static final Set<OrderStatus> ETA_SHOWN = EnumSet.of(OrderStatus.SCHEDULED, OrderStatus.IN_SERVICE,
			OrderStatus.EN_ROUTE, OrderStatus.REWORK_SCHEDULED);

	/** Half the ETA window around the plan's arrival, and around an arrival computed from a position. */
	private static final Duration PLAN_SPREAD = Duration.ofMinutes(30);

	private static final Duration POSITION_SPREAD = Duration.ofMinutes(10);

	/** A position older than this says little about now. */
	private static final Duration POSITION_FRESH = Duration.ofMinutes(30);

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private final ConsumerLinks links;

	private final PlannedVisits plan;

	private final NetworkDirectory network;

	private final OrderProcess process;

	private final InstallerContact contact;

	private final InstallerPositionRepository positions;

	private final Regions regions;

	private final Clock clock;

	private final BookingRepository bookings;

	private final TravelTime travel = HaversineTravelTime.cityDefault();

	ConsumerTracking(ConsumerLinks links, PlannedVisits plan, NetworkDirectory network, OrderProcess process,
			InstallerContact contact, InstallerPositionRepository positions, Regions regions, Optional<Clock> clock,
			BookingRepository bookings) {
		this.bookings = bookings;
		this.links = links;
		this.plan = plan;
		this.network = network;
		this.process = process;
		this.contact = contact;
		this.positions = positions;
		this.regions = regions;
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	record Tracking(List<ConsumerLinks.Step> steps, Installer installer, Eta eta, String zoneId) {
	}

	/**
	 * {@code firstName}: a Chinese name's surname (shown as 王师傅), else the first word; {@code latinName}: the same in
	 * Latin letters for the English page (王 → Wang, as "Installer Wang").
	 */
	record Installer(String firstName, String latinName, double rating, int ratingCount, int crewSize, String phone) {
	}

	/** {@code source}: PLAN, or POSITION once the installer on the way reported where they are. */
	record Eta(LocalDateTime from, LocalDateTime to, String window, String source) {
	}

	Tracking of(OrderSnapshot order) {
		Optional<PlannedVisits.PlannedVisit> visit = PLANNED.contains(order.status())
				? plan.visitOf(order.id()) : Optional.empty();
		Installer installer = installer(order, visit).orElse(null);
		Eta eta = ETA_SHOWN.contains(order.status()) ? eta(order, visit).orElse(null) : null;
		return new Tracking(links.steps(order.id()), installer, eta, regions.zoneOf(order.regionCode()).getId());
	}

	/** The ETA window, e.g. for the en-route message; empty when neither plan nor position gives one. */
	Optional<Eta> eta(OrderSnapshot order) {
		return eta(order, plan.visitOf(order.id()));
	}

	private Optional<Installer> installer(OrderSnapshot order, Optional<PlannedVisits.PlannedVisit> visit) {
		if (!PLANNED.contains(order.status())) {
			return Optional.empty();
		}
		// A plan published before the accept reached the solver may show another provider's installer: not them.
		Optional<Long> provider = process.assignedProviderId(order.id());
		Optional<Long> lead = visit.map(v -> v.installerIds().get(0))
			.filter(id -> provider.isEmpty() || network.installer(id).map(i -> i.providerId() == provider.get()).orElse(false))
			.or(() -> process.assignedInstallerId(order.id()));
		return lead.flatMap(network::installer)
			.map(i -> new Installer(firstName(i.name()), latin(firstName(i.name())), Math.round(i.rating() * 10) / 10.0, i.ratingCount(),
					Math.max(order.crewSize(), i.crewSize()), contact.numberFor(order.id(), i)));
	}

	private Optional<Eta> eta(OrderSnapshot order, Optional<PlannedVisits.PlannedVisit> visit) {
		ZoneId zone = regions.zoneOf(order.regionCode());
		Instant now = clock.instant();
		if (order.status() == OrderStatus.EN_ROUTE && order.location() != null) {
			Optional<InstallerPosition> position = positions.findById(order.id())
				.filter(p -> p.getReportedAt().isAfter(now.minus(POSITION_FRESH)));
			if (position.isPresent()) {
				long seconds = travel.seconds(new Location("installer", position.get().getLat(), position.get().getLng()),
						new Location("consumer", order.location().lat(), order.location().lng()));
				LocalDateTime arrival = LocalDateTime.ofInstant(position.get().getReportedAt().plusSeconds(seconds), zone);
				LocalDateTime earliest = LocalDateTime.ofInstant(now, zone);
				return Optional.of(window(arrival.isBefore(earliest) ? earliest : arrival, POSITION_SPREAD, "POSITION"));
			}
		}
		// The planned start, not the arrival: a crew early for a booked afternoon waits for its window, and the
		// consumer was told the morning (the en-route message said 07:34-08:34 for a 13:00-17:00 booking).
		// A plan that has not caught up with a move still has the old day: no ETA rather than the wrong day.
		Optional<LocalDate> booked = bookings.findById(order.id()).map(Booking::getBookedDate);
		return visit.map(v -> v.start() != null ? v.start() : v.arrival())
			.filter(at -> booked.isEmpty() || at.toLocalDate().equals(booked.get()))
			.map(at -> window(at, PLAN_SPREAD, "PLAN"));
	}

	private static Eta window(LocalDateTime arrival, Duration spread, String source) {
		LocalDateTime from = arrival.minus(spread).withSecond(0).withNano(0);
		LocalDateTime to = arrival.plus(spread).withSecond(0).withNano(0);
		return new Eta(from, to, HH_MM.format(from) + "-" + HH_MM.format(to), source);
	}

	/** Surnames read as surnames (单 is Shan, not Dan), by ICU's transliterator rather than a table of our own. */
	private static final com.ibm.icu.text.Transliterator TO_LATIN = com.ibm.icu.text.Transliterator
		.getInstance("Han-Latin/Names; Latin-ASCII; Any-Title");

	static String latin(String name) {
		if (name == null) {
			return null;
		}
		synchronized (TO_LATIN) {
			return TO_LATIN.transliterate(name).replace(" ", "");
		}
	}

	static String firstName(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String trimmed = name.trim();
		if (Character.UnicodeScript.of(trimmed.codePointAt(0)) == Character.UnicodeScript.HAN) {
			return trimmed.substring(0, Character.charCount(trimmed.codePointAt(0)));
		}
		return trimmed.split("\\s+")[0];
	}

}
