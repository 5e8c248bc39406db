package dev.shifu.platform.catalog;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.MovableClock;
import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.support.ProcessDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each region's calendar days follow its own zone from the catalog. The tests use a fictional district on New York
 * time (test data) next to Hangzhou: at 01:00 UTC it is already the 2nd in Hangzhou and still the 1st in New York.
 */
@Import(MovableClock.Config.class)
class RegionZoneTests extends PlatformIntegrationTest {

	private static final Instant ONE_AM_UTC = Instant.parse("2026-12-02T01:00:00Z");

	@Autowired
	private Regions regions;

	@Autowired
	private MovableClock clock;

	@Autowired
	private OrderLifecycle orders;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ManagementService management;

	@Autowired
	private HistoryService history;

	@Autowired
	private TaskService tasks;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void everyRegionCarriesAZoneAndTheCatalogShowsIt() {
		JsonNode all = asNewUser(Role.DISPATCHER, null).get("/api/v1/catalog/regions").json();

		assertThat(all.findValuesAsText("zoneId")).hasSize(all.size()).doesNotContainNull();
		assertThat(regions.zoneOf("330106")).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(regions.zoneOf("990101")).isEqualTo(ZoneId.of("America/New_York"));
		assertThat(regions.zoneOf("990199")).as("an unknown district takes its city's zone").isEqualTo(ZoneId.of("America/New_York"));
		assertThat(regions.zoneOf("nonsense")).isEqualTo(regions.defaultZone());
	}

	@Test
	void promisedByIsCheckedAgainstTodayInTheOrdersRegion() {
		clock.set(ONE_AM_UTC);
		Api brand = asBrand(newBrand());

		Api.Reply hangzhou = brand.post("/api/v1/orders", order("330106", 30.27, 120.12, "2026-12-01"));
		Api.Reply newYork = brand.post("/api/v1/orders", order("990101", 40.71, -74.0, "2026-12-01"));

		assertThat(hangzhou.status()).isEqualTo(400);
		assertThat(hangzhou.json().get("field").asText()).isEqualTo("promisedBy");
		assertThat(newYork.status()).as(newYork.body()).isEqualTo(201);
	}

	@Test
	void theConsumerBooksByTheCalendarOfTheOrdersRegion() {
		clock.set(ONE_AM_UTC);
		Api brand = asBrand(newBrand());
		long hangzhou = brand.post("/api/v1/orders", order("330106", 30.27, 120.12, null)).json().get("id").asLong();
		long newYork = brand.post("/api/v1/orders", order("990101", 40.71, -74.0, null)).json().get("id").asLong();
		ProcessDriver driver = new ProcessDriver(runtime, management, history, tasks);
		for (long id : List.of(hangzhou, newYork)) {
			driver.drainUntil(id, () -> orders.find(id).orElseThrow().status().name().equals("AWAITING_BOOKING"), "link sent");
		}

		Api.Reply tooSoon = book(brand, hangzhou, "2026-12-02");
		Api.Reply tomorrowThere = book(brand, newYork, "2026-12-02");

		assertThat(tooSoon.status()).as("the 2nd is today in Hangzhou").isEqualTo(400);
		assertThat(tooSoon.json().get("field").asText()).isEqualTo("date");
		assertThat(tomorrowThere.status()).as("the 2nd is tomorrow in New York: " + tomorrowThere.body()).isEqualTo(200);
		assertThat(tomorrowThere.json().get("bookedDate").asText()).isEqualTo("2026-12-02");
	}

	private Api.Reply book(Api brand, long order, String date) {
		String link = brand.get("/api/v1/orders/" + order).json().get("consumerLink").asText();
		return anonymous().post("/api/v1/consumer/" + link.substring(link.indexOf("/c/") + 3) + "/booking", Map.of("date", date));
	}

	private static Map<String, Object> order(String region, double lat, double lng, String promisedBy) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("externalOrderId", unique("TZ"));
		body.put("consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "测试地址 1 号", "regionCode", region,
				"location", Map.of("lat", lat, "lng", lng)));
		body.put("items", List.of(Map.of("sku", "DR-1", "name", "Door", "category", "DOOR", "quantity", 1)));
		body.put("serviceType", "INSTALLATION");
		body.put("goods", Map.of("status", "ARRIVED"));
		if (promisedBy != null) {
			body.put("promisedBy", promisedBy);
		}
		return body;
	}

}
