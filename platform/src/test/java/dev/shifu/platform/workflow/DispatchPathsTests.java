package dev.shifu.platform.workflow;

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
		assertThat(rest.body()).contains("has no active installer with the skills");
		assertThat(driver.openTask(order, "AssignManuallyTask")).as("still open").isEqualTo(task);
		assertThat(driver.incidents(order)).isZero();

		forms.submitTaskForm(task, Map.of("assignedProviderId", String.valueOf(eligible)));
		driver.drainUntil(order, () -> status(order).equals("SCHEDULED"), "scheduled");

		assertThat(runtime.getVariable(driver.instanceOf(order), "assignedProviderId")).isEqualTo(String.valueOf(eligible));
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

	private long otherBrandsDealer(String regionCode) {
		IssuedBrand other = newBrand();
		long id = admin.post("/api/v1/providers", Map.of("name", unique("other-dealer"), "type", "DEALER",
				"brandId", other.brandId(), "coverage", Map.of("regionCodes", List.of(regionCode)),
				"dailyCapacity", Map.of("INSTALLATION", 3))).json().get("id").asLong();
		addInstaller(id, "师傅壬");
		return id;
	}

}
