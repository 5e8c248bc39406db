package dev.shifu.platform.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.webhook.internal.TestReceiver;
import dev.shifu.platform.webhook.internal.WebhookTestAccess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A low rating opens a complaint and the brand hears of it on its webhook ({@code order.complaint_opened}, signed as
 * every event); what the consumer typed stays their text but carries no markup in any body: the webhook's, the staff
 * complaint view's, the rating's own answer. In Shaoxing's Keqiao (330603), a district no other test of the shared
 * context uses.
 */
class ComplaintWebhookTests extends LifecycleFixture {

	private static final String DISTRICT = "330603";

	private static final double LAT = 30.081;

	private static final double LNG = 120.495;

	private static final String SCRIPT = "<script>alert(1)</script> & 'door' = scratched";

	@Autowired
	private ApplicationContext context;

	@Test
	void aOneStarRatingWithAScriptOpensAComplaintTheBrandReceivesSignedAndEveryBodyIsHtmlSafe() {
		try (TestReceiver receiver = TestReceiver.start()) {
			String secret = brandApi.put("/api/v1/brand/webhook", Map.of("url", receiver.url())).json().get("secret").asText();
			long dealer = addProvider("DEALER", DISTRICT, Map.of("INSTALLATION", 10));
			addInstaller(dealer, "师傅丙", LAT, LNG);
			Api dealerApi = providerAdmin(dealer);
			long order = postOrder("ARRIVED", "INSTALLATION", "GOLD", DISTRICT, LAT + 0.001, LNG + 0.001);
			String token = consumerToken(order);
			book(order, TODAY.plusDays(2));
			accept(order, dealerApi, dealer);
			serve(order, dealerApi, dealer);

			Api.Reply rated = consumer().post("/api/v1/consumer/" + token + "/rating",
					Map.of("stars", 1, "tags", List.of("LATE", "<b>"), "comment", SCRIPT));

			assertThat(rated.status()).as(rated.body()).isEqualTo(200);
			assertThat(rated.json().get("comment").asText()).isEqualTo(SCRIPT);
			assertNoMarkup(rated.body());
			driver.drainUntil(order, () -> admin.get("/api/v1/complaints?orderId=" + order).json().size() > 0,
					"a complaint");

			// Staff: the complaint quotes the comment, readable as it was typed, inert in the bytes.
			Api.Reply staff = asNewUser(Role.CUSTOMER_SERVICE, null).get("/api/v1/complaints?orderId=" + order);
			assertThat(staff.status()).isEqualTo(200);
			assertThat(staff.contentType()).startsWith("application/json");
			assertThat(staff.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
			JsonNode complaint = staff.json().get(0);
			assertThat(complaint.get("source").asText()).isEqualTo("LOW_RATING");
			assertThat(complaint.get("details").asText()).contains(SCRIPT);
			assertNoMarkup(staff.body());
			assertThat(staff.body()).contains("\\u003Cscript\\u003E");

			// The brand: one signed order.complaint_opened for this complaint, HTML-safe.
			TestReceiver.Received event = complaintEvent(receiver, order);
			assertThat(event.signedWith(secret)).as("signed like every webhook event").isTrue();
			assertThat(event.eventType()).isEqualTo("order.complaint_opened");
			assertThat(event.contentType()).startsWith("application/json");
			assertNoMarkup(event.body());
			assertThat(event.body()).contains("\\u003Cscript\\u003E");
			JsonNode json = event.json();
			assertThat(json.get("type").asText()).isEqualTo("order.complaint_opened");
			assertThat(json.get("eventId").asText()).isEqualTo(event.eventId());
			JsonNode data = json.get("data");
			assertThat(data.get("complaintId").asLong()).isEqualTo(complaint.get("id").asLong());
			assertThat(data.get("source").asText()).isEqualTo("LOW_RATING");
			assertThat(data.get("stars").asInt()).isEqualTo(1);
			assertThat(List.of(data.get("tags").get(0).asText(), data.get("tags").get(1).asText()))
				.containsExactly("LATE", "<b>");
			assertThat(data.get("comment").asText()).as("the consumer's words, decoded by any JSON parser")
				.isEqualTo(SCRIPT);

			// Delivery is at least once, but the complaint is one event.
			WebhookTestAccess.dispatchAllDue(context);
			assertThat(receiver.received().stream().filter(r -> isComplaintOf(r, order)).map(TestReceiver.Received::eventId)
				.distinct()).hasSize(1);
		}
	}

	/** No raw markup characters at all: each comes as a JSON escape. */
	private static void assertNoMarkup(String body) {
		assertThat(body).doesNotContain("<script>").doesNotContain("<", ">", "&", "'");
	}

	private TestReceiver.Received complaintEvent(TestReceiver receiver, long order) {
		for (int i = 0; i < 300; i++) {
			WebhookTestAccess.dispatchAllDue(context);
			Optional<TestReceiver.Received> found = receiver.received().stream().filter(r -> isComplaintOf(r, order)).findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("no order.complaint_opened for order " + order + "; received types "
				+ receiver.received().stream().map(TestReceiver.Received::eventType).collect(java.util.stream.Collectors.toSet()));
	}

	private static boolean isComplaintOf(TestReceiver.Received received, long order) {
		return "order.complaint_opened".equals(received.eventType()) && received.json().path("orderId").asLong() == order;
	}

}
