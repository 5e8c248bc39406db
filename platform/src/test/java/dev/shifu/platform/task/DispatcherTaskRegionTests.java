package dev.shifu.platform.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.StaffTaskFixture;
import dev.shifu.workflows.ServiceOrderProcess.Elements;

/**
 * A dispatcher's staff tasks are those of their own regions: another city's dispatcher, or one with no region at
 * all, neither lists, reads nor completes a Hangzhou order's task (404, as if it did not exist).
 */
class DispatcherTaskRegionTests extends StaffTaskFixture {

	@Autowired
	private StaffRegions staffRegions;

	private Api dispatcherOf(Set<String> cities) {
		String name = unique("dispatcher");
		accounts.createUser(name, PASSWORD, name, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(name, cities);
		return Api.user(http, name, PASSWORD);
	}

	private static List<String> ids(Api caller) {
		Api.Reply reply = caller.get("/api/v1/tasks");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().findValuesAsText("id");
	}

	@Test
	void onlyADispatcherOfTheOrdersCityListsReadsAndCompletesItsTask() {
		long order = orderAtPhoneConsumer();
		String task = driver.openTask(order, Elements.PHONE_CONSUMER_TASK);
		Api hangzhou = dispatcherOf(Set.of("330100"));
		Api shanghai = dispatcherOf(Set.of("310100"));
		Api nowhere = dispatcherOf(Set.of());
		Map<String, Object> reached = Map.of("type", "PHONE_CONSUMER", "consumerReached", true);

		for (Api outsider : List.of(shanghai, nowhere)) {
			assertThat(ids(outsider)).doesNotContain(task);
			assertThat(outsider.get("/api/v1/tasks/" + task).status()).isEqualTo(404);
			assertThat(outsider.post("/api/v1/tasks/" + task + "/complete", reached).status()).isEqualTo(404);
		}
		assertThat(driver.openTask(order, Elements.PHONE_CONSUMER_TASK)).as("no outsider completed it").isEqualTo(task);

		assertThat(ids(hangzhou)).contains(task);
		assertThat(hangzhou.get("/api/v1/tasks/" + task).status()).isEqualTo(200);
		Api.Reply done = hangzhou.post("/api/v1/tasks/" + task + "/complete", reached);
		assertThat(done.status()).as(done.body()).isEqualTo(200);
	}

}
