package dev.shifu.platform.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.support.ProcessDriver;

/** A brand with its own dealer and installers in one district, and orders that wait for a window booking. */
abstract class WindowFixture extends PlatformIntegrationTest {

	/** Read again before each test (a suite may cross midnight). */
	static LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@org.junit.jupiter.api.BeforeEach
	void readToday() {
		TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService tasks;

	Api admin;

	Api dispatcher;

	IssuedBrand brand;

	ProcessDriver driver;

	void setUpBrand() {
		driver = new ProcessDriver(runtime, management, history, tasks);
		admin = asNewUser(Role.ADMIN, null);
		dispatcher = asNewUser(Role.DISPATCHER, null);
		brand = newBrand();
	}

	long dealer(String district) {
		return admin.post("/api/v1/providers", Map.of("name", unique("Window dealer"), "type", "DEALER", "brandId",
				brand.brandId(), "coverage", Map.of("regionCodes", List.of(district)), "dailyCapacity",
				Map.of("INSTALLATION", 50))).json().get("id").asLong();
	}

	/** An installer working {@code start}–{@code end} on the given days of the week, based at the point. */
	long installer(long provider, Set<DayOfWeek> days, String start, String end, double lat, double lng) {
		List<Map<String, String>> shifts = new ArrayList<>();
		for (DayOfWeek day : days) {
			shifts.add(Map.of("day", day.name(), "start", start, "end", end));
		}
		Api.Reply reply = admin.post("/api/v1/providers/" + provider + "/installers", Map.of("name", "周师傅", "phone",
				dev.shifu.platform.support.TestPhones.next("134"), "skills", List.of("DOOR"), "homeBase",
				Map.of("lat", lat, "lng", lng), "shifts", shifts, "crewSize", 1));
		if (reply.status() != 201) {
			throw new AssertionError("installer not created: " + reply.status() + " " + reply.body());
		}
		return reply.json().get("id").asLong();
	}

	/** Posts an order; returns its id. */
	long order(String district, String tier, double lat, double lng, String phone) {
		return asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("WIN"), "consumer",
				Map.of("name", "李娜", "phone", phone, "address", "浙江省某市某路 1 号", "regionCode", district, "location",
						Map.of("lat", lat, "lng", lng)),
				"items", List.of(Map.of("sku", "DR-1", "name", "Door", "category", "DOOR", "quantity", 1)), "serviceType",
				"INSTALLATION", "memberTier", tier, "goods", Map.of("status", "ARRIVED"))).json().get("id").asLong();
	}

	/** Drives the order's process to the booking wait and returns the consumer's token. */
	String awaitingBooking(long order) {
		driver.drainUntil(order,
				() -> "AWAITING_BOOKING".equals(asBrand(brand).get("/api/v1/orders/" + order).json().get("status").asText()),
				"awaiting booking");
		String link = asBrand(brand).get("/api/v1/orders/" + order).json().get("consumerLink").asText();
		return link.substring(link.indexOf("/c/") + 3);
	}

	static boolean offers(JsonNode windows, LocalDate day, String window) {
		for (JsonNode w : windows) {
			if (w.get("date").asText().equals(day.toString()) && w.get("window").asText().equals(window)) {
				return true;
			}
		}
		return false;
	}

	static Set<String> codes(JsonNode windows) {
		Set<String> codes = new java.util.HashSet<>();
		windows.forEach(w -> codes.add(w.get("window").asText()));
		return codes;
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
