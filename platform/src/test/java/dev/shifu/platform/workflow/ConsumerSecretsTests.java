package dev.shifu.platform.workflow;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer's link opens the order and shows the completion code (核销), so only the consumer (and the owning
 * brand, who passes it on) may read it: never staff views of the messages, never the log. Messages are fixed
 * templates, each text wholly in its language, and nothing a brand or consumer typed reaches them.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsumerSecretsTests extends LifecycleFixture {

	private static final Pattern LATIN = Pattern.compile("[A-Za-z]");

	private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

	@Test
	void staffViewsAndTheLogNeverShowTheConsumerLinkOrTheCompletionCode(CapturedOutput output) {
		long order = postOrder("ARRIVED");
		String token = consumerToken(order);
		book(order, TODAY.plusDays(2));
		dispatchToDealer(order);
		// The consumer sees the code only on the day of the visit: serve gives back the one it used.
		String code = serve(order);
		driver.drainUntil(order, () -> templates(order).contains("RATING_REQUEST"), "rating request queued");
		awaitAllSent(order);

		for (Role role : List.of(Role.ADMIN, Role.DISPATCHER, Role.CUSTOMER_SERVICE)) {
			Api.Reply staff = asNewUser(role, null).get("/api/v1/notifications?orderId=" + order);
			assertThat(staff.status()).isEqualTo(200);
			assertThat(staff.body()).as(role.name()).doesNotContain(token).doesNotContain(code).contains("/c/******");
		}
		List<String> smsLines = output.getAll().lines().filter(l -> l.contains("SMS to")).toList();
		assertThat(smsLines).as("the log channel logged the messages").isNotEmpty();
		assertThat(smsLines).noneMatch(l -> l.contains(code));
		assertThat(output.getAll()).doesNotContain(token);
	}

	@Test
	void eachTextIsWhollyInItsLanguageWithTheServiceTypeNamedInIt() {
		long order = postOrder("ARRIVED");

		JsonNode link = bookingLink(order);

		String external = admin.get("/api/v1/orders/" + order).json().get("externalOrderId").asText();
		String zh = link.get("textZh").asText().replace(external, "").replaceAll("https?://\\S+", "");
		String en = link.get("textEn").asText().replace(external, "").replaceAll("https?://\\S+", "");
		assertThat(zh).contains("安装").doesNotContainPattern(LATIN);
		assertThat(en).contains("installation").doesNotContainPattern(CJK);
	}

	@Test
	void aCancelReasonNeverReachesTheMessages() {
		long order = postOrder("NOT_SHIPPED");
		String reason = "退款请加微信 fake-refund，或访问 http://phish.example/pay 13900001111";

		brandApi.post("/api/v1/orders/" + order + "/cancel", Map.of("reason", reason));
		driver.drainUntil(order, () -> templates(order).contains("ORDER_CANCELLED"), "cancellation message queued");

		String external = admin.get("/api/v1/orders/" + order).json().get("externalOrderId").asText();
		JsonNode cancelled = null;
		for (JsonNode n : notifications(order)) {
			if (n.get("template").asText().equals("ORDER_CANCELLED")) {
				cancelled = n;
			}
		}
		assertThat(cancelled.get("textZh").asText()).isEqualTo("【师傅】订单 " + external + " 已由商家取消。");
		assertThat(cancelled.get("textEn").asText()).isEqualTo("[Shifu] Order " + external + " has been cancelled by the seller.");
	}

	private JsonNode bookingLink(long order) {
		for (JsonNode n : notifications(order)) {
			if (n.get("template").asText().equals("BOOKING_LINK")) {
				return n;
			}
		}
		throw new AssertionError("no booking link for order " + order);
	}

	private List<String> templates(long order) {
		return notifications(order).findValuesAsText("template");
	}

	/** The scheduled sender hands every queued message to the channel; bounded, on the outcome. */
	private void awaitAllSent(long order) {
		for (int i = 0; i < 200; i++) {
			if (notifications(order).findValuesAsText("status").stream().allMatch("SENT"::equals)) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("messages of order " + order + " not sent");
	}

}
