package dev.shifu.platform.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A brand with its own dealer in Xihu (330106) and one installer of it, and the steps that move one of the brand's
 * orders along through the real APIs and the real process. Timers are fired by hand (the job executor is off in
 * the test profile), as the process tests do. The one set-up of the lifecycle and staff-task tests.
 */
public abstract class OrderFixture extends PlatformIntegrationTest {

	/** Today in Shanghai, read again before each test (a suite may cross midnight). */
	protected static LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	/** Distinct phones for every installer of the JVM (a phone is unique per provider). */
	private static final AtomicInteger PHONES = new AtomicInteger();

	@Autowired
	protected RuntimeService runtime;

	@Autowired
	protected ManagementService management;

	@Autowired
	protected HistoryService history;

	@Autowired
	protected TaskService taskService;

	protected ProcessDriver driver;

	protected IssuedBrand brand;

	protected Api brandApi;

	protected Api admin;

	protected long dealerId;

	protected String dealerAdminName;

	protected Api dealerAdmin;

	/** The dealer's one installer: every day 08:00-18:00, doors, measuring and repairs. */
	protected long dealerInstallerId;

	/** Each added installer's phone, as sent (views may mask it). */
	protected final Map<Long, String> installerPhones = new java.util.HashMap<>();

	@BeforeEach
	void orderFixture() {
		TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		driver = new ProcessDriver(runtime, management, history, taskService);
		brand = newBrand();
		brandApi = asBrand(brand);
		admin = asNewUser(Role.ADMIN, null);
		dealerId = admin.post("/api/v1/providers", dealer(List.of("330106"))).json().get("id").asLong();
		dealerAdminName = unique("dealer");
		accounts.createUser(dealerAdminName, PASSWORD, dealerAdminName, Set.of(Role.PROVIDER_ADMIN), dealerId, null);
		dealerAdmin = Api.user(http, dealerAdminName, PASSWORD);
		dealerInstallerId = addInstaller(dealerId, "师傅甲");
	}

	/** The brand's dealer as created, covering these region codes. */
	protected Map<String, Object> dealer(List<String> regionCodes) {
		return Map.of("name", "Dealer of " + brand.code(), "type", "DEALER", "brandId", brand.brandId(),
				"contactPhone", "0571-88001234", "coverage", Map.of("regionCodes", regionCodes),
				"dailyCapacity", Map.of("INSTALLATION", 10));
	}

	/** Dispatch offers a job only to a provider with an active installer who has the skills: give it one. */
	protected long addInstaller(long providerId) {
		return addInstaller(providerId, "师傅乙");
	}

	/** An installer working every day 08:00-18:00 with doors, measuring and repairs; phones never repeat. */
	protected long addInstaller(long providerId, String name) {
		return addInstaller(providerId, name, 30.28, 120.12);
	}

	/** As {@link #addInstaller(long, String)}, setting out from the home base given. */
	protected long addInstaller(long providerId, String name, double lat, double lng) {
		List<Map<String, String>> everyDay = new java.util.ArrayList<>();
		for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
			everyDay.add(Map.of("day", day.name(), "start", "08:00", "end", "18:00"));
		}
		String phone = String.format("137%08d", (ProcessHandle.current().pid() % 1000) * 100000 + PHONES.incrementAndGet());
		Api.Reply reply = admin.post("/api/v1/providers/" + providerId + "/installers", Map.of("name", name, "phone", phone,
				"skills", List.of("DOOR", "MEASURING", "REPAIR"), "homeBase", Map.of("lat", lat, "lng", lng),
				"shifts", everyDay, "crewSize", 1));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		long id = reply.json().get("id").asLong();
		installerPhones.put(id, phone);
		return id;
	}

	/** Posts a door order of the brand and waits until its booking link went out. */
	protected long postOrder(String goodsStatus, String serviceType, String tier, String regionCode, double lat, double lng) {
		Map<String, Object> goods = goodsStatus.equals("SHIPPED")
				? Map.of("status", "SHIPPED", "expectedArrival", TODAY.plusDays(2).toString()) : Map.of("status", goodsStatus);
		Api.Reply reply = brandApi.post("/api/v1/orders", Map.of("externalOrderId", unique("ORDER"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", regionCode, "location", Map.of("lat", lat, "lng", lng)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", serviceType, "memberTier", tier, "goods", goods,
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

	/** The consumer's link, as the owning brand reads it from its order (staff and logs see it masked). */
	protected String consumerToken(long orderId) {
		String link = brandApi.get("/api/v1/orders/" + orderId).json().path("consumerLink").asText("");
		assertThat(link).as("consumer link of order " + orderId).contains("/c/");
		return link.substring(link.indexOf("/c/") + 3);
	}

	protected Api consumer() {
		return anonymous();
	}

	protected String verificationCode(long orderId) {
		return consumer().get("/api/v1/consumer/" + consumerToken(orderId)).json().get("verificationCode").asText();
	}

	/**
	 * A dispatcher books the day for the consumer (staff booking, as agreed on the phone); the process takes it. The
	 * consumer's own link books a window ({@code GET …/windows}, {@code POST …/appointment}), not a bare day.
	 */
	protected void book(long orderId, LocalDate date) {
		Api.Reply reply = admin.post("/api/v1/bookings/" + orderId, Map.of("date", date.toString()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		driver.drain(orderId);
	}

	protected JsonNode openOffer(long orderId) {
		for (JsonNode offer : admin.get("/api/v1/offers?orderId=" + orderId).json()) {
			if (offer.get("status").asText().equals("OFFERED")) {
				return offer;
			}
		}
		return null;
	}

	/** The provider accepts the order's open offer; the job is then scheduled. */
	protected void accept(long orderId, Api as, long providerId) {
		driver.drainUntil(orderId, () -> openOffer(orderId) != null, "an offer");
		JsonNode offer = openOffer(orderId);
		assertThat(offer.get("providerId").asLong()).as("offered to provider " + providerId).isEqualTo(providerId);
		assertThat(as.post("/api/v1/offers/" + offer.get("id").asLong() + "/accept", null).status()).isEqualTo(200);
		driver.drainUntil(orderId, () -> status(orderId).equals("SCHEDULED"), "scheduled");
	}

	/** From a booked order with goods on site to a scheduled job accepted by this brand's dealer, offered first. */
	protected void dispatchToDealer(long orderId) {
		accept(orderId, dealerAdmin, dealerId);
	}

	/** A job event from the dealer's admin. */
	protected Api.Reply jobEvent(long orderId, Map<String, Object> event) {
		return jobEvent(dealerAdmin, dealerId, orderId, event);
	}

	protected Api.Reply jobEvent(Api as, long providerId, long orderId, Map<String, Object> event) {
		Api.Reply reply = as.post("/api/v1/providers/" + providerId + "/jobs/" + orderId + "/events", event);
		driver.drain(orderId);
		return reply;
	}

}
