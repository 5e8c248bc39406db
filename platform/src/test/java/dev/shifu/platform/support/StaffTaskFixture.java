package dev.shifu.platform.support;

import java.util.List;
import java.util.Map;

import dev.shifu.workflows.ServiceOrderProcess.Elements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders walked through the real APIs and the real process until a staff task waits for them: the dispatcher's
 * phone call, manual assignment and address resolution, and customer service's return visit.
 */
public abstract class StaffTaskFixture extends OrderFixture {

	/** Nobody covers Chun'an in the tests, so its orders fall to manual assignment. */
	protected static final String UNCOVERED_REGION = "330127";

	@org.springframework.boot.test.web.server.LocalServerPort
	private int port;

	/** The position of the orders' address in covered districts (30.2765, 120.1229). */
	protected static final Map<String, Object> AT_THE_ADDRESS = Map.of("lat", 30.2765, "lng", 120.1229);

	protected long postOrder(String regionCode) {
		return regionCode.equals(UNCOVERED_REGION) ? postOrder("ARRIVED", "INSTALLATION", "GOLD", regionCode, 29.609, 119.042)
				: postOrder("ARRIVED", "INSTALLATION", "GOLD", regionCode, 30.2765, 120.1229);
	}

	protected Api.Reply consumerGet(long orderId) {
		return anonymous().get("/api/v1/consumer/" + consumerToken(orderId));
	}

	protected void book(long orderId) {
		book(orderId, TODAY.plusDays(3));
	}

	/** Not booked within 48 hours: the dispatcher phones the consumer. */
	protected long orderAtPhoneConsumer() {
		long order = postOrder("330106");
		driver.fireTimer(order, Elements.BOOKING_ESCALATION_TIMER);
		assertThat(driver.openTask(order, Elements.PHONE_CONSUMER_TASK)).isNotNull();
		return order;
	}

	/** No provider covers the address: the dispatcher assigns one. */
	protected long orderAtManualAssignment() {
		long order = postOrder(UNCOVERED_REGION);
		book(order);
		driver.drainUntil(order, () -> driver.openTask(order, Elements.ASSIGN_MANUALLY_TASK) != null, "manual assignment");
		// The dispatcher agrees with the brand's dealer to go out there this once: it now covers the district too.
		Api.Reply widened = admin.put("/api/v1/providers/" + dealerId, dealer(List.of("330106", UNCOVERED_REGION)));
		assertThat(widened.status()).as(widened.body()).isEqualTo(200);
		return order;
	}

	/** Booked, accepted by the brand's dealer, scheduled. */
	protected long scheduledOrder() {
		long order = postOrder("330106");
		book(order);
		dispatchToDealer(order);
		return order;
	}

	/** On the installation day the installer finds the address wrong: the dispatcher resolves it. */
	protected long orderAtAddressResolution() {
		long order = scheduledOrder();
		driver.fireTimer(order, Elements.INSTALLATION_DAY_TIMER);
		assertThat(jobEvent(order, Map.of("type", "EN_ROUTE")).status()).isEqualTo(200);
		Api.Reply exception = jobEvent(order, Map.of("type", "EXCEPTION", "exceptionReason", "ADDRESS_WRONG", "note", "no such building"));
		assertThat(exception.status()).as(exception.body()).isEqualTo(200);
		assertThat(driver.openTask(order, Elements.RESOLVE_ADDRESS_TASK)).isNotNull();
		return order;
	}

	/** Installed until the installer needs the consumer's code. */
	protected long orderStarted() {
		long order = scheduledOrder();
		driver.fireTimer(order, Elements.INSTALLATION_DAY_TIMER);
		for (String step : List.of("EN_ROUTE", "ARRIVED", "STARTED")) {
			// At the consumer's address: an arrival without a position is flagged NO_LOCATION for review.
			Map<String, Object> event = step.equals("ARRIVED") ? Map.of("type", step, "location", AT_THE_ADDRESS)
					: Map.of("type", step);
			assertThat(jobEvent(order, event).status()).isEqualTo(200);
		}
		return order;
	}

	/** Completed, rated, and a week later customer service calls the consumer back. */
	protected long orderAtReturnVisit() {
		long order = orderStarted();
		Api.Reply completed = jobEvent(order, Map.of("type", "COMPLETED", "verificationCode", verificationCode(order),
				"location", AT_THE_ADDRESS));
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		Api.Reply rated = anonymous().post("/api/v1/consumer/" + consumerToken(order) + "/rating",
				Map.of("stars", 5, "tags", List.of("准时"), "comment", "很好"));
		assertThat(rated.status()).as(rated.body()).isEqualTo(200);
		driver.drain(order);
		driver.fireTimer(order, Elements.RETURN_VISIT_DUE_TIMER);
		assertThat(driver.openTask(order, Elements.RETURN_VISIT_TASK)).isNotNull();
		return order;
	}

	/**
	 * A job event through the JDK client, which does not wait out a {@code Retry-After} as the test template's
	 * Apache client would (an hour, for a completion lock): we want to see the answer itself.
	 */
	protected int jobEventStatus(long orderId, String json) {
		try {
			var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/providers/" + dealerId + "/jobs/" + orderId + "/events"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Basic " + java.util.Base64.getEncoder()
					.encodeToString((dealerAdminName + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			driver.drain(orderId);
			return response.statusCode();
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new AssertionError(ex);
		}
	}

}
