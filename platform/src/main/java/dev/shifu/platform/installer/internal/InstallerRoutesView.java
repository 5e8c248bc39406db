package dev.shifu.platform.installer.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.network.InstallerView;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.schedule.InstallerRoutes;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.platform.shared.PhoneNumbers;
import dev.shifu.platform.workflow.OrderProcess;

/**
 * An installer's day as the app shows it, from the live plan's stored routes and the jobs' own events. The version
 * is a digest of everything shown. When a new version changes a job that is already under way, the job is marked
 * {@code changedWhileUnderWay} until it is done, so the change is never shown silently.
 */
@Component
@Transactional(readOnly = true)
class InstallerRoutesView {

	private final InstallerRoutes routes;

	private final OrderLifecycle orders;

	private final OrderProcess process;

	private final NetworkDirectory network;

	private final Regions regions;

	private final JobEventLog events;

	private final Clock clock;

	/** Per installer and day: the planned part of each job last computed, and the under-way jobs a change touched. */
	private final RouteSightings seen;

	private static final Set<String> UNDER_WAY = Set.of("EN_ROUTE", "ARRIVED", "STARTED");

	InstallerRoutesView(InstallerRoutes routes, OrderLifecycle orders, OrderProcess process, NetworkDirectory network,
			Regions regions, JobEventLog events, RouteSightings seen, Optional<Clock> clock) {
		this.seen = seen;
		this.routes = routes;
		this.orders = orders;
		this.process = process;
		this.network = network;
		this.regions = regions;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Today in the installer's provider's zone. */
	LocalDate today(long providerId) {
		return LocalDate.now(clock.withZone(zoneOfProvider(providerId)));
	}

	ZoneId zoneOfProvider(long providerId) {
		return network.provider(providerId)
			.filter(p -> !p.regionCodes().isEmpty())
			.map(p -> regions.zoneOf(p.regionCodes().get(0)))
			.orElse(regions.defaultZone());
	}

	/** The route, with the under-way changes since the last computation flagged. */
	@Transactional
	MobileViews.Route route(long installerId, LocalDate day) {
		return observe(installerId, day).route();
	}

	/** A job of the installer's: on their route of its planned day (as lead or crew). Anything else is not found. */
	@Transactional
	MobileViews.RouteJob job(long installerId, long jobId) {
		OrderSnapshot order = orders.find(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
		LocalDate day = process.bookedDay(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
		return route(installerId, day).jobs()
			.stream()
			.filter(j -> j.jobId() == order.id())
			.findFirst()
			.orElseThrow(() -> new NotFoundException("job", jobId));
	}

	/** {@code flagged}: every job under way the plan changed, also one that left this route. */
	record Observation(MobileViews.Route route, List<Long> changedUnderWay, Set<Long> flagged) {
	}

	/** Computes the route and compares it with the last one seen: which under-way jobs changed since. */
	@Transactional
	synchronized Observation observe(long installerId, LocalDate day) {
		List<MobileViews.RouteJob> jobs = build(installerId, day);
		RouteSightings.Seen before = seen.find(installerId, day).orElse(null);
		Map<Long, String> planned = new java.util.LinkedHashMap<>();
		jobs.forEach(j -> planned.put(j.jobId(), plannedDigest(j)));
		Set<Long> flagged = new java.util.HashSet<>(before == null ? Set.of() : before.flagged());
		List<Long> changedNow = new ArrayList<>();
		if (before != null) {
			// A job under way whose plan changed, or that left this route, is flagged while it stays under way.
			before.planned().forEach((jobId, old) -> {
				if (!old.equals(planned.get(jobId)) && statusOf(jobId).map(UNDER_WAY::contains).orElse(false)) {
					flagged.add(jobId);
					changedNow.add(jobId);
				}
			});
		}
		flagged.removeIf(jobId -> !statusOf(jobId).map(UNDER_WAY::contains).orElse(false));
		List<MobileViews.RouteJob> shown = jobs.stream().map(j -> flagged.contains(j.jobId()) ? j.flagged() : j).toList();
		String version = digest(shown).substring(0, 16);
		RouteSightings.Seen now = new RouteSightings.Seen(planned, Set.copyOf(flagged));
		if (!now.equals(before)) {
			seen.save(installerId, day, now);
		}
		seen.shown(installerId, planned.keySet());
		return new Observation(new MobileViews.Route(day, version, shown), changedNow, Set.copyOf(flagged));
	}

	/** The job as planned, without its progress: the installer moving it on is not a plan change. */
	private static String plannedDigest(MobileViews.RouteJob j) {
		return digest16(List.of(new MobileViews.RouteJob(j.jobId(), j.orderNumber(), j.sequence(), "", j.plannedArrival(),
				j.plannedStart(), j.plannedDurationMinutes(), j.serviceType(), j.address(), j.location(), j.consumer(),
				j.items(), j.crewPartner(), j.notes(), j.bookedWindow(), false)));
	}

	private List<MobileViews.RouteJob> build(long installerId, LocalDate day) {
		List<MobileViews.RouteJob> jobs = new ArrayList<>();
		InstallerView me = installer(installerId);
		long providerId = me.providerId();
		// A crew of two is one record, so the plan sends one id; the partner is whom the provider recorded for the crew.
		Long recordedPartner = me.crewSize() == 2 ? me.crewPartnerId() : null;
		int sequence = 1;
		for (InstallerRoutes.Stop stop : routes.route(installerId, day)) {
			Optional<OrderSnapshot> found = orders.find(stop.orderId());
			// The live plan also pencils in open orders on candidate providers' installers: only a job the installer's
			// provider accepted is theirs to see.
			if (found.isEmpty() || !acceptedBy(providerId, stop.orderId())) {
				continue;
			}
			OrderSnapshot order = found.get();
			ZoneId zone = regions.zoneOf(order.regionCode());
			Long partnerId = stop.crew().stream().filter(id -> id != installerId).findFirst().orElse(recordedPartner);
			MobileViews.CrewPartner partner = partnerId == null ? null
					: network.installer(partnerId)
						.map(p -> new MobileViews.CrewPartner(p.id(), p.name(), PhoneNumbers.mask(p.phone())))
						.orElse(null);
			List<MobileViews.Item> items = orders.items(order.id())
				.stream()
				.map(i -> new MobileViews.Item(i.sku(), i.name(), i.category(), i.quantity(), i.serialNumberRequired()))
				.toList();
			LocalDate booked = process.bookedDay(order.id()).orElse(day);
			MobileViews.RouteJob job = new MobileViews.RouteJob(order.id(), order.externalOrderId(), sequence++,
					statusOf(order.id()).orElse("PLANNED"), at(stop.arrival(), zone), at(stop.start(), zone),
					(int) java.time.Duration.between(stop.start(), stop.end()).toMinutes(), order.serviceType().name(),
					order.address(), order.location(), new MobileViews.Consumer(firstName(order.consumerName()),
							PhoneNumbers.mask(order.consumerPhone())),
					items, partner, notes(order), new MobileViews.BookedWindow(booked, at(stop.windowStart(), zone), at(stop.windowEnd(), zone)),
					false);
			jobs.add(job);
		}
		return jobs;
	}

	private boolean acceptedBy(long providerId, long orderId) {
		return process.assignedProviderId(orderId).map(p -> p == providerId).orElse(false);
	}

	Optional<String> statusOf(long orderId) {
		return events.last(orderId).map(e -> e.type().name());
	}

	private static OffsetDateTime at(LocalDateTime time, ZoneId zone) {
		return time == null ? null : time.atZone(zone).toOffsetDateTime();
	}

	/** The given name: the first word of a Western name, the characters after the surname of a Chinese one. */
	static String firstName(String name) {
		if (name == null || name.isBlank()) {
			return "";
		}
		String trimmed = name.trim();
		if (trimmed.contains(" ")) {
			return trimmed.substring(0, trimmed.indexOf(' '));
		}
		boolean cjk = Character.UnicodeScript.of(trimmed.codePointAt(0)) == Character.UnicodeScript.HAN;
		return cjk && trimmed.codePointCount(0, trimmed.length()) > 1 ? trimmed.substring(trimmed.offsetByCodePoints(0, 1))
				: trimmed;
	}

	private static String notes(OrderSnapshot order) {
		List<String> notes = new ArrayList<>();
		if (order.crewSize() > 1) {
			notes.add("Two-person job / 需两人作业");
		}
		if (order.memberTier() != null && order.memberTier().name().equals("PLATINUM")) {
			notes.add("PLATINUM member / 白金会员");
		}
		if (order.installationNotes() != null) {
			notes.add(order.installationNotes());
		}
		return notes.isEmpty() ? null : String.join("; ", notes);
	}

	private static String digest16(List<MobileViews.RouteJob> jobs) {
		return digest(jobs).substring(0, 16);
	}

	private static String digest(List<MobileViews.RouteJob> jobs) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(jobs.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	InstallerView installer(long installerId) {
		return network.installer(installerId).orElseThrow(() -> new NotFoundException("installer", installerId));
	}

}
