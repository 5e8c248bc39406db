package dev.shifu.platform.identity;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.support.StaffTaskFixture;
import dev.shifu.workflows.ServiceOrderProcess.Elements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What staff signed into the Camunda webapps may do with the engine, checked on the engine itself. */
class CamundaAuthorizationTests extends StaffTaskFixture {

	@Autowired
	private TaskService tasks;

	@Autowired
	private IdentityService identity;

	@AfterEach
	void signOut() {
		identity.clearAuthentication();
	}

	private String anInstance() {
		return runtime.createProcessInstanceQuery().list().stream().findFirst().map(pi -> pi.getId()).orElseGet(() -> {
			var order = asBrand(newBrand()).post("/api/v1/orders", Map.of("externalOrderId", unique("AUTH"),
					"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "文三路 90 号", "regionCode", "330106",
							"location", Map.of("lat", 30.27, "lng", 120.12)),
					"items", List.of(Map.of("sku", "D", "name", "Door", "category", "DOOR", "quantity", 1)),
					"serviceType", "INSTALLATION", "goods", Map.of("status", "ARRIVED")));
			String key = String.valueOf(order.json().get("id").asLong());
			for (int i = 0; i < 200; i++) {
				var pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
				if (pi != null) {
					return pi.getId();
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			throw new AssertionError("no process started");
		});
	}

	@Test
	void aDispatcherNeitherSeesNorDeletesNorChangesInstances() {
		String instance = anInstance();
		// Cockpit is for admins: neither the plain group nor a city's group reads an instance or its variables.
		for (String group : List.of("dispatcher", "dispatcher-330100")) {
			identity.setAuthentication("dispatcher-x", List.of(group));

			assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
			assertThatThrownBy(() -> runtime.getVariables(instance)).isInstanceOf(AuthorizationException.class);
			assertThatThrownBy(() -> runtime.deleteProcessInstance(instance, "nope")).isInstanceOf(AuthorizationException.class);
			assertThatThrownBy(() -> runtime.setVariable(instance, "assignedProviderId", "666"))
				.isInstanceOf(AuthorizationException.class);
		}
	}

	@Test
	void customerServiceCannotReadProcessInstances() {
		String instance = anInstance();
		identity.setAuthentication("service-x", List.of("customer-service"));

		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
	}

	@Test
	void eachGroupSeesAndWorksOnlyItsOwnTasks() {
		long phoneCall = orderAtPhoneConsumer();
		long returnVisit = orderAtReturnVisit();
		String phoneTask = driver.openTask(phoneCall, Elements.PHONE_CONSUMER_TASK);
		String returnVisitTask = driver.openTask(returnVisit, Elements.RETURN_VISIT_TASK);

		identity.setAuthentication("service-x", List.of("customer-service"));
		assertThat(visibleTasks()).contains(returnVisitTask).doesNotContain(phoneTask);
		assertThatThrownBy(() -> tasks.complete(phoneTask, Map.of("consumerReached", true)))
			.isInstanceOf(AuthorizationException.class);

		identity.setAuthentication("dispatcher-x", List.of("dispatcher-310100"));
		assertThat(visibleTasks()).as("another city's dispatchers").doesNotContain(phoneTask, returnVisitTask);

		identity.setAuthentication("dispatcher-x", List.of("dispatcher-330100"));
		assertThat(visibleTasks()).as("the order's city's dispatchers").contains(phoneTask).doesNotContain(returnVisitTask);

		identity.setAuthentication("dispatcher-x", List.of("dispatcher"));
		assertThat(visibleTasks()).contains(phoneTask).doesNotContain(returnVisitTask);
		assertThatThrownBy(() -> tasks.complete(returnVisitTask, Map.of("returnVisitOutcome", "SATISFIED")))
			.isInstanceOf(AuthorizationException.class);
		tasks.complete(phoneTask, Map.of("consumerReached", true, "contactNote", "will book tonight"));

		identity.setAuthentication("admin-x", List.of("camunda-admin"));
		assertThat(visibleTasks()).contains(returnVisitTask);
		identity.clearAuthentication();
		assertThat(driver.openTask(phoneCall, Elements.PHONE_CONSUMER_TASK)).isNull();
	}

	@Test
	void aStaffMemberWithoutAGroupSeesNoTask() {
		long phoneCall = orderAtPhoneConsumer();
		String phoneTask = driver.openTask(phoneCall, Elements.PHONE_CONSUMER_TASK);

		identity.setAuthentication("nobody-x", List.of());

		assertThat(visibleTasks()).doesNotContain(phoneTask).isEmpty();
	}

	private List<String> visibleTasks() {
		return tasks.createTaskQuery().list().stream().map(t -> t.getId()).toList();
	}

	@Test
	void anAdminMayDoEverything() {
		String instance = anInstance();
		identity.setAuthentication("admin-x", List.of("camunda-admin"));

		runtime.setVariable(instance, "note", "checked by admin");

		assertThat(runtime.getVariable(instance, "note")).isEqualTo("checked by admin");
	}

}
