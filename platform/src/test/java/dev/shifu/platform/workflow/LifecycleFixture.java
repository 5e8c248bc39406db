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
	}

	long postOrder(String goodsStatus) {
		Map<String, Object> goods = goodsStatus.equals("SHIPPED")
				? Map.of("status", "SHIPPED", "expectedArrival", TODAY.plusDays(2).toString()) : Map.of("status", goodsStatus);
		Api.Reply reply = brandApi.post("/api/v1/orders", Map.of("externalOrderId", unique("LIFE"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", "330106", "location", Map.of("lat", 30.2765, "lng", 120.1229)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD", "goods", goods,
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
		Api.Reply reply = dealerAdmin.post("/api/v1/providers/" + dealerId + "/jobs/" + orderId + "/events", event);
		driver.drain(orderId);
		return reply;
	}

	String verificationCode(long orderId) {
		return consumer().get("/api/v1/consumer/" + consumerToken(orderId)).json().get("verificationCode").asText();
	}

	/** Installation day, the installer's progress and a completion with the consumer's code. */
	void serve(long orderId) {
		driver.fireTimer(orderId, "InstallationDayTimer");
		assertThat(status(orderId)).isEqualTo("IN_SERVICE");
		for (String step : List.of("EN_ROUTE", "ARRIVED", "STARTED")) {
			assertThat(jobEvent(orderId, Map.of("type", step)).status()).isEqualTo(200);
		}
		assertThat(jobEvent(orderId, Map.of("type", "COMPLETED", "verificationCode", verificationCode(orderId))).status())
			.isEqualTo(200);
		assertThat(status(orderId)).isEqualTo("COMPLETED");
	}

}
