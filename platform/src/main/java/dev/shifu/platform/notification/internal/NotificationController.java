package dev.shifu.platform.notification.internal;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.notification.Notifications.Template;

@RestController
@Tag(name = "Notifications", description = "What was sent to consumers and providers")
class NotificationController {

	private final NotificationService notifications;

	NotificationController(NotificationService notifications) {
		this.notifications = notifications;
	}

	/** {@code text} is what went out (one language); {@code textZh} and {@code textEn} record both. */
	record NotificationView(long id, Template template, String channel, String locale, String recipient, String text,
			String textZh, String textEn, String status, int attempts, String lastError, Instant nextAttemptAt,
			Instant createdAt, Instant sentAt) {
	}

	@GetMapping("/api/v1/notifications")
	@Operation(summary = "Notifications of an order (platform staff); recipients, consumer links and codes masked")
	List<NotificationView> ofOrder(@RequestParam long orderId) {
		return notifications.ofOrder(orderId)
			.stream()
			.map(n -> new NotificationView(n.getId(), n.getTemplate(), n.getChannel().name(), n.getLocaleTag(),
					NotificationSender.masked(n), n.shownText(), n.shown().zh(), n.shown().en(), n.getStatus().name(),
					n.getAttempts(), n.getLastError(), n.getStatus() == Notification.Status.PENDING ? n.getNextAttemptAt() : null,
					n.getCreatedAt(), n.getSentAt()))
			.toList();
	}

}
