package dev.shifu.platform.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finished order's link expires the configured time after the order finished (two days here, not the default 30):
 * until then it shows the outcome and accepts nothing; after it, it is gone. For a closed order as for a cancelled one.
 */
@TestPropertySource(properties = "shifu.consumer-link.expire-after=P2D")
class ConsumerLinkExpiryTests extends LifecycleFixture {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aClosedOrdersLinkShowsTheOutcomeUntilTheConfiguredTimeAfterClosingThenExpires() {
		long order = postOrder("ARRIVED");
		String token = consumerToken(order);
		book(order, TODAY.plusDays(2));
		dispatchToDealer(order);
		serve(order);
		assertThat(consumer().post("/api/v1/consumer/" + token + "/rating", Map.of("stars", 5)).status()).isEqualTo(200);
		driver.fireTimer(order, "ReturnVisitDueTimer");
		Api service = asNewUser(Role.CUSTOMER_SERVICE, null);
		Api.Reply called = service.post("/api/v1/tasks/" + driver.openTask(order, "ReturnVisitTask") + "/complete",
				Map.of("type", "RETURN_VISIT", "outcome", "SATISFIED"));
		assertThat(called.status()).as(called.body()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("CLOSED"), "closed");

		closedAgo(order, "CLOSED", 1);
		Api.Reply dayAfter = consumer().get("/api/v1/consumer/" + token);
		assertThat(dayAfter.status()).as("a day after closing, within two").isEqualTo(200);
		assertThat(dayAfter.json().get("status").asText()).isEqualTo("CLOSED");
		Api.Reply book = consumer().post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", TODAY.plusDays(3).toString(), "window", "MORNING"));
		assertThat(book.status()).isEqualTo(409);
		assertThat(book.json().get("type").asText()).endsWith("/link-read-only");

		closedAgo(order, "CLOSED", 3);
		Api.Reply expired = consumer().get("/api/v1/consumer/" + token);
		assertThat(expired.status()).as("three days after closing, past two").isEqualTo(410);
		assertThat(expired.contentType()).startsWith("application/problem+json");
		assertThat(expired.json().get("type").asText()).endsWith("/link-expired");
	}

	@Test
	void aCancelledOrdersLinkExpiresTheConfiguredTimeAfterTheCancellationNotTheDefault() {
		long order = postOrder("ARRIVED");
		String token = consumerToken(order);
		assertThat(consumer().post("/api/v1/consumer/" + token + "/cancel", Map.of("reason", "changed my mind")).status())
			.isEqualTo(200);

		closedAgo(order, "CANCELLED", 1);
		assertThat(consumer().get("/api/v1/consumer/" + token).status()).as("within two days").isEqualTo(200);
		closedAgo(order, "CANCELLED", 3);
		Api.Reply expired = consumer().get("/api/v1/consumer/" + token);
		assertThat(expired.status()).as("past two days, long before the default 30").isEqualTo(410);
		assertThat(expired.json().get("type").asText()).endsWith("/link-expired");
	}

	/** Moves the order's change into {@code status} this many days back, as if it had finished then. */
	private void closedAgo(long order, String status, int days) {
		int updated = jdbc.update("update order_status_change set changed_at = ? where order_id = ? and to_status = ?",
				Timestamp.from(Instant.now().minus(days, ChronoUnit.DAYS)), order, status);
		assertThat(updated).as("the order's change into " + status).isEqualTo(1);
	}

}
