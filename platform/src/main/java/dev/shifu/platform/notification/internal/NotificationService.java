package dev.shifu.platform.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.notification.Notifications;
import dev.shifu.platform.order.ConsumerLinks;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.webhook.BrandWebhooks;

interface NotificationRepository extends JpaRepository<Notification, Long> {

	List<Notification> findByOrderIdOrderById(Long orderId);

	boolean existsByDedupeKey(String dedupeKey);

	/**
	 * Pending messages whose retry time has come and that nobody holds. A claim or a retry time further ahead than
	 * any this app sets ({@code void*}) was stamped on a clock that was ahead (a node's skew, a clock stepped back):
	 * it holds nothing, or the message would wait for as long as the clock was ahead.
	 */
	@Query("""
			select n.id from Notification n where n.status = dev.shifu.platform.notification.internal.Notification.Status.PENDING
			  and (n.nextAttemptAt is null or n.nextAttemptAt <= :now or n.nextAttemptAt > :voidRetry)
			  and (n.claimedUntil is null or n.claimedUntil < :now or n.claimedUntil > :voidClaim)
			order by n.id""")
	List<Long> findDue(@Param("now") Instant now, @Param("voidRetry") Instant voidRetry,
			@Param("voidClaim") Instant voidClaim, Pageable page);

	/** Takes the message for one node; 0 when another node holds it, or it is no longer pending. */
	@Modifying
	@Query("""
			update Notification n set n.claimedBy = :node, n.claimedUntil = :until
			where n.id = :id and n.status = dev.shifu.platform.notification.internal.Notification.Status.PENDING
			  and (n.claimedUntil is null or n.claimedUntil < :now or n.claimedUntil > :voidClaim)""")
	int claim(@Param("id") long id, @Param("node") String node, @Param("now") Instant now, @Param("until") Instant until,
			@Param("voidClaim") Instant voidClaim);

	@Modifying
	@Query("""
			delete from Notification n where n.status <> dev.shifu.platform.notification.internal.Notification.Status.PENDING
			  and coalesce(n.sentAt, n.createdAt) < :cutoff""")
	int deleteFinishedBefore(@Param("cutoff") Instant cutoff);

}

/**
 * Writes messages to the outbox in the caller's transaction: one row per channel (SMS; email when it is on and the
 * consumer gave an address), each in the recipient's language. The brand webhook channel hands the message to the
 * brand's own webhook outbox in the same transaction (signed, retried and logged there), so its row is SENT at once.
 */
@Service
class NotificationService implements Notifications {

	static final String WEBHOOK_EVENT = "consumer.notification";

	private final NotificationRepository notifications;

	private final Texts texts;

	private final OrderLifecycle orders;

	private final ConsumerLinks links;

	private final BrandWebhooks webhooks;

	private final NotificationProperties properties;

	private final Clock clock;

	NotificationService(NotificationRepository notifications, Texts texts, OrderLifecycle orders, ConsumerLinks links,
			BrandWebhooks webhooks, NotificationProperties properties, Optional<Clock> clock) {
		this.notifications = notifications;
		this.texts = texts;
		this.orders = orders;
		this.links = links;
		this.webhooks = webhooks;
		this.properties = properties;
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	@Override
	@Transactional
	public void send(long orderId, String recipientPhone, Template template, Map<String, String> parameters,
			String deduplicationKey) {
		Optional<OrderSnapshot> order = orders.find(orderId);
		boolean toConsumer = order.map(o -> o.consumerPhone().equals(recipientPhone)).orElse(false);
		// The consumer reads their order's language; providers work in zh-CN.
		Locale locale = toConsumer ? links.locale(orderId).orElse(Texts.ZH) : Texts.ZH;
		Texts.Rendered text = texts.render(template, parameters);
		Instant now = clock.instant();
		queue(orderId, recipientPhone, template, Notification.Channel.SMS, locale, deduplicationKey, text, now);
		if (toConsumer && properties.email().enabled() && order.get().consumerEmail() != null) {
			queue(orderId, order.get().consumerEmail(), template, Notification.Channel.EMAIL, locale, deduplicationKey,
					text, now);
		}
		if (toConsumer && properties.brandWebhook()) {
			String key = key(deduplicationKey, Notification.Channel.WEBHOOK);
			if (key != null && notifications.existsByDedupeKey(key)) {
				return;
			}
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("template", template.name());
			data.put("locale", locale.toLanguageTag());
			data.put("text", locale.getLanguage().equals("en") ? text.sent().en() : text.sent().zh());
			Optional<java.util.UUID> event = key == null
					? webhooks.enqueue(order.get().brandId(), WEBHOOK_EVENT, orderId, data)
					: webhooks.enqueue(order.get().brandId(), WEBHOOK_EVENT, orderId, data, key);
			event.ifPresent(id -> {
				Notification row = new Notification(orderId, "brand:" + order.get().brandId(), template,
						Notification.Channel.WEBHOOK, locale, key, text, now);
				row.sent(now);
				notifications.save(row);
			});
		}
	}

	/** An installer's sign-in code: no order, zh-CN (installers work in it), one SMS, masked for staff and logs. */
	@Override
	@Transactional
	public void sendToPhone(String recipientPhone, Template template, Map<String, String> parameters) {
		notifications.save(new Notification(null, recipientPhone, template, Notification.Channel.SMS, Texts.ZH, null,
				texts.render(template, parameters), clock.instant()));
	}

	private void queue(long orderId, String recipient, Template template, Notification.Channel channel, Locale locale,
			String deduplicationKey, Texts.Rendered text, Instant now) {
		String key = key(deduplicationKey, channel);
		if (key != null && notifications.existsByDedupeKey(key)) {
			return;
		}
		notifications.save(new Notification(orderId, recipient, template, channel, locale, key, text, now));
	}

	private static String key(String deduplicationKey, Notification.Channel channel) {
		if (deduplicationKey == null || deduplicationKey.isBlank()) {
			return null;
		}
		String key = deduplicationKey + ":" + channel;
		return key.length() > 200 ? key.substring(0, 200) : key;
	}

	@Override
	@Transactional
	public int purgeFinishedBefore(Instant cutoff) {
		return notifications.deleteFinishedBefore(cutoff);
	}

	@Transactional(readOnly = true)
	List<Notification> ofOrder(long orderId) {
		return notifications.findByOrderIdOrderById(orderId);
	}

}
