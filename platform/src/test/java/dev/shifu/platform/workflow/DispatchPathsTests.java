package dev.shifu.platform.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who gets an order: goods, rating, capacity and the dispatcher's manual choice, through the running platform. */
@org.springframework.test.context.TestPropertySource(properties = LifecycleFixture.OWN_PLANNING_CONTEXT)
class DispatchPathsTests extends LifecycleFixture {

	@Autowired
	private FormService forms;

	@Autowired
	private ProcessEngine engine;

	@Test
	void measurementsAndRepairsAreDispatchedWithoutWaitingForGoods() {
		capacity(dealerId, Map.of("INSTALLATION", 10, "MEASUREMENT", 5, "REPAIR", 5));
		for (String type : List.of("MEASUREMENT", "REPAIR")) {
			long order = postOrder("NOT_SHIPPED", type, "GOLD", "330106");

			book(order, TODAY.plusDays(2));
			driver.drainUntil(order, () -> openOffer(order) != null, "an offer for the " + type);

			assertThat(history(order)).as(type).contains("BOOKED", "DISPATCHING").doesNotContain("AWAITING_GOODS");
		}
		long installation = postOrder("NOT_SHIPPED");
		book(installation, TODAY.plusDays(2));
		assertThat(status(installation)).as("an installation still waits for its goods").isEqualTo("AWAITING_GOODS");
	}

	@Test
	void aRepairWithGoodsStillOnTheWayIsPlannedOnItsBookedDayAndServed() {
		capacity(dealerId, Map.of("INSTALLATION", 10, "REPAIR", 5));
		LocalDate booked = TODAY.plusDays(2);
		long repair = postOrder("REPAIR", Map.of("status", "SHIPPED", "expectedArrival", TODAY.plusDays(4).toString()));
		book(repair, booked);
		dispatchToDealer(repair);

		// The planner does not hold a repair back for goods that arrive two days later.
		eventually(() -> visitOn(booked, repair) != null, "the repair on the plan of " + booked);
		assertThat(visitOn(booked, repair).get("start").asText()).startsWith(booked.toString());

		serve(repair);
		assertThat(status(repair)).isEqualTo("COMPLETED");
	}

	@Test
	void anInstallationWhoseGoodsAreDelayedLeavesTheDaysBeforeTheyArrive() {
		LocalDate booked = TODAY.plusDays(3);
		long installation = postOrder("INSTALLATION",
				Map.of("status", "SHIPPED", "expectedArrival", booked.toString()));
		book(installation, booked);
		eventually(() -> visitOn(booked, installation) != null, "the installation on the plan of its goods' day");

		Api.Reply delayed = brandApi.post("/api/v1/orders/" + installation + "/goods-status",
				Map.of("status", "SHIPPED", "expectedArrival", booked.plusDays(1).toString()));
		assertThat(delayed.status()).as(delayed.body()).isEqualTo(200);
		driver.drain(installation);

		eventually(() -> visitOn(booked, installation) == null, "the installation off " + booked + ", before its goods");
		assertThat(status(installation)).isNotIn("SCHEDULED", "IN_SERVICE", "COMPLETED");
	}

	@Test
	void aProviderRatedBelowFourPointFiveIsSkippedForPlatinumOrders() {
		long first = postOrder("ARRIVED", "INSTALLATION", "PLATINUM", "330106");
		book(first, TODAY.plusDays(2));
		dispatchToDealer(first);
		driver.fireTimer(first, "InstallationDayTimer");
		// the provider names the installer on site (the other way a visit's installer is recorded)
		assertThat(jobEvent(first, Map.of("type", "EN_ROUTE", "installerId", dealerInstallerId)).status()).isEqualTo(200);
		assertThat(jobEvent(first, Map.of("type", "COMPLETED", "verificationCode", verificationCode(first))).status()).isEqualTo(200);
		consumer().post("/api/v1/consumer/" + consumerToken(first) + "/rating", Map.of("stars", 1, "comment", "broke the frame"));
		driver.drain(first);
		assertThat(admin.get("/api/v1/providers/" + dealerId).json().get("rating").asDouble()).isLessThan(4.5);

		long platinum = postOrder("ARRIVED", "INSTALLATION", "PLATINUM", "330106");
		book(platinum, TODAY.plusDays(2));
		driver.drainUntil(platinum, () -> openOffer(platinum) != null || driver.openTask(platinum, "AssignManuallyTask") != null,
				"dispatched");
		long gold = postOrder("ARRIVED", "INSTALLATION", "GOLD", "330106");
		book(gold, TODAY.plusDays(2));
		driver.drainUntil(gold, () -> openOffer(gold) != null, "an offer");

		assertThat(candidates(platinum)).doesNotContain(dealerId);
		assertThat(candidates(gold)).as("4.0 is enough for GOLD").first().isEqualTo(dealerId);
	}

	@Test
	void aProviderAtItsDailyCapacityIsNotOfferedAnotherJobThatDay() {
		capacity(dealerId, Map.of("INSTALLATION", 1));
		long first = postOrder("ARRIVED");
		book(first, TODAY.plusDays(3));
		dispatchToDealer(first);

		long second = postOrder("ARRIVED");
		book(second, TODAY.plusDays(3));
		driver.drainUntil(second, () -> openOffer(second) != null || driver.openTask(second, "AssignManuallyTask") != null,
				"dispatched");
		long nextDay = postOrder("ARRIVED");
		book(nextDay, TODAY.plusDays(4));
		driver.drainUntil(nextDay, () -> openOffer(nextDay) != null, "an offer");

		assertThat(candidates(second)).doesNotContain(dealerId);
		assertThat(candidates(nextDay)).as("another day has room").first().isEqualTo(dealerId);
	}

	@Test
	void aDispatcherChoosesFromTheEligibleProvidersAndAnyOtherIdIsRefusedOnEveryPath() {
		// nobody covers Jiande (330182) yet, so the order goes straight to manual assignment
		long order = postOrder("ARRIVED", "INSTALLATION", "GOLD", "330182");
		book(order, TODAY.plusDays(2));
		driver.drainUntil(order, () -> driver.openTask(order, "AssignManuallyTask") != null, "the manual assignment task");
		long eligible = addProvider("THIRD_PARTY", "330182", Map.of("INSTALLATION", 3));
		addInstaller(eligible, "师傅己");
		long unskilled = addProvider("THIRD_PARTY", "330182", Map.of("INSTALLATION", 3));
		// an installer, but one who only assembles sofas: the door needs DOOR
		addInstallerWithSkills(unskilled, "师傅戊", List.of("SOFA"));
		long suspended = addProvider("THIRD_PARTY", "330182", Map.of("INSTALLATION", 3));
		addInstaller(suspended, "师傅庚");
		admin.post("/api/v1/providers/" + suspended + "/suspend", null);
		long elsewhere = addProvider("THIRD_PARTY", "330106", Map.of("INSTALLATION", 3));
		addInstaller(elsewhere, "师傅辛");
		long otherBrandsDealer = otherBrandsDealer("330182");

		Api.Reply listed = asNewUser(Role.DISPATCHER, null).get("/api/v1/manual-assignments/" + order + "/providers");

		assertThat(listed.status()).isEqualTo(200);
		List<Long> ids = listed.json().findValues("providerId").stream().map(JsonNode::asLong).toList();
		assertThat(ids).contains(eligible).doesNotContain(unskilled, suspended, elsewhere, otherBrandsDealer);
		assertThat(brandApi.get("/api/v1/manual-assignments/" + order + "/providers").status()).isEqualTo(403);

		String task = driver.openTask(order, "AssignManuallyTask");
		assertThatThrownBy(() -> forms.submitTaskForm(task, Map.of("assignedProviderId", String.valueOf(elsewhere))))
			.hasMessageContaining("does not cover region 330182");
		assertThatThrownBy(() -> forms.submitTaskForm(task, Map.of("assignedProviderId", "acme")))
			.hasMessageContaining("must be a provider id");
		assertThatThrownBy(() -> taskService.complete(task, Map.of("assignedProviderId", String.valueOf(otherBrandsDealer))))
			.hasMessageContaining("may not serve this brand");
		Api.Reply rest = admin.post("/engine-rest/engine/" + engine.getName() + "/task/" + task + "/complete",
				Map.of("variables", Map.of("assignedProviderId", Map.of("value", String.valueOf(unskilled)))));
		// The engine-wide outcome check refuses it before any listener runs: a bad request, never a 500 or an incident.
		assertThat(rest.status()).as(rest.body()).isEqualTo(400);
		assertThat(rest.body()).contains("has no active installer with the skills").contains("DOOR");
		assertThatThrownBy(() -> forms.submitTaskForm(task, Map.of("assignedProviderId", String.valueOf(unskilled))))
			.hasMessageContaining("has no active installer with the skills [DOOR]");
		assertThat(driver.openTask(order, "AssignManuallyTask")).as("still open").isEqualTo(task);
		assertThat(driver.incidents(order)).isZero();

		forms.submitTaskForm(task, Map.of("assignedProviderId", String.valueOf(eligible)));
		driver.drainUntil(order, () -> status(order).equals("SCHEDULED"), "scheduled");

		assertThat(runtime.getVariable(driver.instanceOf(order), "assignedProviderId")).isEqualTo(String.valueOf(eligible));
	}

	private long postOrder(String serviceType, Map<String, Object> goods) {
		Api.Reply reply = brandApi.post("/api/v1/orders", Map.of("externalOrderId", unique("ORDER"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", "330106", "location", Map.of("lat", 30.2765, "lng", 120.1229)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", serviceType, "memberTier", "GOLD", "goods", goods,
				"promisedBy", TODAY.plusDays(9).toString()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		long id = reply.json().get("id").asLong();
		driver.instanceOf(id);
		driver.drainUntil(id, () -> status(id).equals("AWAITING_BOOKING"), "booking link sent");
		return id;
	}

	/** The order's visit on the live plan of the day, or null. */
	private JsonNode visitOn(LocalDate day, long order) {
		JsonNode plan = asNewUser(Role.DISPATCHER, null).get("/api/v1/schedules?region=330100&date=" + day).json();
		for (JsonNode installer : plan.get("installers")) {
			for (JsonNode visit : installer.get("visits")) {
				if (visit.get("jobId").asText().equals("O" + order)) {
					return visit;
				}
			}
		}
		return null;
	}

	private static void eventually(java.util.function.BooleanSupplier condition, String what) {
		org.awaitility.Awaitility.await(what)
			.atMost(java.time.Duration.ofMinutes(2))
			.pollInterval(java.time.Duration.ofMillis(200))
			.until(condition::getAsBoolean);
	}

	private List<Long> candidates(long order) {
		String ids = String.valueOf(runtime.getVariable(driver.instanceOf(order), "candidateProviderIds"));
		return ids.isBlank() ? List.of() : java.util.Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
	}

	private void capacity(long providerId, Map<String, Integer> capacity) {
		JsonNode provider = admin.get("/api/v1/providers/" + providerId).json();
		Api.Reply reply = admin.put("/api/v1/providers/" + providerId, Map.of("name", provider.get("name").asText(),
				"type", provider.get("type").asText(), "brandId", provider.get("brandId").asLong(),
				"coverage", Map.of("regionCodes", List.of("330106")), "dailyCapacity", capacity));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
	}

	private void addInstallerWithSkills(long providerId, String name, List<String> skills) {
		List<Map<String, String>> everyDay = new java.util.ArrayList<>();
		for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
			everyDay.add(Map.of("day", day.name(), "start", "08:00", "end", "18:00"));
		}
		String phone = String.format("135%08d", (ProcessHandle.current().pid() % 1000) * 100000 + providerId % 100000);
		Api.Reply reply = admin.post("/api/v1/providers/" + providerId + "/installers", Map.of("name", name, "phone", phone,
				"skills", skills, "homeBase", Map.of("lat", 29.6, "lng", 119.3), "shifts", everyDay, "crewSize", 1));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
	}

	private long otherBrandsDealer(String regionCode) {
		IssuedBrand other = newBrand();
		long id = admin.post("/api/v1/providers", Map.of("name", unique("other-dealer"), "type", "DEALER",
				"brandId", other.brandId(), "coverage", Map.of("regionCodes", List.of(regionCode)),
				"dailyCapacity", Map.of("INSTALLATION", 3))).json().get("id").asLong();
		addInstaller(id, "师傅壬");
		return id;
	}

}
