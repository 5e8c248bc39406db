package dev.shifu.platform.installer.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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

	record Item(String idempotencyKey, long orderId, ReportedEvent event) {
	}

	record Result(String idempotencyKey, long orderId, Outcome outcome, String reason, String detail,
			EventOutcome applied) {
	}

	private final JobEventService events;

	private final EvidenceRecords evidence;

	private final OrderLifecycle orders;

	private final Idempotency idempotency;

	private final TransactionTemplate tx;

	OfflineReplay(JobEventService events, EvidenceRecords evidence, OrderLifecycle orders, Idempotency idempotency,
			PlatformTransactionManager transactions) {
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
		order.sort(Comparator.<Integer, java.time.Instant>comparing(i -> batch.get(i).event().occurredAt())
			.thenComparing(i -> i));
		Result[] results = new Result[batch.size()];
		for (int i : order) {
			results[i] = apply(reporter, batch.get(i));
		}
		return List.of(results);
	}

	private Result apply(Reporter reporter, Item item) {
		try {
			EventOutcome outcome = events.report(reporter, item.orderId(), item.event(), item.idempotencyKey());
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
			long review = evidence.review(order, "SYNC_REJECTED", List.of("JOB_REASSIGNED"),
					Map.of("installerId", reporter.installerId(), "idempotencyKey", item.idempotencyKey(), "type",
							item.event().type().name(), "occurredAt", String.valueOf(item.event().occurredAt()),
							"reason", "job-reassigned"));
			idempotency.remember(scope, item.idempotencyKey(), hash, String.valueOf(review));
		}));
	}

	private static Result rejected(Item item, String reason, String detail) {
		return new Result(item.idempotencyKey(), item.orderId(), Outcome.REJECTED, reason, detail, null);
	}

}
