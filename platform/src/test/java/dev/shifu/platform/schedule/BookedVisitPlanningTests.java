package dev.shifu.platform.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.support.ProcessDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** A consumer's booking moves the visit onto the booked day of the live plan, without a restart. */
class BookedVisitPlanningTests extends PlatformIntegrationTest {

	private static LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@org.junit.jupiter.api.BeforeEach
	void readToday() {
		TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ManagementService management;

	@Autowired
	private HistoryService history;

	@Autowired
	private TaskService tasks;

	@Test
	void aBookedOrderIsPlannedOnItsBookedDay() {
		ProcessDriver driver = new ProcessDriver(runtime, management, history, tasks);
		Api admin = asNewUser(Role.ADMIN, null);
		Api dispatcher = asNewUser(Role.DISPATCHER, null);
		IssuedBrand brand = newBrand();
		long provider = admin.post("/api/v1/providers", Map.of("name", "Booking test dealer", "type", "DEALER",
				"brandId", brand.brandId(), "coverage", Map.of("regionCodes", List.of("330106")),
				"dailyCapacity", Map.of("INSTALLATION", 20))).json().get("id").asLong();
		List<Map<String, String>> everyDay = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			everyDay.add(Map.of("day", day.name(), "start", "08:00", "end", "18:00"));
		}
		admin.post("/api/v1/providers/" + provider + "/installers", Map.of("name", "赵师傅", "phone", "13700001234",
				"skills", List.of("DOOR"), "homeBase", Map.of("lat", 30.28, "lng", 120.12), "shifts", everyDay, "crewSize", 1));
		long order = asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("BOOKED"),
				"consumer", Map.of("name", "王芳", "phone", "13912345678", "address", "杭州市西湖区古墩路 1 号",
						"regionCode", "330106", "location", Map.of("lat", 30.29, "lng", 120.10)),
				"items", List.of(Map.of("sku", "DR-1", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "goods", Map.of("status", "ARRIVED"))).json().get("id").asLong();
		driver.drainUntil(order, () -> admin.get("/api/v1/notifications?orderId=" + order).json().size() > 0, "booking link");
		LocalDate booked = TODAY.plusDays(3);

		// A dispatcher books the day for the consumer (the whole day: no window).
		Api.Reply reply = dispatcher.post("/api/v1/bookings/" + order, Map.of("date", booked.toString()));

		assertThat(reply.status()).isEqualTo(200);
		String job = "O" + order;
		JsonNode visit = null;
		for (int i = 0; i < 150 && visit == null; i++) {
			visit = visit(dispatcher.get("/api/v1/schedules?region=330100&date=" + booked).json(), job);
			sleep();
		}
		assertThat(visit).as("planned on the booked day").isNotNull();
		assertThat(visit.get("start").asText()).startsWith(booked.toString());
		for (LocalDate other : List.of(TODAY.plusDays(1), TODAY.plusDays(2))) {
			assertThat(visit(dispatcher.get("/api/v1/schedules?region=330100&date=" + other).json(), job)).isNull();
		}
	}

	private static JsonNode visit(JsonNode plan, String job) {
		for (JsonNode installer : plan.get("installers")) {
			for (JsonNode v : installer.get("visits")) {
				if (v.get("jobId").asText().equals(job)) {
					return v;
				}
			}
		}
		return null;
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
