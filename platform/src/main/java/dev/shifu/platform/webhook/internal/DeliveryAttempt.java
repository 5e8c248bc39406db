package dev.shifu.platform.webhook.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One POST to the brand's endpoint: when, where, and what came back (a status code, or why there was none). */
@Entity
@Table(name = "webhook_attempt")
class DeliveryAttempt {

	enum Trigger {

		/** Sent by the dispatcher, first time or retry. */
		SCHEDULED,
		/** Sent because the brand asked for a replay. */
		REPLAY

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "attempt_no")
	private int number;

	@Enumerated(EnumType.STRING)
	@Column(name = "trigger_kind")
	private Trigger trigger;

	private Instant startedAt;

	private long durationMs;

	private String url;

	private Integer statusCode;

	private String error;

	private String responseExcerpt;

	protected DeliveryAttempt() {
	}

	DeliveryAttempt(int number, Trigger trigger, Instant startedAt, String url, WebhookSender.Outcome outcome) {
		this.number = number;
		this.trigger = trigger;
		this.startedAt = startedAt;
		this.url = url;
		this.durationMs = outcome.durationMs();
		this.statusCode = outcome.statusCode();
		this.error = outcome.error();
		this.responseExcerpt = outcome.responseExcerpt();
	}

	int getNumber() {
		return number;
	}

	Trigger getTrigger() {
		return trigger;
	}

	Instant getStartedAt() {
		return startedAt;
	}

	long getDurationMs() {
		return durationMs;
	}

	String getUrl() {
		return url;
	}

	Integer getStatusCode() {
		return statusCode;
	}

	String getError() {
		return error;
	}

	String getResponseExcerpt() {
		return responseExcerpt;
	}

}
