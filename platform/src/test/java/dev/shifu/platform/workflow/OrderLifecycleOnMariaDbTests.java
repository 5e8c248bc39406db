package dev.shifu.platform.workflow;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.UsesMariaDb;
import dev.shifu.platform.webhook.internal.TestReceiver;
import dev.shifu.platform.webhook.internal.WebhookTestAccess;

import static org.assertj.core.api.Assertions.assertThat;

/** One order from posting to CLOSED on the real engine and MariaDB, through the real REST APIs only. */
@UsesMariaDb
class OrderLifecycleOnMariaDbTests extends LifecycleFixture {

	/** Test contexts name their engines uniquely, so Camunda REST is addressed by engine name. */
	@org.springframework.beans.factory.annotation.Autowired
	private org.camunda.bpm.engine.ProcessEngine engine;

	@org.springframework.beans.factory.annotation.Autowired
	private org.springframework.context.ApplicationContext context;

	@Test
	void anOrderIsWalkedFromPostingToClosed() {
		TestReceiver receiver = TestReceiver.start();
		String secret = brandApi.put("/api/v1/brand/webhook", Map.of("url", receiver.url())).json().get("secret").asText();
		long order = postOrder("SHIPPED");
		assertThat(notifications(order).findValuesAsText("template")).contains("BOOKING_LINK");

		// booking: never before the goods are due
		String token = consumerToken(order);
		Api.Reply tooEarly = consumer().post("/api/v1/consumer/" + token + "/booking", Map.of("date", TODAY.plusDays(1).toString()));
		assertThat(tooEarly.status()).isEqualTo(400);
		assertThat(tooEarly.json().get("field").asText()).isEqualTo("date");
		book(order, TODAY.plusDays(3));
		assertThat(status(order)).isEqualTo("AWAITING_GOODS");

		// logistics: the goods arrive and dispatch offers the job to the brand's dealer, which accepts
		brandApi.post("/api/v1/orders/" + order + "/goods-status", Map.of("status", "ARRIVED"));
		dispatchToDealer(order);

		// installation day, progress, a wrong code that does not complete, then the right one
		driver.fireTimer(order, "InstallationDayTimer");
		jobEvent(order, Map.of("type", "EN_ROUTE"));
		jobEvent(order, Map.of("type", "ARRIVED"));
		jobEvent(order, Map.of("type", "STARTED"));
		Api.Reply wrong = jobEvent(order, Map.of("type", "COMPLETED", "verificationCode", "000000".equals(verificationCode(order)) ? "111111" : "000000"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("field").asText()).isEqualTo("verificationCode");
		assertThat(status(order)).isEqualTo("STARTED");
		assertThat(jobEvent(order, Map.of("type", "COMPLETED", "verificationCode", verificationCode(order))).status()).isEqualTo(200);
		assertThat(status(order)).isEqualTo("COMPLETED");

		// no cancelling a completed job
		assertThat(consumer().post("/api/v1/consumer/" + token + "/cancel", Map.of("reason", "changed my mind")).status())
			.isEqualTo(409);

		// rating and the return visit close the order
		assertThat(consumer().post("/api/v1/consumer/" + token + "/rating",
				Map.of("stars", 5, "tags", List.of("准时", "专业"), "comment", "很好")).status()).isEqualTo(200);
		driver.drain(order);
		driver.fireTimer(order, "ReturnVisitDueTimer");
		String returnVisit = driver.openTask(order, "ReturnVisitTask");
		Api.Reply completed = admin.post("/engine-rest/engine/" + engine.getName() + "/task/" + returnVisit + "/complete",
				Map.of("variables", Map.of("returnVisitOutcome", Map.of("value", "SATISFIED"))));
		assertThat(completed.status()).as(completed.body()).isEqualTo(204);
		driver.drain(order);

		assertThat(status(order)).isEqualTo("CLOSED");
		assertThat(history(order)).containsExactly("RECEIVED", "AWAITING_BOOKING", "BOOKED", "AWAITING_GOODS",
				"DISPATCHING", "ASSIGNED", "SCHEDULED", "IN_SERVICE", "EN_ROUTE", "ARRIVED", "STARTED", "COMPLETED",
				"RATED", "CLOSED");
		assertThat(driver.endedAt(order)).isEqualTo("OrderClosedEndEvent");
		assertThat(notifications(order).findValuesAsText("template")).contains("RATING_REQUEST");

		// every step reached the brand, signed, in order (status events reach the outbox asynchronously)
		List<String> steps = history(order);
		List<String> delivered = List.of();
		for (int round = 0; round < 100 && delivered.size() < steps.size(); round++) {
			WebhookTestAccess.dispatchAllDue(context);
			delivered = receiver.received()
				.stream()
				.filter(r -> r.signedWith(secret))
				.map(r -> r.json())
				.filter(json -> json.get("orderId").asLong() == order)
				.sorted(java.util.Comparator.comparingInt(json -> json.at("/data/sequence").asInt()))
				.map(json -> json.at("/data/to").asText())
				.toList();
			pause();
		}
		assertThat(delivered).containsExactlyElementsOf(steps);
		assertThat(receiver.received().stream().map(r -> r.json()).filter(json -> json.get("orderId").asLong() == order)
			.map(json -> json.at("/data/externalOrderId").asText())).allMatch(id -> id.startsWith("LIFE-"));
		receiver.close();
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
