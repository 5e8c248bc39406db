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

/**
 * The planner respects a provider's registered daily capacity per service type: the network's stored capacity
 * reaches the live plan, and a booked job beyond it stays unplanned with the reason shown to the dispatcher.
 */
class ProviderCapacityPlanningTests extends PlatformIntegrationTest {

	/** Ningbo, where no other test has a provider: this provider's installer is the only one that can serve. */
	private static final String DISTRICT = "330203";

	private static final String CITY = "330200";

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ManagementService management;

	@Autowired
	private HistoryService history;

	@Autowired
	private TaskService tasks;

	@Test
	void theLivePlanNeverGivesAProviderMoreJobsOfATypeOnADayThanItsDailyCapacity() {
		ProcessDriver driver = new ProcessDriver(runtime, management, history, tasks);
		Api admin = asNewUser(Role.ADMIN, null);
		Api dispatcher = asNewUser(Role.DISPATCHER, null);
		IssuedBrand brand = newBrand();
		long provider = admin.post("/api/v1/providers", Map.of("name", unique("Capacity dealer"), "type", "DEALER",
				"brandId", brand.brandId(), "coverage", Map.of("regionCodes", List.of(DISTRICT)),
				"dailyCapacity", Map.of("INSTALLATION", 1))).json().get("id").asLong();
		List<Map<String, String>> everyDay = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			everyDay.add(Map.of("day", day.name(), "start", "08:00", "end", "18:00"));
		}
		Api.Reply installer = admin.post("/api/v1/providers/" + provider + "/installers", Map.of("name", "钱师傅",
				"phone", phone(), "skills", List.of("DOOR"), "homeBase", Map.of("lat", 29.86, "lng", 121.55),
				"shifts", everyDay, "crewSize", 1));
		assertThat(installer.status()).as(installer.body()).isEqualTo(201);
		LocalDate booked = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
		List<String> jobs = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			long order = asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("CAPACITY"),
					"consumer", Map.of("name", "孙丽", "phone", phone(), "address", "宁波市海曙区中山西路 " + (i + 1) + " 号",
							"regionCode", DISTRICT, "location", Map.of("lat", 29.86 + i * 0.005, "lng", 121.54)),
					"items", List.of(Map.of("sku", "DR-1", "name", "Door", "category", "DOOR", "quantity", 1)),
					"serviceType", "INSTALLATION", "goods", Map.of("status", "ARRIVED"))).json().get("id").asLong();
			driver.drainUntil(order, () -> admin.get("/api/v1/notifications?orderId=" + order).json().size() > 0,
					"booking link");
			// Both on one day, past the provider's capacity: a dispatcher's booking (a window would refuse the
			// second), so the planner's own capacity rule is what keeps the second job off the day.
			assertThat(admin.post("/api/v1/bookings/" + order, Map.of("date", booked.toString())).status())
				.isEqualTo(200);
			jobs.add("O" + order);
		}

		JsonNode plan = null;
		for (int i = 0; i < 150 && !(planned(plan, jobs) == 1 && unassigned(plan, jobs) != null); i++) {
			sleep();
			plan = dispatcher.get("/api/v1/schedules?region=" + CITY + "&date=" + booked).json();
		}

		assertThat(planned(plan, jobs)).as("jobs planned on the provider's day (capacity 1)").isEqualTo(1);
		JsonNode left = unassigned(plan, jobs);
		assertThat(left).as("the job beyond the capacity stays unplanned").isNotNull();
		assertThat(left.get("reasons").findValuesAsText("constraint")).contains("Provider daily capacity");
		assertThat(left.get("reasons").toString()).contains("provider " + provider + " has 1 of 1 INSTALLATION jobs on "
				+ booked);
		assertThat(plan.get("feasible").asBoolean()).isTrue();
	}

	private static int planned(JsonNode plan, List<String> jobs) {
		if (plan == null) {
			return 0;
		}
		int count = 0;
		for (JsonNode installer : plan.get("installers")) {
			for (JsonNode visit : installer.get("visits")) {
				if (jobs.contains(visit.get("jobId").asText())) {
					count++;
				}
			}
		}
		return count;
	}

	private static JsonNode unassigned(JsonNode plan, List<String> jobs) {
		if (plan == null) {
			return null;
		}
		for (JsonNode job : plan.get("unassigned")) {
			if (jobs.contains(job.get("jobId").asText())) {
				return job;
			}
		}
		return null;
	}

	/** A mainland mobile number no other test uses. */
	private static String phone() {
		return dev.shifu.platform.support.TestPhones.next("133");
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
