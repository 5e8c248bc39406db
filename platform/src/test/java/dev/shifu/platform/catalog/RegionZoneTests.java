package dev.shifu.platform.catalog;

import java.time.Instant;
import java.time.LocalDate;
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

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
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

	@Autowired
	private dev.shifu.platform.workflow.OrderProcess process;

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

	/**
	 * New York is 13 hours behind Shanghai: Shanghai's midnight of the booked day is 11:00 of the day before there.
	 * The booked day, the installation-day timer and the date-based SLA timers all follow New York's calendar, and
	 * the installation-day timer is not due a minute before New York's midnight.
	 */
	@Test
	void theProcessKeepsTheBookedDayAndItsTimersOnTheCalendarOfTheOrdersRegion() {
		ZoneId newYork = ZoneId.of("America/New_York");
		LocalDate today = LocalDate.now(clock.withZone(newYork));
		LocalDate day = today.plusDays(3);
		LocalDate promisedBy = today.plusDays(8);
		IssuedBrand issued = newBrand();
		Api brand = asBrand(issued);
		Api admin = asNewUser(Role.ADMIN, null);
		long dealer = admin.post("/api/v1/providers", Map.of("name", unique("NY dealer"), "type", "DEALER", "brandId",
				issued.brandId(), "contactPhone", "0571-88001234", "coverage", Map.of("regionCodes", List.of("990101")),
				"dailyCapacity", Map.of("INSTALLATION", 5))).json().get("id").asLong();
		Api.Reply installer = admin.post("/api/v1/providers/" + dealer + "/installers", Map.of("name", "Sam",
				"phone", String.format("136%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000)),
				"skills", List.of("DOOR"), "homeBase", Map.of("lat", 40.72, "lng", -74.01),
				"shifts", java.util.Arrays.stream(java.time.DayOfWeek.values())
					.map(d -> Map.of("day", d.name(), "start", "08:00", "end", "18:00")).toList(), "crewSize", 1));
		assertThat(installer.status()).as(installer.body()).isEqualTo(201);
		Map<String, Object> body = order("990101", 40.71, -74.0, promisedBy.toString());
		body.put("goods", Map.of("status", "SHIPPED", "expectedArrival", today.plusDays(1).toString()));
		long order = brand.post("/api/v1/orders", body).json().get("id").asLong();
		ProcessDriver driver = new ProcessDriver(runtime, management, history, tasks);
		driver.drainUntil(order, () -> status(order).equals("AWAITING_BOOKING"), "link sent");

		Api.Reply booked = book(brand, order, day.toString());
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("AWAITING_GOODS"), "waiting for goods");

		// The booked day as the process holds it and reads it back: New York's midnight of the day, the day itself.
		assertThat(((java.util.Date) runtime.getVariable(driver.instanceOf(order), "bookedDate")).toInstant())
			.isEqualTo(day.atStartOfDay(newYork).toInstant());
		assertThat(process.bookedDay(order)).contains(day);
		// Goods are late one New York day before the booked day; the promise is at risk one New York day before it.
		assertThat(timer(order, "GoodsLateTimer")).isEqualTo(day.minusDays(1).atStartOfDay(newYork).toInstant());
		assertThat(timer(order, "PromisedByAtRiskTimer")).isEqualTo(promisedBy.minusDays(1).atStartOfDay(newYork).toInstant());

		assertThat(brand.post("/api/v1/orders/" + order + "/goods-status", Map.of("status", "ARRIVED")).status()).isEqualTo(200);
		Api dealerAdmin = asNewUser(Role.PROVIDER_ADMIN, dealer);
		long[] offer = new long[1];
		driver.drainUntil(order, () -> {
			for (JsonNode o : admin.get("/api/v1/offers?orderId=" + order).json()) {
				if (o.get("status").asText().equals("OFFERED")) {
					offer[0] = o.get("id").asLong();
					return true;
				}
			}
			return false;
		}, "an offer");
		assertThat(dealerAdmin.post("/api/v1/offers/" + offer[0] + "/accept", null).status()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("SCHEDULED"), "scheduled");

		// The schedule plans the visit on the booked day of New York.
		Api dispatcher = asNewUser(Role.DISPATCHER, null);
		boolean planned = false;
		for (int i = 0; i < 600 && !planned; i++) {
			planned = dispatcher.get("/api/v1/schedules?region=990100&date=" + day).json().path("installers")
				.findValues("orderId").stream().anyMatch(id -> id.asLong() == order);
			pause();
		}
		assertThat(planned).as("planned on " + day + ": " + dispatcher.get("/api/v1/schedules?region=990100&date=" + day).body())
			.isTrue();

		// The installation day starts at New York's midnight: not a minute before.
		java.time.Instant midnight = day.atStartOfDay(newYork).toInstant();
		assertThat(timer(order, "InstallationDayTimer")).isEqualTo(midnight);
		clock.set(midnight.minusSeconds(60));
		assertThat(management.createJobQuery().processInstanceId(driver.instanceOf(order)).activityId("InstallationDayTimer")
			.executable().count()).as("not due before the day starts in New York").isZero();
		clock.set(midnight.plusSeconds(60));
		org.camunda.bpm.engine.runtime.Job due = management.createJobQuery().processInstanceId(driver.instanceOf(order))
			.activityId("InstallationDayTimer").executable().singleResult();
		assertThat(due).as("due once the day has started there").isNotNull();
		management.executeJob(due.getId());
		driver.drain(order);
		assertThat(status(order)).isEqualTo("IN_SERVICE");
	}

	private String status(long order) {
		return orders.find(order).orElseThrow().status().name();
	}

	private java.time.Instant timer(long order, String activityId) {
		org.camunda.bpm.engine.runtime.Job job = management.createJobQuery().processInstanceId(
				new ProcessDriver(runtime, management, history, tasks).instanceOf(order)).activityId(activityId).timers().singleResult();
		assertThat(job).as("timer " + activityId).isNotNull();
		return job.getDuedate().toInstant();
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A dispatcher books the day for the consumer: the same calendar checks, in the order's region's zone. */
	private Api.Reply book(Api brand, long order, String date) {
		if (staffBooker == null) {
			staffBooker = asNewUser(Role.DISPATCHER, null);
		}
		return staffBooker.post("/api/v1/bookings/" + order, Map.of("date", date));
	}

	private Api staffBooker;

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
