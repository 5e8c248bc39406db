package dev.shifu.platform.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.workflows.ServiceOrderProcess.Elements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders walked through the real APIs and the real process until a staff task waits for them: the dispatcher's
 * phone call, manual assignment and address resolution, and customer service's return visit. Timers are fired by
 * hand (the job executor is off in tests), as the process tests do.
 */
public abstract class StaffTaskFixture extends PlatformIntegrationTest {

	protected static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	/** Nobody covers Chun'an in the tests, so its orders fall to manual assignment. */
	protected static final String UNCOVERED_REGION = "330127";

	@Autowired
	protected RuntimeService runtime;

	@Autowired
	protected TaskService taskService;

	@Autowired
	private ManagementService management;

	@Autowired
	private HistoryService history;

	@Autowired
	private JdbcTemplate jdbc;

	protected ProcessDriver driver;

	protected IssuedBrand brand;

	protected Api brandApi;

	protected Api admin;

	protected Api dealerAdmin;

	protected long dealerId;

	protected String dealerAdminName;

	@org.springframework.boot.test.web.server.LocalServerPort
	private int port;

	@BeforeEach
	void staffTaskFixture() {
		driver = new ProcessDriver(runtime, management, history, taskService);
		brand = newBrand();
		brandApi = asBrand(brand);
		admin = asNewUser(Role.ADMIN, null);
		dealerId = admin.post("/api/v1/providers", Map.of("name", "Dealer of " + brand.code(), "type", "DEALER",
				"brandId", brand.brandId(), "contactPhone", "0571-88001234",
				"coverage", Map.of("regionCodes", List.of("330106")), "dailyCapacity", Map.of("INSTALLATION", 10)))
			.json()
			.get("id")
			.asLong();
		dealerAdminName = unique("dealer");
		accounts.createUser(dealerAdminName, PASSWORD, dealerAdminName, Set.of(Role.PROVIDER_ADMIN), dealerId, null);
		dealerAdmin = Api.user(http, dealerAdminName, PASSWORD);
		addInstaller(dealerId);
	}

	private static final java.util.concurrent.atomic.AtomicInteger PHONES = new java.util.concurrent.atomic.AtomicInteger();

	/** Dispatch offers a job only to a provider with an active installer who has the skills: give it one. */
	protected long addInstaller(long providerId) {
		List<Map<String, String>> everyDay = new java.util.ArrayList<>();
		for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
			everyDay.add(Map.of("day", day.name(), "start", "08:00", "end", "18:00"));
		}
		String phone = String.format("136%08d", (ProcessHandle.current().pid() % 1000) * 100000 + PHONES.incrementAndGet());
		Api.Reply reply = admin.post("/api/v1/providers/" + providerId + "/installers", Map.of("name", "师傅乙",
				"phone", phone, "skills", List.of("DOOR"), "homeBase", Map.of("lat", 30.28, "lng", 120.12),
				"shifts", everyDay, "crewSize", 1));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asLong();
	}

	protected long postOrder(String regionCode) {
		boolean uncovered = regionCode.equals(UNCOVERED_REGION);
		Api.Reply reply = brandApi.post("/api/v1/orders", Map.of("externalOrderId", unique("STAFF"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市文三路 90 号",
						"regionCode", regionCode,
						"location", uncovered ? Map.of("lat", 29.609, "lng", 119.042) : Map.of("lat", 30.2765, "lng", 120.1229)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED"),
				"promisedBy", TODAY.plusDays(9).toString()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		long id = reply.json().get("id").asLong();
		driver.instanceOf(id);
		driver.drainUntil(id, () -> status(id).equals("AWAITING_BOOKING"), "booking link sent");
		return id;
	}

	protected String status(long orderId) {
		return admin.get("/api/v1/orders/" + orderId).json().get("status").asText();
	}

	/** The link token, read where it is kept: staff views and logs mask it. */
	protected String consumerToken(long orderId) {
		return jdbc.queryForObject("select consumer_token from service_order where id = ?", String.class, orderId);
	}

	protected Api.Reply consumerGet(long orderId) {
		return anonymous().get("/api/v1/consumer/" + consumerToken(orderId));
	}

	protected String verificationCode(long orderId) {
		return consumerGet(orderId).json().get("verificationCode").asText();
	}

	protected void book(long orderId) {
		Api.Reply reply = anonymous().post("/api/v1/consumer/" + consumerToken(orderId) + "/booking",
				Map.of("date", TODAY.plusDays(3).toString()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		driver.drain(orderId);
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
		Api.Reply widened = admin.put("/api/v1/providers/" + dealerId, Map.of("name", "Dealer of " + brand.code(),
				"type", "DEALER", "brandId", brand.brandId(), "contactPhone", "0571-88001234",
				"coverage", Map.of("regionCodes", List.of("330106", UNCOVERED_REGION)),
				"dailyCapacity", Map.of("INSTALLATION", 10)));
		assertThat(widened.status()).as(widened.body()).isEqualTo(200);
		return order;
	}

	/** Booked, accepted by the brand's dealer, scheduled. */
	protected long scheduledOrder() {
		long order = postOrder("330106");
		book(order);
		driver.drainUntil(order, () -> openOffer(order) != null, "an offer");
		long offer = openOffer(order).get("id").asLong();
		assertThat(dealerAdmin.post("/api/v1/offers/" + offer + "/accept", null).status()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("SCHEDULED"), "scheduled");
		return order;
	}

	/** On the installation day the installer finds the address wrong: the dispatcher resolves it. */
	protected long orderAtAddressResolution() {
		long order = scheduledOrder();
		driver.fireTimer(order, Elements.INSTALLATION_DAY_TIMER);
		assertThat(jobEvent(order, Map.of("type", "EN_ROUTE")).status()).isEqualTo(200);
		Api.Reply exception = jobEvent(order, Map.of("type", "EXCEPTION", "exceptionReason", "ADDRESS_WRONG"));
		assertThat(exception.status()).as(exception.body()).isEqualTo(200);
		assertThat(driver.openTask(order, Elements.RESOLVE_ADDRESS_TASK)).isNotNull();
		return order;
	}

	/** Installed until the installer needs the consumer's code. */
	protected long orderStarted() {
		long order = scheduledOrder();
		driver.fireTimer(order, Elements.INSTALLATION_DAY_TIMER);
		for (String step : List.of("EN_ROUTE", "ARRIVED", "STARTED")) {
			assertThat(jobEvent(order, Map.of("type", step)).status()).isEqualTo(200);
		}
		return order;
	}

	/** Completed, rated, and a week later customer service calls the consumer back. */
	protected long orderAtReturnVisit() {
		long order = orderStarted();
		Api.Reply completed = jobEvent(order, Map.of("type", "COMPLETED", "verificationCode", verificationCode(order)));
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		Api.Reply rated = anonymous().post("/api/v1/consumer/" + consumerToken(order) + "/rating",
				Map.of("stars", 5, "tags", List.of("准时"), "comment", "很好"));
		assertThat(rated.status()).as(rated.body()).isEqualTo(200);
		driver.drain(order);
		driver.fireTimer(order, Elements.RETURN_VISIT_DUE_TIMER);
		assertThat(driver.openTask(order, Elements.RETURN_VISIT_TASK)).isNotNull();
		return order;
	}

	protected Api.Reply jobEvent(long orderId, Map<String, Object> event) {
		Api.Reply reply = dealerAdmin.post("/api/v1/providers/" + dealerId + "/jobs/" + orderId + "/events", event);
		driver.drain(orderId);
		return reply;
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

	private JsonNode openOffer(long orderId) {
		for (JsonNode offer : admin.get("/api/v1/offers?orderId=" + orderId).json()) {
			if (offer.get("status").asText().equals("OFFERED")) {
				return offer;
			}
		}
		return null;
	}

}
