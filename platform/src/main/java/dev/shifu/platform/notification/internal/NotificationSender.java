package dev.shifu.platform.notification.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shifu.platform.shared.PhoneNumbers;

/**
 * Sends due messages from the outbox. Each is claimed with a conditional update in its own transaction before it
 * is sent, so two nodes (or two overlapping runs) never send the same message; the send itself runs outside any
 * transaction, and its outcome is recorded afterwards (SENT, or a retry after backoff, FAILED at the end).
 */
@Component
class NotificationSender {

	private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

	private final NotificationRepository notifications;

	private final Map<Notification.Channel, ChannelSender> senders = new EnumMap<>(Notification.Channel.class);

	private final NotificationProperties properties;

	private final TransactionTemplate tx;

	private final Clock clock;

	/** This node's name on its claims. */
	private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

	NotificationSender(NotificationRepository notifications, List<ChannelSender> senders,
			NotificationProperties properties, PlatformTransactionManager transactions, Optional<Clock> clock) {
		this.notifications = notifications;
		senders.forEach(s -> this.senders.put(s.channel(), s));
		this.properties = properties;
		this.tx = new TransactionTemplate(transactions);
		// Each statement here touches one row by id: no gap locks needed, and fewer deadlocks between nodes.
		this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	/** @return how many messages this run sent */
	@Scheduled(fixedDelayString = "${shifu.notifications.send-interval:PT5S}")
	public int sendPending() {
		Instant now = clock.instant();
		// Twice the longest this app ever sets, so nodes whose clocks differ by less than that never steal a claim.
		Instant voidClaim = now.plus(properties.claimTimeout().multipliedBy(2));
		Instant voidRetry = now.plus(properties.backoffMax().multipliedBy(2));
		List<Long> due = tx.execute(s -> notifications.findDue(now, voidRetry, voidClaim, PageRequest.of(0, properties.batchSize())));
		int sent = 0;
		for (Long id : due) {
			Boolean claimed;
			try {
				claimed = tx.execute(s -> notifications.claim(id, node, now, now.plus(properties.claimTimeout()), voidClaim) == 1);
			}
			catch (ConcurrencyFailureException lost) {
				// The database chose this claim as a deadlock's victim: another node is at the row. Not ours this pass;
				// if nobody holds it, it is due again on the next.
				log.debug("Notification {}: claim lost to another node ({})", id, lost.getClass().getSimpleName());
				claimed = false;
			}
			if (Boolean.TRUE.equals(claimed) && deliver(id)) {
				sent++;
			}
		}
		return sent;
	}

	private boolean deliver(long id) {
		Notification n = tx.execute(s -> notifications.findById(id).orElse(null));
		if (n == null) {
			return false;
		}
		String error = null;
		try {
			ChannelSender sender = senders.get(n.getChannel());
			if (sender == null) {
				throw new IllegalStateException("no sender for channel " + n.getChannel());
			}
			sender.send(new ChannelSender.Outgoing(n.getId(), n.getOrderId(), n.getTemplate(), n.getRecipient(),
					n.getLocale(), n.text(), n.shownText()));
		}
		catch (RuntimeException ex) {
			// The exception's message may quote the text; record and log only its type.
			error = ex.getClass().getSimpleName();
			log.warn("Notification {} ({}) to {} failed: {}", n.getId(), n.getChannel(), masked(n), error);
		}
		String failure = error;
		Instant done = clock.instant();
		// The message is out: its outcome must be recorded, or the claim would lapse and it would go out again. A
		// deadlock victim's transaction was rolled back whole, so it is simply run again.
		for (int attempt = 1;; attempt++) {
			try {
				tx.executeWithoutResult(s -> notifications.findById(id).ifPresent(row -> {
					if (failure == null) {
						row.sent(done);
					}
					else {
						row.failed(failure, done, properties.backoffBase(), properties.backoffMax(), properties.maxAttempts());
					}
				}));
				break;
			}
			catch (ConcurrencyFailureException ex) {
				if (attempt >= OUTCOME_ATTEMPTS) {
					throw ex;
				}
				log.debug("Notification {}: recording the outcome again after {}", id, ex.getClass().getSimpleName());
			}
		}
		return failure == null;
	}

	/** How often the outcome of a sent message is tried before giving up (each try is a fresh transaction). */
	private static final int OUTCOME_ATTEMPTS = 5;

	static String masked(Notification n) {
		return switch (n.getChannel()) {
			case SMS -> PhoneNumbers.mask(n.getRecipient());
			case EMAIL -> maskEmail(n.getRecipient());
			case WEBHOOK -> n.getRecipient();
		};
	}

	/** {@code l***@example.com}: enough for staff to tell addresses apart, not to write to one. */
	static String maskEmail(String address) {
		return address == null ? null : address.replaceAll("^(.).*(@.*)$", "$1***$2");
	}

}
