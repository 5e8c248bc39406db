package dev.shifu.platform.notification.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.shifu.platform.support.SmtpInbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email is off unless switched on: with Spring Mail pointed at a real SMTP listener but
 * {@code shifu.notifications.email.enabled} left at its default, a consumer with an address gets their messages by
 * SMS only, and nothing reaches the listener.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EmailOffByDefaultTests extends EmailFixture {

	/** This class's own listener: each class is a context of its own, and closes its listener after it. */
	private static final SmtpInbox INBOX = SmtpInbox.start();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", INBOX::port);
	}

	@AfterAll
	static void closeInbox() {
		INBOX.close();
	}

	@Test
	void withEmailLeftOffAConfirmedBookingGoesBySmsAndNoMailIsQueuedOrSent() {
		String address = unique("li.na") + "@example.com";
		long order = order("en", address);

		book(order, TODAY.plusDays(2));

		sendUntil(() -> {
			var sms = row(order, "BOOKING_CONFIRMED", "SMS");
			return sms != null && sms.get("status").asText().equals("SENT");
		}, "the confirmation sent by SMS");
		sender.sendPending();
		assertThat(notifications(order).findValuesAsText("channel")).as("no mail queued").doesNotContain("EMAIL")
			.contains("SMS");
		assertThat(INBOX.received()).as("nothing reached the SMTP listener").isEmpty();
	}

}
