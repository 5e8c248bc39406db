package dev.shifu.platform.notification.internal;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.notification.Notifications;

interface NotificationRepository extends JpaRepository<Notification, Long> {

	List<Notification> findByStatusOrderById(Notification.Status status, org.springframework.data.domain.Pageable page);

	List<Notification> findByOrderIdOrderById(Long orderId);

	@org.springframework.data.jpa.repository.Modifying
	@org.springframework.data.jpa.repository.Query("""
			delete from Notification n where n.status <> dev.shifu.platform.notification.internal.Notification.Status.PENDING
			  and coalesce(n.sentAt, n.createdAt) < :cutoff""")
	int deleteFinishedBefore(@org.springframework.data.repository.query.Param("cutoff") java.time.Instant cutoff);

}

/** The channel that actually delivers (an SMS gateway in production). */
interface SmsChannel {

	/** Sends {@code sms.text()}; anything it logs or reports must use {@code sms.shown()}, which has secrets masked. */
	void send(Sms sms);

	record Sms(String recipient, String text, String shown) {
	}

}

@Service
class NotificationService implements Notifications {

	private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

	private static final int BATCH = 50;

	private final NotificationRepository notifications;

	private final SmsChannel channel;

	private final Texts texts;

	/** The app's clock: rows are stamped on the same time line the retention measures their age on. */
	private final java.time.Clock clock;

	NotificationService(NotificationRepository notifications, SmsChannel channel, Texts texts,
			java.util.Optional<java.time.Clock> clock) {
		this.notifications = notifications;
		this.channel = channel;
		this.texts = texts;
		this.clock = clock.orElse(java.time.Clock.systemUTC());
	}

	@Override
	@Transactional
	public void send(long orderId, String recipientPhone, Template template, Map<String, String> parameters) {
		notifications.save(new Notification(orderId, recipientPhone, template, texts.render(template, parameters),
				clock.instant()));
	}

	@Override
	@Transactional
	public void sendToPhone(String recipientPhone, Template template, Map<String, String> parameters) {
		notifications.save(new Notification(null, recipientPhone, template, texts.render(template, parameters),
				clock.instant()));
	}

	@Scheduled(fixedDelayString = "${shifu.notifications.send-interval:PT5S}")
	@Transactional
	public void sendPending() {
		for (Notification n : notifications.findByStatusOrderById(Notification.Status.PENDING, PageRequest.of(0, BATCH))) {
			try {
				Texts.Text shown = n.shown();
				channel.send(new SmsChannel.Sms(n.getRecipient(), n.getTextZh() + "\n" + n.getTextEn(),
						shown.zh() + "\n" + shown.en()));
				n.sent(clock.instant());
			}
			catch (RuntimeException ex) {
				log.warn("Notification {} to {} failed: {}", n.getId(), dev.shifu.platform.shared.PhoneNumbers.mask(n.getRecipient()),
						ex.getClass().getSimpleName());
				n.failed();
			}
		}
	}

	@Override
	@Transactional
	public int purgeFinishedBefore(java.time.Instant cutoff) {
		return notifications.deleteFinishedBefore(cutoff);
	}

	@Transactional(readOnly = true)
	List<Notification> ofOrder(long orderId) {
		return notifications.findByOrderIdOrderById(orderId);
	}

}
