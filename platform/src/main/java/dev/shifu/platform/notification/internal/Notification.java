package dev.shifu.platform.notification.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.shifu.platform.notification.Notifications.Template;

@Entity
@Table(name = "notification")
class Notification {

	enum Status {
		PENDING, SENT, FAILED
	}

	private static final int MAX_ATTEMPTS = 5;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long orderId;

	private String recipient;

	@Enumerated(EnumType.STRING)
	private Template template;

	private String textZh;

	private String textEn;

	/** The texts as staff and logs see them: secrets masked. Null for rows queued before they were stored. */
	private String shownZh;

	private String shownEn;

	@Enumerated(EnumType.STRING)
	private Status status;

	private int attempts;

	private Instant createdAt;

	private Instant sentAt;

	protected Notification() {
	}

	Notification(Long orderId, String recipient, Template template, Texts.Rendered text, Instant createdAt) {
		this.orderId = orderId;
		this.recipient = recipient;
		this.template = template;
		this.textZh = text.sent().zh();
		this.textEn = text.sent().en();
		this.shownZh = text.shown().zh();
		this.shownEn = text.shown().en();
		this.status = Status.PENDING;
		this.createdAt = createdAt;
	}

	void sent(Instant at) {
		attempts++;
		status = Status.SENT;
		sentAt = at;
	}

	void failed() {
		attempts++;
		if (attempts >= MAX_ATTEMPTS) {
			status = Status.FAILED;
		}
	}

	Long getId() {
		return id;
	}

	Long getOrderId() {
		return orderId;
	}

	String getRecipient() {
		return recipient;
	}

	Template getTemplate() {
		return template;
	}

	String getTextZh() {
		return textZh;
	}

	String getTextEn() {
		return textEn;
	}

	/** What anyone but the recipient may read of the message. */
	Texts.Text shown() {
		return new Texts.Text(shownZh != null ? shownZh : Texts.maskLinks(textZh),
				shownEn != null ? shownEn : Texts.maskLinks(textEn));
	}

	Status getStatus() {
		return status;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getSentAt() {
		return sentAt;
	}

}
