package dev.shifu.platform.task;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.StaffTaskFixture;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

import static org.assertj.core.api.Assertions.assertThat;

/** The 核销 code an installer submits is checked inside the engine but never kept there, where Cockpit shows it. */
class CompletionCodeHistoryTests extends StaffTaskFixture {

	@Autowired
	HistoryService historyService;

	@Autowired
	org.camunda.bpm.engine.ProcessEngine engine;

	@Test
	void theSubmittedCodesAreInNoProcessVariableNorItsHistory() {
		long order = orderStarted();
		String right = verificationCode(order);
		String wrong = right.equals("000000") ? "111111" : "000000";

		assertThat(jobEvent(order, Map.of("type", "COMPLETED", "verificationCode", wrong)).status()).isEqualTo(400);
		Api.Reply completed = jobEvent(order, Map.of("type", "COMPLETED", "verificationCode", right));
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);

		String instance = driver.instanceOf(order);
		assertThat(historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(instance)
			.variableName(Vars.VERIFICATION_CODE)
			.count()).isZero();
		assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list())
			.extracting(detail -> String.valueOf(((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getValue()))
			.doesNotContain(right, wrong);
		Api admin = asNewUser(Role.ADMIN, null);
		Api.Reply cockpitView = admin.get("/engine-rest/engine/" + engine.getName() + "/history/variable-instance?processInstanceId=" + instance);
		assertThat(cockpitView.status()).isEqualTo(200);
		assertThat(cockpitView.json().findValuesAsText("name")).doesNotContain(Vars.VERIFICATION_CODE);
		assertThat(cockpitView.json().findValuesAsText("value")).doesNotContain(right, wrong);
	}

}
