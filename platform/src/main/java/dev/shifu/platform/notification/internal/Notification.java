package dev.shifu.platform.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.shifu.platform.notification.Notifications.Template;

/**
 * One message on one channel. Both languages are recorded; the one in {@code locale} is sent, so no message mixes
 * them. A sender claims the row ({@code claimedBy}, {@code claimedUntil}) before it sends, so two nodes never send
 * the same message; a failure waits {@code nextAttemptAt} (backoff) before the next try.
 */
@Entity
@Table(name = "notification")
class Notification {

	enum Status {
		PENDING, SENT, FAILED
	}

	enum Channel {
		SMS, EMAIL, WEBHOOK
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long orderId;

	private String recipient;

	@Enumerated(EnumType.STRING)
	private Template template;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	/** zh-CN or en; null only for rows queued before messages had one language (sent in both then). */
	private String locale;

	private String dedupeKey;

	private String textZh;

	private String textEn;

	/** The texts as staff and logs see them: secrets masked. Null for rows queued before they were stored. */
	private String shownZh;

	private String shownEn;

	@Enumerated(EnumType.STRING)
	private Status status;

	private int attempts;

	private Instant nextAttemptAt;

	private String claimedBy;

	private Instant claimedUntil;

	private String lastError;

	private Instant createdAt;

	private Instant sentAt;

	protected Notification() {
	}

	Notification(Long orderId, String recipient, Template template, Channel channel, Locale locale, String dedupeKey,
			Texts.Rendered text, Instant now) {
		this.orderId = orderId;
		this.recipient = recipient;
		this.template = template;
		this.channel = channel;
		this.locale = locale.toLanguageTag();
		this.dedupeKey = dedupeKey;
		this.textZh = text.sent().zh();
		this.textEn = text.sent().en();
		this.shownZh = text.shown().zh();
		this.shownEn = text.shown().en();
		this.status = Status.PENDING;
		this.createdAt = now;
		// Due at once: no retry time until a failure sets one. A "due at createdAt" stamp made the first send wait on
		// how the database rounds the stamp (H2 rounds to microseconds: up to 1 µs in the future, forever on a clock
		// that stands still, as a test's does).
		this.nextAttemptAt = null;
	}

	void sent(Instant now) {
		attempts++;
		status = Status.SENT;
		sentAt = now;
		lastError = null;
		release();
		forgetCode();
	}

	/** After {@code maxAttempts} the message is FAILED; before, it waits {@code base} doubled per attempt, capped. */
	void failed(String error, Instant now, Duration base, Duration max, int maxAttempts) {
		attempts++;
		lastError = error == null ? null : error.length() > 300 ? error.substring(0, 300) : error;
		if (attempts >= maxAttempts) {
			status = Status.FAILED;
			forgetCode();
		}
		else {
			Duration wait = base.multipliedBy(1L << Math.min(attempts - 1, 20));
			nextAttemptAt = now.plus(wait.compareTo(max) > 0 ? max : wait);
		}
		release();
	}

	/** Once the message is done with, a one-time code is kept only masked: the table is not a way to sign in. */
	private void forgetCode() {
		if (Texts.carriesCode(template)) {
			Texts.Text shown = shown();
			textZh = shown.zh();
			textEn = shown.en();
		}
	}

	private void release() {
		claimedBy = null;
		claimedUntil = null;
	}

	/** The text that goes out: the message's language only. */
	String text() {
		return pick(textZh, textEn);
	}

	/** What anyone but the recipient may read of what went out. */
	String shownText() {
		Texts.Text shown = shown();
		return pick(shown.zh(), shown.en());
	}

	private String pick(String zh, String en) {
		if (locale == null) {
			return zh + "\n" + en;
		}
		return locale.startsWith("en") ? en : zh;
	}

	/** What anyone but the recipient may read of the message, in both languages. */
	Texts.Text shown() {
		return new Texts.Text(shownZh != null ? shownZh : Texts.maskLinks(textZh),
				shownEn != null ? shownEn : Texts.maskLinks(textEn));
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

	Channel getChannel() {
		return channel == null ? Channel.SMS : channel;
	}

	Locale getLocale() {
		return locale == null ? Texts.ZH : Locale.forLanguageTag(locale);
	}

	String getLocaleTag() {
		return locale;
	}

	String getTextZh() {
		return textZh;
	}

	String getTextEn() {
		return textEn;
	}

	Status getStatus() {
		return status;
	}

	int getAttempts() {
		return attempts;
	}

	String getLastError() {
		return lastError;
	}

	Instant getNextAttemptAt() {
		return nextAttemptAt;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getSentAt() {
		return sentAt;
	}

}
