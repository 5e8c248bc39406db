package dev.shifu.platform.notification.internal;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.shifu.platform.support.SmtpInbox;

import static org.assertj.core.api.Assertions.assertThat;

/** With email on, the consumer's messages also go by Spring Mail to a real SMTP listener, each in the order's language. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class EmailChannelTests extends EmailFixture {

	private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

	/** This class's own listener: each class is a context of its own, and closes its listener after it. */
	private static final SmtpInbox INBOX = SmtpInbox.start();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("shifu.notifications.email.enabled", () -> "true");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", INBOX::port);
	}

	@AfterAll
	static void closeInbox() {
		INBOX.close();
	}

	@Test
	void aConfirmedBookingIsMailedInTheOrdersLanguageWithItsLinkWhileLogsAndStaffSeeItMasked(CapturedOutput output) {
		String enAddress = unique("li.na") + "@example.com";
		String zhAddress = unique("wang.fang") + "@example.com";
		long en = order("en", enAddress);
		long zh = order("zh-CN", zhAddress);
		String enToken = consumerToken(en);
		String zhToken = consumerToken(zh);
		String day = TODAY.plusDays(2).toString();

		book(en, TODAY.plusDays(2));
		book(zh, TODAY.plusDays(2));

		sendUntil(() -> confirmation(enAddress, "Booked") != null && confirmation(zhAddress, "预约成功") != null,
				"both confirmations mailed");
		SmtpInbox.Mail english = confirmation(enAddress, "Booked");
		assertThat(english.subject()).isEqualTo("[Shifu] Your service order " + externalId(en));
		assertThat(english.text()).startsWith("[Shifu] Booked: order " + externalId(en) + ", " + day)
			.as("the recipient gets the working link").contains("/c/" + enToken)
			.doesNotContainPattern(CJK);
		assertThat(english.contentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
		SmtpInbox.Mail chinese = confirmation(zhAddress, "预约成功");
		assertThat(chinese.subject()).isEqualTo("【师傅】您的服务订单 " + externalId(zh));
		assertThat(chinese.text()).contains(externalId(zh), day, "/c/" + zhToken).doesNotContain("Booked");

		// The outbox records the mail as sent, in its language; staff and the log see address and link masked.
		JsonNode row = row(en, "BOOKING_CONFIRMED", "EMAIL");
		assertThat(row.get("status").asText()).isEqualTo("SENT");
		assertThat(row.get("locale").asText()).isEqualTo("en");
		assertThat(row.get("recipient").asText()).startsWith("l***@").doesNotContain("li.na");
		assertThat(notifications(en).toString()).doesNotContain(enToken);
		assertThat(output.getAll()).contains("Email to l***@example.com: [Shifu] Booked: order " + externalId(en))
			.contains("Email to w***@example.com: 【师傅】")
			.doesNotContain(enToken, zhToken, enAddress, zhAddress);
	}

	private static SmtpInbox.Mail confirmation(String address, String marker) {
		List<SmtpInbox.Mail> mails = INBOX.to(address);
		return mails.stream().filter(m -> m.text().contains(marker)).findFirst().orElse(null);
	}

}
