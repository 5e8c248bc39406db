package dev.shifu.platform.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.support.ProcessDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** A brand with its own dealer, and the steps that move one of its orders along through the real APIs. */
abstract class LifecycleFixture extends PlatformIntegrationTest {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService taskService;

	ProcessDriver driver;

	IssuedBrand brand;

	Api brandApi;

	Api admin;

	Api dealerAdmin;

	String dealerAdminName;

	long dealerId;

	/** The dealer's one installer: every day 08:00-18:00, doors, measuring and repairs. */
	long dealerInstallerId;

	@Autowired
	dev.shifu.platform.schedule.PlannedVisits plannedVisits;

	@BeforeEach
	void fixture() {
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
		accounts.createUser(dealerAdminName, PASSWORD, dealerAdminName, java.util.Set.of(Role.PROVIDER_ADMIN), dealerId, null);
		dealerAdmin = dev.shifu.platform.support.Api.user(http, dealerAdminName, PASSWORD);
		dealerInstallerId = addInstaller(dealerId, "师傅甲");
	}

	/** Each added installer's phone, as sent (views may mask it). */
	final Map<Long, String> installerPhones = new java.util.HashMap<>();

	private static final java.util.concurrent.atomic.AtomicInteger PHONES = new java.util.concurrent.atomic.AtomicInteger();

	/** An installer working every day 08:00-18:00 with doors, measuring and repairs; phones never repeat. */
	long addInstaller(long providerId, String name) {
		List<Map<String, String>> everyDay = new java.util.ArrayList<>();
		for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
			everyDay.add(Map.of("day", day.name(), "start", "08:00", "end", "18:00"));
		}
		String phone = String.format("137%08d", (ProcessHandle.current().pid() % 1000) * 100000 + PHONES.incrementAndGet());
		Api.Reply reply = admin.post("/api/v1/providers/" + providerId + "/installers", Map.of("name", name, "phone", phone,
				"skills", List.of("DOOR", "MEASURING", "REPAIR"), "homeBase", Map.of("lat", 30.28, "lng", 120.12),
				"shifts", everyDay, "crewSize", 1));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		installerPhones.put(reply.json().get("id").asLong(), phone);
		return reply.json().get("id").asLong();
	}

	/** Another provider of the brand (a second dealer) or a third party, covering the region, with one installer. */
	long addProvider(String type, String regionCode, Map<String, Integer> capacity) {
		Map<String, Object> request = new java.util.HashMap<>(Map.of("name", unique(type), "type", type,
				"contactPhone", "0571-88004321", "coverage", Map.of("regionCodes", List.of(regionCode)), "dailyCapacity", capacity));
		if (type.equals("DEALER")) {
			request.put("brandId", brand.brandId());
		}
		Api.Reply reply = admin.post("/api/v1/providers", request);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asLong();
	}

	Api providerAdmin(long providerId) {
		return asNewUser(Role.PROVIDER_ADMIN, providerId);
	}

	JsonNode installer(long providerId, long installerId) {
		return admin.get("/api/v1/providers/" + providerId + "/installers/" + installerId).json();
	}

	/**
	 * Waits until the stored plan (what the installer app will read) sends one of {@code installers} to the order:
	 * after acceptance the live solver moves the job onto the accepting provider's installers.
	 */
	List<Long> storedCrew(long orderId, java.util.Collection<Long> installers) {
		for (int i = 0; i < 1200; i++) {
			List<Long> crew = plannedVisits.crewOf(orderId);
			if (!crew.isEmpty() && installers.containsAll(crew)) {
				return crew;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		throw new AssertionError("order " + orderId + " was never planned on " + installers + "; stored crew "
				+ plannedVisits.crewOf(orderId) + "; live plan: "
				+ asNewUser(Role.DISPATCHER, null).get("/api/v1/schedules?region=330100&date=" + TODAY.plusDays(2)).body());
	}

	long postOrder(String goodsStatus) {
		return postOrder(goodsStatus, "INSTALLATION", "GOLD", "330106");
	}

	long postOrder(String goodsStatus, String serviceType, String tier, String regionCode) {
		Map<String, Object> goods = goodsStatus.equals("SHIPPED")
				? Map.of("status", "SHIPPED", "expectedArrival", TODAY.plusDays(2).toString()) : Map.of("status", goodsStatus);
		Api.Reply reply = brandApi.post("/api/v1/orders", Map.of("externalOrderId", unique("LIFE"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", regionCode, "location", Map.of("lat", 30.2765, "lng", 120.1229)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", serviceType, "memberTier", tier, "goods", goods,
				"promisedBy", TODAY.plusDays(9).toString()));
		assertThat(reply.status()).isEqualTo(201);
		long id = reply.json().get("id").asLong();
		driver.instanceOf(id);
		driver.drainUntil(id, () -> status(id).equals("AWAITING_BOOKING"), "booking link sent");
		return id;
	}

	String status(long orderId) {
		return admin.get("/api/v1/orders/" + orderId).json().get("status").asText();
	}

	List<String> history(long orderId) {
		return admin.get("/api/v1/orders/" + orderId).json().get("history").findValuesAsText("to");
	}

	JsonNode notifications(long orderId) {
		return admin.get("/api/v1/notifications?orderId=" + orderId).json();
	}

	/** The consumer's link, as the owning brand reads it from its order (staff see it masked). */
	String consumerToken(long orderId) {
		String link = brandApi.get("/api/v1/orders/" + orderId).json().path("consumerLink").asText("");
		assertThat(link).as("consumer link of order " + orderId).contains("/c/");
		return link.substring(link.indexOf("/c/") + 3);
	}

	Api consumer() {
		return anonymous();
	}

	void book(long orderId, LocalDate date) {
		Api.Reply reply = consumer().post("/api/v1/consumer/" + consumerToken(orderId) + "/booking", Map.of("date", date.toString()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		driver.drain(orderId);
	}

	/** From a booked order with goods on site to a scheduled job accepted by this brand's dealer. */
	void dispatchToDealer(long orderId) {
		driver.drainUntil(orderId, () -> openOffer(orderId) != null, "an offer");
		JsonNode offer = openOffer(orderId);
		assertThat(offer.get("providerId").asLong()).as("the brand's own dealer is offered first").isEqualTo(dealerId);
		assertThat(dealerAdmin.post("/api/v1/offers/" + offer.get("id").asLong() + "/accept", null).status()).isEqualTo(200);
		driver.drainUntil(orderId, () -> status(orderId).equals("SCHEDULED"), "scheduled");
	}

	JsonNode openOffer(long orderId) {
		for (JsonNode offer : admin.get("/api/v1/offers?orderId=" + orderId).json()) {
			if (offer.get("status").asText().equals("OFFERED")) {
				return offer;
			}
		}
		return null;
	}

	Api.Reply jobEvent(long orderId, Map<String, Object> event) {
		return jobEvent(dealerAdmin, dealerId, orderId, event);
	}

	Api.Reply jobEvent(Api as, long providerId, long orderId, Map<String, Object> event) {
		Api.Reply reply = as.post("/api/v1/providers/" + providerId + "/jobs/" + orderId + "/events", event);
		driver.drain(orderId);
		return reply;
	}

	/** The provider accepts the order's open offer; the job is then scheduled. */
	void accept(long orderId, Api as, long providerId) {
		driver.drainUntil(orderId, () -> openOffer(orderId) != null, "an offer");
		JsonNode offer = openOffer(orderId);
		assertThat(offer.get("providerId").asLong()).isEqualTo(providerId);
		assertThat(as.post("/api/v1/offers/" + offer.get("id").asLong() + "/accept", null).status()).isEqualTo(200);
		driver.drainUntil(orderId, () -> status(orderId).equals("SCHEDULED"), "scheduled");
	}

	String verificationCode(long orderId) {
		return consumer().get("/api/v1/consumer/" + consumerToken(orderId)).json().get("verificationCode").asText();
	}

	/** Installation day, the installer's progress and a completion with the consumer's code. */
	void serve(long orderId) {
		serve(orderId, dealerAdmin, dealerId);
	}

	void serve(long orderId, Api as, long providerId) {
		driver.fireTimer(orderId, "InstallationDayTimer");
		assertThat(status(orderId)).isEqualTo("IN_SERVICE");
		for (String step : List.of("EN_ROUTE", "ARRIVED", "STARTED")) {
			assertThat(jobEvent(as, providerId, orderId, Map.of("type", step)).status()).isEqualTo(200);
		}
		assertThat(jobEvent(as, providerId, orderId, Map.of("type", "COMPLETED", "verificationCode", verificationCode(orderId))).status())
			.isEqualTo(200);
		assertThat(status(orderId)).isEqualTo("COMPLETED");
	}

}
