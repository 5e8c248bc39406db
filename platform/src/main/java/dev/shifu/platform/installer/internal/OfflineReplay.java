package dev.shifu.platform.installer.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.Idempotency;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.platform.shared.TooManyAttemptsException;

/**
 * {@code POST /sync}: events an installer recorded offline, applied in their recorded order, each exactly once by
 * its idempotency key and each in its own transaction, so one rejected event does not undo the others. An event
 * for a job that was reassigned meanwhile is rejected and kept on the review list (once, however often replayed).
 */
@Service
class OfflineReplay {

	enum Outcome {
		APPLIED, DUPLICATE, REJECTED
	}

	/** {@code invalid}: what bean validation found wrong with the item's event, or null when it is sound. */
	record Item(String idempotencyKey, long orderId, ReportedEvent event, String invalid) {

		Item(String idempotencyKey, long orderId, ReportedEvent event) {
			this(idempotencyKey, orderId, event, null);
		}

	}

	record Result(String idempotencyKey, long orderId, Outcome outcome, String reason, String detail,
			EventOutcome applied) {
	}

	private final JobEventService events;

	private final EvidenceRecords evidence;

	private final OrderLifecycle orders;

	private final Idempotency idempotency;

	private final TransactionTemplate tx;

	private final PhotoLibrary photos;

	OfflineReplay(JobEventService events, EvidenceRecords evidence, OrderLifecycle orders, Idempotency idempotency,
			PlatformTransactionManager transactions, PhotoLibrary photos) {
		this.photos = photos;
		this.events = events;
		this.evidence = evidence;
		this.orders = orders;
		this.idempotency = idempotency;
		this.tx = new TransactionTemplate(transactions);
	}

	/** @return one result per event, in the batch's order */
	List<Result> replay(Reporter reporter, List<Item> batch) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			order.add(i);
		}
		// The recorded order is the time on the device; the batch's position breaks ties (and a phone's shuffles).
		// An invalid event may lack its time; it acts on nothing, so where it sorts does not matter.
		order.sort(Comparator.<Integer, java.time.Instant>comparing(i -> batch.get(i).event().occurredAt(),
				Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparing(i -> i));
		Result[] results = new Result[batch.size()];
		for (int i : order) {
			results[i] = apply(reporter, batch.get(i));
		}
		return List.of(results);
	}

	private Result apply(Reporter reporter, Item item) {
		if (item.invalid() != null) {
			return rejected(item, "invalid-request", item.invalid());
		}
		try {
			EventOutcome outcome = JobEventService
				.raceSafe(() -> events.report(reporter, item.orderId(), item.event(), item.idempotencyKey()));
			return new Result(item.idempotencyKey(), item.orderId(), outcome.duplicate() ? Outcome.DUPLICATE : Outcome.APPLIED,
					null, null, outcome);
		}
		catch (JobAccess.Reassigned reassigned) {
			keepForReview(reporter, item);
			return rejected(item, "job-reassigned", "The job was given to another installer while you were offline; "
					+ "a dispatcher reviews this event");
		}
		catch (NotFoundException unknown) {
			return rejected(item, "not-found", "There is no such job");
		}
		catch (JobEventService.WrongCode wrong) {
			return rejected(item, "wrong-code", "verificationCode: does not match the consumer's code");
		}
		catch (InvalidFieldException invalid) {
			return rejected(item, "invalid-request", invalid.errors()
				.stream()
				.map(e -> e.field() + ": " + e.message())
				.reduce((a, b) -> a + "; " + b)
				.orElse("invalid"));
		}
		catch (TooManyAttemptsException locked) {
			return rejected(item, "too-many-attempts", locked.getMessage());
		}
		catch (ConflictException conflict) {
			return rejected(item, conflict.code(), conflict.getMessage());
		}
		catch (DataIntegrityViolationException collided) {
			// One item that collides with data written meanwhile (a race raceSafe could not settle) is that item's
			// answer, never the batch's: the items before it are committed, the ones after it still go.
			return rejected(item, "conflict", "The event collides with data recorded meanwhile; send it again");
		}
	}

	/** Recorded once per key: replaying the same batch again adds nothing to the review list. */
	private void keepForReview(Reporter reporter, Item item) {
		tx.executeWithoutResult(status -> orders.find(item.orderId()).ifPresent(order -> {
			String scope = reporter.scope() + ":rejected";
			String hash = Idempotency.hash(item.event().fingerprint(item.orderId()));
			try {
				if (idempotency.previousResult(scope, item.idempotencyKey(), hash).isPresent()) {
					return;
				}
			}
			catch (ConflictException reusedKey) {
				return;
			}
			long review = evidence.review(order, "SYNC_REJECTED", List.of("JOB_REASSIGNED"), whole(reporter, item));
			idempotency.remember(scope, item.idempotencyKey(), hash, String.valueOf(review));
		}));
	}

	/**
	 * The rejected event as the installer recorded it, for the dispatcher to judge: the position, the note, the
	 * photos (ids and checksums; the files stay in the store), the serial numbers and the exception reason. Never the
	 * consumer's code, which is a secret: only whether one was given.
	 */
	private Map<String, Object> whole(Reporter reporter, Item item) {
		ReportedEvent event = item.event();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("installerId", reporter.installerId());
		detail.put("idempotencyKey", item.idempotencyKey());
		detail.put("type", event.type().name());
		detail.put("occurredAt", String.valueOf(event.occurredAt()));
		detail.put("reason", "job-reassigned");
		if (event.lat() != null) {
			detail.put("location", Map.of("lat", event.lat(), "lng", event.lng()));
		}
		if (event.exceptionReason() != null) {
			detail.put("exceptionReason", event.exceptionReason().name());
		}
		if (event.note() != null) {
			detail.put("note", event.note());
		}
		if (!event.photoIds().isEmpty()) {
			List<Map<String, Object>> attached = new ArrayList<>();
			for (long id : event.photoIds()) {
				Map<String, Object> photo = new LinkedHashMap<>();
				photo.put("id", id);
				photos.find(id).filter(p -> p.orderId() == item.orderId()).ifPresent(p -> {
					photo.put("kind", p.kind().name());
					photo.put("sha256", p.checksum());
				});
				attached.add(photo);
			}
			detail.put("photos", attached);
		}
		if (!event.serialNumbers().isEmpty()) {
			detail.put("serialNumbers", event.serialNumbers()
				.stream()
				.map(s -> Map.of("sku", String.valueOf(s.sku()), "serialNumber", String.valueOf(s.serialNumber())))
				.toList());
		}
		if (event.verificationCode() != null) {
			detail.put("verificationCodeGiven", true);
		}
		return detail;
	}

	private static Result rejected(Item item, String reason, String detail) {
		return new Result(item.idempotencyKey(), item.orderId(), Outcome.REJECTED, reason, detail, null);
	}

}
