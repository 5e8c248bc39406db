package dev.shifu.platform.installer.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.dispatch.VisitRecord;
import dev.shifu.platform.dispatch.VisitRecords;
import dev.shifu.platform.installer.InstallerEvents.JobEventApplied;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.network.PartnerStatus;
import dev.shifu.platform.order.OrderItemSnapshot;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.FieldError;
import dev.shifu.platform.shared.GeoPoint;
import dev.shifu.platform.shared.Idempotency;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.TooManyAttemptsException;
import dev.shifu.platform.workflow.OrderProcess;
import dev.shifu.workflows.ExceptionReason;

/**
 * The one way a job is reported, from the app or the provider admin's stand-in: checks the report, moves the
 * order's process by its typed messages, records the event once (a replay under the same Idempotency-Key answers
 * the first outcome), records the completion's evidence and tells the schedule the actual time.
 */
@Service
class JobEventService {

	/** A completion whose code does not match: the job is not complete, and the installer must hear why. */
	static class WrongCode extends InvalidFieldException {

		WrongCode() {
			super("verificationCode", "does not match the consumer's code");
		}

	}

	private final OrderProcess process;

	private final OrderLifecycle orders;

	private final Idempotency idempotency;

	private final JobAccess access;

	private final JobEventLog log;

	private final PhotoLibrary photos;

	private final EvidenceRecords evidence;

	private final VisitRecords visits;

	private final NetworkDirectory network;

	private final InstallerSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	JobEventService(OrderProcess process, OrderLifecycle orders, Idempotency idempotency, JobAccess access,
			JobEventLog log, PhotoLibrary photos, EvidenceRecords evidence, VisitRecords visits,
			NetworkDirectory network, InstallerSettings settings, ApplicationEventPublisher events,
			Optional<Clock> clock) {
		this.process = process;
		this.orders = orders;
		this.idempotency = idempotency;
		this.access = access;
		this.log = log;
		this.photos = photos;
		this.evidence = evidence;
		this.visits = visits;
		this.network = network;
		this.settings = settings;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** A wrong code is answered as an error but still committed: the failure is counted and the process waits on. */
	@Transactional(noRollbackFor = WrongCode.class)
	EventOutcome report(Reporter reporter, long orderId, ReportedEvent event, String key) {
		Instant now = clock.instant();
		Instant occurredAt = checkShape(reporter, event, now);
		// A replay answers first, before the access check: the event this reporter applied under the key may be the
		// one that moved the job away from them (an EXCEPTION), and the app must hear the original result, not 404.
		// The key is the reporter's own and the hash names the job, so a replay never reaches another's job.
		String hash = Idempotency.hash(event.fingerprint(orderId));
		Optional<String> previous = idempotency.previousResult(reporter.scope(), key, hash);
		if (previous.isPresent()) {
			// "eventId" or "eventId;FLAG,FLAG": a replay answers the flags the first report raised.
			String[] remembered = previous.get().split(";", 2);
			List<String> flagged = remembered.length < 2 || remembered[1].isEmpty() ? List.of()
					: List.of(remembered[1].split(","));
			return new EventOutcome(orderId, Long.parseLong(remembered[0]), event.type(), true, flagged, null, null,
					settings.geofenceRadiusMeters());
		}
		// The key is claimed first: a concurrent request under it waits here until this one commits, then answers its
		// result (see raceSafe); so two retries in flight act once.
		idempotency.claim(reporter.scope(), key, hash);
		try {
			return act(reporter, orderId, event, key, hash, now, occurredAt);
		}
		catch (WrongCode wrong) {
			// committed (the failure counts), but nothing acted: the installer retries the same key with the right code
			idempotency.release(reporter.scope(), key);
			throw wrong;
		}
	}

	/**
	 * Reports, and where a concurrent request under the same key won the race (it committed while this one waited on
	 * the key), answers as a replay does: the winner's outcome, as DUPLICATE. Not inside a transaction of the caller.
	 */
	static EventOutcome raceSafe(java.util.function.Supplier<EventOutcome> report) {
		try {
			return report.get();
		}
		catch (org.springframework.dao.DuplicateKeyException raced) {
			return report.get();
		}
	}

	private EventOutcome act(Reporter reporter, long orderId, ReportedEvent event, String key, String hash, Instant now,
			Instant occurredAt) {
		OrderSnapshot order = access.job(reporter, orderId);
		checkOrder(reporter, goingOnFrom(order), event.type(), occurredAt);
		List<PhotoLibrary.Photo> attached = attachedPhotos(orderId, event);
		List<String> flags = new ArrayList<>();
		Long installerId = recordInstaller(reporter, orderId, event.installerId());
		Double distance = null;
		Boolean inside = null;
		String serials = null;
		boolean codeVerified = false;
		switch (event.type()) {
			// The rework sub-process waits only for the rework's completion: its progress is logged, not told.
			case EN_ROUTE -> {
				if (!rework(order)) {
					process.installerEnRoute(orderId);
				}
			}
			case ARRIVED -> {
				// No position (no fix in a basement, or the office telling afterwards): accepted, never trusted.
				if (event.lat() == null) {
					flags.add(EvidenceRecords.NO_LOCATION);
				}
				else if (order.location() != null) {
					distance = new GeoPoint(event.lat(), event.lng()).distanceKm(order.location()) * 1000.0;
					inside = distance <= settings.geofenceRadiusMeters();
					if (!inside) {
						flags.add(EvidenceRecords.OUTSIDE_GEOFENCE);
					}
				}
				if (!rework(order)) {
					process.installerArrived(orderId);
				}
			}
			case STARTED -> {
				if (!rework(order)) {
					process.installerStarted(orderId);
				}
			}
			case COMPLETED -> {
				serials = checkSerialNumbers(orderId, event);
				if (event.lat() == null) {
					flags.add(EvidenceRecords.NO_LOCATION);
				}
				checkPhotos(reporter, attached, settings.minCompletionPhotos(), "COMPLETED");
				codeVerified = complete(order, event);
			}
			case EXCEPTION -> {
				exception(reporter, orderId, event, attached);
				// The stand-in cannot upload (photos are the app's): its exception without one is reviewed, not trusted.
				if (attached.isEmpty()) {
					flags.add(EvidenceRecords.MISSING_PHOTOS);
				}
			}
		}
		long eventId = log.insert(orderId, reporter, installerId, event, occurredAt, now, distance, inside, serials);
		photos.link(event.photoIds(), eventId);
		if (event.type() == JobEventType.COMPLETED) {
			List<String> raised = List.copyOf(flags);
			flags.clear();
			flags.addAll(evidence.recordCompletion(order, reporter, installerId, eventId, occurredAt,
					log.currentVisit(orderId), photos.ofEvent(eventId), serials, codeVerified, raised));
		}
		else if (!flags.isEmpty()) {
			Map<String, Object> detail = new java.util.LinkedHashMap<>();
			detail.put("eventId", eventId);
			detail.put("type", event.type().name());
			if (distance != null) {
				detail.put("distanceMeters", Math.round(distance));
			}
			evidence.review(order, "EVIDENCE", flags, detail);
		}
		idempotency.settle(reporter.scope(), key,
				flags.isEmpty() ? String.valueOf(eventId) : eventId + ";" + String.join(",", flags));
		events.publishEvent(new JobEventApplied(orderId, eventId, event.type().name(), occurredAt, reporter.providerId(),
				installerId));
		return new EventOutcome(orderId, eventId, event.type(), false, List.copyOf(flags), inside, distance,
				settings.geofenceRadiusMeters());
	}

	/**
	 * The report the visit goes on from: the one rule of where a visit begins. A report that ended the visit (a
	 * completion, any exception) followed by the process putting the order in service again (a revisit after an
	 * exception, a wrong address included once the dispatcher rebooked it; or the rework visit booked after a low
	 * rating) starts a new visit from nothing reported, so it is completed only after an ARRIVED on it, as a first
	 * visit is. A wrong address the dispatcher let go on leaves the order where the visit was, and the visit goes on
	 * from the report before it ({@link JobEventLog#lastGoingOn}).
	 */
	private Optional<JobEventLog.Applied> goingOnFrom(OrderSnapshot order) {
		boolean ended = log.last(order.id()).map(e -> e.type().endsVisit()).orElse(false);
		if (ended && (order.status() == OrderStatus.IN_SERVICE || rework(order))) {
			return Optional.empty();
		}
		return log.lastGoingOn(order.id());
	}

	/**
	 * The one state machine of a visit, for both reporters: the app's installer steps through it one report at a time;
	 * the provider admin's stand-in, told afterwards, may skip steps forward but never go back. A visit that ended
	 * (completed, or an exception) is followed only by a new visit ({@link #goingOnFrom}).
	 */
	private static void checkOrder(Reporter reporter, Optional<JobEventLog.Applied> last, JobEventType type,
			Instant occurredAt) {
		JobEventType after = last.map(JobEventLog.Applied::type).orElse(null);
		Set<JobEventType> allowed = reporter.onSite() ? JobEventType.allowedAfter(after) : JobEventType.reachableAfter(after);
		if (!allowed.contains(type)) {
			throw new ConflictException("event-out-of-order", type + " cannot follow "
					+ (after == null ? "nothing reported yet" : after) + " on this visit");
		}
		if (last.isPresent() && occurredAt.isBefore(last.get().occurredAt())) {
			throw new ConflictException("event-out-of-order",
					type + " happened before the visit's previous event " + last.get().type());
		}
	}

	/** A rework visit is booked and not yet done: the installer's reports are the rework's own visit. */
	private static boolean rework(OrderSnapshot order) {
		return order.status() == OrderStatus.REWORK_SCHEDULED;
	}

	/** The checks that need no state: the position, the time, and what each type must carry. */
	private Instant checkShape(Reporter reporter, ReportedEvent event, Instant now) {
		List<FieldError> errors = new ArrayList<>();
		if (event.type() == null) {
			errors.add(new FieldError("type", "is required"));
		}
		if ((event.lat() == null) != (event.lng() == null)) {
			errors.add(new FieldError(event.lat() == null ? "location.lat" : "location.lng", "lat and lng come together"));
		}
		if (event.lat() != null && (event.lat() < -90 || event.lat() > 90 || event.lat().isNaN())) {
			errors.add(new FieldError("location.lat", "must be between -90 and 90"));
		}
		if (event.lng() != null && (event.lng() < -180 || event.lng() > 180 || event.lng().isNaN())) {
			errors.add(new FieldError("location.lng", "must be between -180 and 180"));
		}
		Instant occurredAt = event.occurredAt() == null ? now : event.occurredAt();
		if (occurredAt.isAfter(now.plus(settings.maxClockSkew()))) {
			errors.add(new FieldError("occurredAt", "lies in the future"));
		}
		if (reporter.onSite() && event.installerId() != null) {
			errors.add(new FieldError("installerId", "is the signed-in installer; do not send it"));
		}
		if (event.type() == JobEventType.EXCEPTION && event.exceptionReason() == null) {
			errors.add(new FieldError("exceptionReason", "is required for an EXCEPTION"));
		}
		if (event.type() != JobEventType.EXCEPTION && event.exceptionReason() != null) {
			errors.add(new FieldError("exceptionReason", "belongs to an EXCEPTION only"));
		}
		// From the app and from the provider admin's stand-in alike: an exception says what happened.
		if (event.type() == JobEventType.EXCEPTION && (event.note() == null || event.note().isBlank())) {
			errors.add(new FieldError("note", "is required for an EXCEPTION"));
		}
		if (event.note() != null && event.note().length() > 500) {
			errors.add(new FieldError("note", "must be at most 500 characters"));
		}
		if (event.verificationCode() != null && event.verificationCode().length() > 12) {
			errors.add(new FieldError("verificationCode", "must be at most 12 characters"));
		}
		if (event.photoIds().size() > 20) {
			errors.add(new FieldError("photoIds", "must be at most 20"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldException(errors);
		}
		return occurredAt;
	}

	private List<PhotoLibrary.Photo> attachedPhotos(long orderId, ReportedEvent event) {
		List<PhotoLibrary.Photo> found = new ArrayList<>();
		for (int i = 0; i < event.photoIds().size(); i++) {
			long id = event.photoIds().get(i);
			int index = i;
			PhotoLibrary.Photo photo = photos.find(id)
				.filter(p -> p.orderId() == orderId)
				.orElseThrow(() -> new InvalidFieldException("photoIds[" + index + "]", "is not a photo of this job"));
			if (photo.eventId() != null) {
				throw new InvalidFieldException("photoIds[" + index + "]", "belongs to another event already");
			}
			found.add(photo);
		}
		return found.stream().distinct().toList();
	}

	private void checkPhotos(Reporter reporter, List<PhotoLibrary.Photo> attached, int needed, String what) {
		if (reporter.onSite() && attached.size() < needed) {
			throw new InvalidFieldException("photoIds", what + " needs at least " + needed + " photos, got " + attached.size());
		}
	}

	/** Every unit of an item that needs one has a serial number, and only the order's items are named. */
	private String checkSerialNumbers(long orderId, ReportedEvent event) {
		List<OrderItemSnapshot> items = orders.items(orderId);
		Set<String> skus = items.stream().map(OrderItemSnapshot::sku).collect(Collectors.toSet());
		Map<String, Integer> given = new HashMap<>();
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < event.serialNumbers().size(); i++) {
			ReportedEvent.SerialNumber serial = event.serialNumbers().get(i);
			if (serial.sku() == null || !skus.contains(serial.sku())) {
				errors.add(new FieldError("serialNumbers[" + i + "].sku", "is not an item of this order"));
			}
			else if (serial.serialNumber() == null || !serial.serialNumber().matches("[A-Za-z0-9._/-]{1,64}")) {
				errors.add(new FieldError("serialNumbers[" + i + "].serialNumber",
						"must be 1 to 64 letters, digits or . _ / -"));
			}
			else {
				given.merge(serial.sku(), 1, Integer::sum);
			}
		}
		for (OrderItemSnapshot item : items) {
			if (item.serialNumberRequired() && given.getOrDefault(item.sku(), 0) < item.quantity()) {
				errors.add(new FieldError("serialNumbers", "item " + item.sku() + " needs " + item.quantity()
						+ " serial number(s)"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldException(errors);
		}
		return event.serialNumbers()
			.stream()
			.map(s -> s.sku() + "=" + s.serialNumber())
			.collect(Collectors.joining(","));
	}

	/** Checks the code and completes the visit in the process. @return whether the consumer's code was verified */
	private boolean complete(OrderSnapshot order, ReportedEvent event) {
		long orderId = order.id();
		orders.verificationLockedUntil(orderId).ifPresent(until -> {
			throw new TooManyAttemptsException("verificationCode",
					"Too many wrong codes: ask the consumer to read the code in their link, and try again later", until);
		});
		// The rework sub-process has no code check of its own: the same check (and count of wrong codes) runs here.
		boolean checkedHere = false;
		if (rework(order)) {
			if (!orders.checkVerificationCode(orderId, event.verificationCode())) {
				throw new WrongCode();
			}
			checkedHere = true;
		}
		OrderProcess.CodeCheck check = process.installerCompleted(orderId, event.verificationCode());
		if (check == OrderProcess.CodeCheck.WRONG) {
			throw new WrongCode();
		}
		// The evidence says "verified" only where a check of the code matched, here or in the process; a completion
		// the process took unchecked is recorded as unverified and goes to review.
		return checkedHere || check == OrderProcess.CodeCheck.VERIFIED;
	}

	private void exception(Reporter reporter, long orderId, ReportedEvent event, List<PhotoLibrary.Photo> attached) {
		checkPhotos(reporter, attached, 1, "An EXCEPTION");
		process.installerException(orderId, event.exceptionReason(), event.note());
		if (event.exceptionReason() == ExceptionReason.GOODS_DAMAGED) {
			// The brand reports the replacement goods against the order, as it did the first goods.
			orders.goodsDamaged(orderId);
		}
	}

	/**
	 * Who does the visit: the signed-in installer's crew, the installer a provider admin names, or the crew the live
	 * plan sent. Recorded on the visit and told to the process, so a revisit prefers them and ratings, complaints and
	 * rework are credited to them.
	 * @return the installer credited with the event
	 */
	private Long recordInstaller(Reporter reporter, long orderId, Long named) {
		if (reporter.onSite()) {
			List<Long> crew = access.crew(orderId);
			visits.served(orderId, crew, visits.current(orderId).map(VisitRecord::source)
				.filter(s -> s == VisitRecord.Source.REPORTED)
				.orElse(VisitRecord.Source.PLAN));
		}
		else if (named != null) {
			network.installer(named)
				.filter(i -> i.providerId() == reporter.providerId() && i.status() == PartnerStatus.ACTIVE)
				.orElseThrow(() -> new InvalidFieldException("installerId",
						"is not an active installer of provider " + reporter.providerId()));
			visits.served(orderId, List.of(named), VisitRecord.Source.REPORTED);
		}
		else {
			visits.served(orderId, access.plannedCrew(orderId), VisitRecord.Source.PLAN);
		}
		Optional<Long> lead = visits.current(orderId).flatMap(VisitRecord::leadInstaller);
		lead.ifPresent(id -> process.installerAssigned(orderId, id));
		return reporter.onSite() ? reporter.installerId() : lead.orElse(null);
	}

}
