package dev.shifu.platform.task;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.StaffTaskFixture;
import dev.shifu.workflows.ServiceOrderProcess.Elements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff work their tasks through the platform API, scoped by role, and a value the model does not allow is refused
 * on every path (the API, Camunda REST's complete and form submit) before the process moves on.
 */
class StaffTaskApiTests extends StaffTaskFixture {

	@Autowired
	private ProcessEngine engine;

	private List<String> taskIds(Api caller, String query) {
		Api.Reply reply = caller.get("/api/v1/tasks" + query);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().findValuesAsText("id");
	}

	private String engineRest(String taskId, String action) {
		return "/engine-rest/engine/" + engine.getName() + "/task/" + taskId + "/" + action;
	}

	@Test
	void aReturnVisitOutcomeOutsideTheModelIsRefusedOnEveryPathAndTheOrderStaysOpen() {
		long order = orderAtReturnVisit();
		String task = driver.openTask(order, Elements.RETURN_VISIT_TASK);
		Api service = asNewUser(Role.CUSTOMER_SERVICE, null);
		Map<String, Object> maybe = Map.of("variables", Map.of("returnVisitOutcome", Map.of("value", "MAYBE")));

		Api.Reply viaComplete = admin.post(engineRest(task, "complete"), maybe);
		Api.Reply viaForm = admin.post(engineRest(task, "submit-form"), maybe);
		Api.Reply viaApi = service.post("/api/v1/tasks/" + task + "/complete", Map.of("type", "RETURN_VISIT", "outcome", "MAYBE"));
		Api.Reply missing = service.post("/api/v1/tasks/" + task + "/complete", Map.of("type", "RETURN_VISIT"));

		assertThat(viaComplete.status()).as(viaComplete.body()).isEqualTo(400);
		assertThat(viaComplete.body()).contains("returnVisitOutcome").contains("SATISFIED, ISSUE, UNREACHABLE");
		assertThat(viaForm.status()).as(viaForm.body()).isEqualTo(400);
		assertThat(viaForm.body()).contains("returnVisitOutcome");
		assertThat(viaApi.status()).isEqualTo(400);
		assertThat(viaApi.contentType()).contains("problem+json");
		assertThat(viaApi.json().get("field").asText()).isEqualTo("outcome");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("field").asText()).isEqualTo("outcome");
		driver.drain(order);
		assertThat(driver.openTask(order, Elements.RETURN_VISIT_TASK)).isEqualTo(task);
		assertThat(status(order)).isEqualTo("RATED");
	}

	@Test
	void customerServiceCompletesTheReturnVisitAndTheOrderCloses() {
		long order = orderAtReturnVisit();
		Api service = asNewUser(Role.CUSTOMER_SERVICE, null);
		List<String> visible = taskIds(service, "?type=RETURN_VISIT&orderId=" + order);
		assertThat(visible).hasSize(1);
		String task = visible.get(0);
		JsonNode view = service.get("/api/v1/tasks/" + task).json();
		assertThat(view.get("type").asText()).isEqualTo("RETURN_VISIT");
		assertThat(view.get("orderId").asLong()).isEqualTo(order);

		Api.Reply done = service.post("/api/v1/tasks/" + task + "/complete",
				Map.of("type", "RETURN_VISIT", "outcome", "SATISFIED", "note", "满意"));
		Api.Reply again = service.post("/api/v1/tasks/" + task + "/complete",
				Map.of("type", "RETURN_VISIT", "outcome", "ISSUE"));
		driver.drain(order);

		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(again.status()).as("a retried completion never acts twice").isEqualTo(409);
		assertThat(status(order)).isEqualTo("CLOSED");
		assertThat(admin.get("/api/v1/complaints?orderId=" + order).json()).isEmpty();
	}

	@Test
	void eachRoleSeesAndCompletesOnlyItsOwnTasks() {
		long phoneOrder = orderAtPhoneConsumer();
		long visitOrder = orderAtReturnVisit();
		String phoneTask = driver.openTask(phoneOrder, Elements.PHONE_CONSUMER_TASK);
		String visitTask = driver.openTask(visitOrder, Elements.RETURN_VISIT_TASK);
		Api dispatcher = asNewUser(Role.DISPATCHER, null);
		Api service = asNewUser(Role.CUSTOMER_SERVICE, null);

		assertThat(taskIds(dispatcher, "")).contains(phoneTask).doesNotContain(visitTask);
		assertThat(taskIds(service, "")).contains(visitTask).doesNotContain(phoneTask);
		assertThat(taskIds(admin, "")).contains(phoneTask, visitTask);
		assertThat(dispatcher.get("/api/v1/tasks?type=RETURN_VISIT").status()).isEqualTo(403);
		assertThat(dispatcher.get("/api/v1/tasks/" + visitTask).status()).isEqualTo(404);
		assertThat(service.post("/api/v1/tasks/" + phoneTask + "/complete",
				Map.of("type", "PHONE_CONSUMER", "consumerReached", true)).status()).isEqualTo(404);
		assertThat(asNewUser(Role.PROVIDER_ADMIN, dealerId).get("/api/v1/tasks").status()).isEqualTo(403);
		assertThat(brandApi.get("/api/v1/tasks").status()).isEqualTo(403);
		assertThat(dispatcher.post(engineRest(phoneTask, "complete"), Map.of()).status())
			.as("Camunda REST is for admins only").isEqualTo(403);

		Api.Reply wrongType = dispatcher.post("/api/v1/tasks/" + phoneTask + "/complete",
				Map.of("type", "RETURN_VISIT", "outcome", "SATISFIED"));
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().get("field").asText()).isEqualTo("type");

		Api.Reply phoned = dispatcher.post("/api/v1/tasks/" + phoneTask + "/complete",
				Map.of("type", "PHONE_CONSUMER", "consumerReached", true, "note", "books tonight"));
		assertThat(phoned.status()).as(phoned.body()).isEqualTo(200);
		assertThat(driver.openTask(phoneOrder, Elements.PHONE_CONSUMER_TASK)).isNull();
		assertThat(status(phoneOrder)).isEqualTo("AWAITING_BOOKING");
	}

	@Test
	void aDispatcherAssignsOnlyAnActiveProviderByHand() {
		long order = orderAtManualAssignment();
		String task = driver.openTask(order, Elements.ASSIGN_MANUALLY_TASK);
		Api dispatcher = asNewUser(Role.DISPATCHER, null);
		long suspended = admin.post("/api/v1/providers", Map.of("name", unique("Suspended"), "type", "THIRD_PARTY",
				"contactPhone", "0571-88001235", "coverage", Map.of("regionCodes", List.of("330106")),
				"dailyCapacity", Map.of("INSTALLATION", 5))).json().get("id").asLong();
		assertThat(admin.post("/api/v1/providers/" + suspended + "/suspend", Map.of()).status()).isLessThan(300);

		Api.Reply unknown = dispatcher.post("/api/v1/tasks/" + task + "/complete",
				Map.of("type", "MANUAL_ASSIGNMENT", "providerId", 987654321));
		Api.Reply notActive = dispatcher.post("/api/v1/tasks/" + task + "/complete",
				Map.of("type", "MANUAL_ASSIGNMENT", "providerId", suspended));
		Api.Reply freeText = admin.post(engineRest(task, "complete"),
				Map.of("variables", Map.of("assignedProviderId", Map.of("value", "the usual guy"))));

		assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
		assertThat(unknown.json().get("field").asText()).isEqualTo("providerId");
		assertThat(notActive.status()).isEqualTo(400);
		assertThat(notActive.json().toString()).contains("is not active");
		assertThat(freeText.status()).as("no incident from a free-text id").isEqualTo(400);
		assertThat(driver.incidents(order)).isZero();
		assertThat(driver.openTask(order, Elements.ASSIGN_MANUALLY_TASK)).isEqualTo(task);

		Api.Reply assigned = dispatcher.post("/api/v1/tasks/" + task + "/complete",
				Map.of("type", "MANUAL_ASSIGNMENT", "providerId", dealerId));
		driver.drain(order);

		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
		assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(driver.instanceOf(order))
			.variableName("assignedProviderId").singleResult().getValue()).isEqualTo(String.valueOf(dealerId));
		assertThat(driver.incidents(order)).isZero();
	}

	@Test
	void aDispatcherResolvesAWrongAddressAndTheVisitGoesOn() {
		long order = orderAtAddressResolution();
		Api dispatcher = asNewUser(Role.DISPATCHER, null);
		List<String> tasks = taskIds(dispatcher, "?type=ADDRESS_RESOLUTION&orderId=" + order);
		assertThat(tasks).hasSize(1);
		JsonNode view = dispatcher.get("/api/v1/tasks/" + tasks.get(0)).json();
		assertThat(view.at("/context/exceptionReason").asText()).isEqualTo("ADDRESS_WRONG");

		Api.Reply bad = dispatcher.post("/api/v1/tasks/" + tasks.get(0) + "/complete",
				Map.of("type", "ADDRESS_RESOLUTION", "resolution", "SOMEWHERE"));
		Api.Reply resolved = dispatcher.post("/api/v1/tasks/" + tasks.get(0) + "/complete",
				Map.of("type", "ADDRESS_RESOLUTION", "resolution", "CONTINUE_VISIT", "note", "3 号楼"));
		driver.drain(order);

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("field").asText()).isEqualTo("resolution");
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		assertThat(driver.openTask(order, Elements.RESOLVE_ADDRESS_TASK)).isNull();
		assertThat(jobEvent(order, Map.of("type", "ARRIVED")).status()).as("the installer carries on").isEqualTo(200);
	}

}
