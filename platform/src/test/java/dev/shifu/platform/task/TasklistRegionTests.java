package dev.shifu.platform.task;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.StaffTaskFixture;
import dev.shifu.workflows.ServiceOrderProcess.Elements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's webapps respect a dispatcher's regions: through the webapp's engine REST API and the Tasklist filter,
 * signed in with a browser-like session, a dispatcher sees the dispatcher tasks of their cities' orders only, and
 * Cockpit (every region's instances) is for admins. The platform's own task API keeps listing tasks per region. The
 * orders are in two test-only cities (990200, 990300) that no other test plans in.
 */
class TasklistRegionTests extends StaffTaskFixture {

	/** Another app of this JVM that closed may have taken the webapps' delegates with it (CamundaWebapps). */
	@org.junit.jupiter.api.BeforeEach
	void camundaWebappsUp() {
		dev.shifu.platform.support.CamundaWebapps.ensureRuntimeDelegates();
	}

	private static final String EAST = "990200";

	private static final String WEST = "990300";

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	private int port;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private IdentityService identity;

	@Autowired
	private StaffRegions staffRegions;

	private long eastOrder;

	private long westOrder;

	private String eastTask;

	private String westTask;

	@BeforeEach
	void oneDispatcherTaskInEachCity() {
		eastOrder = orderAtPhoneConsumerIn("990201", 31.1, 121.1);
		westOrder = orderAtPhoneConsumerIn("990301", 31.2, 121.2);
		eastTask = driver.openTask(eastOrder, Elements.PHONE_CONSUMER_TASK);
		westTask = driver.openTask(westOrder, Elements.PHONE_CONSUMER_TASK);
	}

	@Test
	void tasklistShowsADispatcherTheTasksOfTheirCitiesOnly() throws Exception {
		Session east = signedIn(dispatcherOf(Set.of(EAST)));
		Session west = signedIn(dispatcherOf(Set.of(WEST)));

		assertThat(east.visibleTasks()).contains(eastTask).doesNotContain(westTask);
		assertThat(east.allTasksFilter()).contains(eastTask).doesNotContain(westTask);
		assertThat(west.visibleTasks()).contains(westTask).doesNotContain(eastTask);
		assertThat(west.allTasksFilter()).contains(westTask).doesNotContain(eastTask);
	}

	@Test
	void aDispatcherIsInTheirCitiesGroupsInCamundaAndNotInThePlainDispatcherGroup() throws Exception {
		String both = dispatcherOf(Set.of(EAST, WEST));
		Session session = signedIn(both);

		assertThat(session.visibleTasks()).contains(eastTask, westTask);
		assertThat(apps(session.camundaUser())).contains("tasklist").doesNotContain("cockpit", "admin");
		assertThat(identity.createGroupQuery().groupMember(both).list()).extracting(g -> g.getId())
			.containsExactlyInAnyOrder("dispatcher-" + EAST, "dispatcher-" + WEST);
	}

	@Test
	void aRegionChangeTakesEffectAtTheNextSignIn() throws Exception {
		String dispatcher = dispatcherOf(Set.of(EAST));
		Session before = signedIn(dispatcher);
		assertThat(before.visibleTasks()).contains(eastTask).doesNotContain(westTask);

		staffRegions.assign(dispatcher, Set.of(WEST));
		Session after = signedIn(dispatcher);

		assertThat(after.visibleTasks()).contains(westTask).doesNotContain(eastTask);
	}

	@Test
	void onlyAnAdminOpensCockpitAndItsProcessInstances() throws Exception {
		Session admin = signedIn(user(Role.ADMIN));
		assertThat(admin.get("/camunda/app/cockpit/" + engine.getName() + "/").statusCode()).isEqualTo(200);
		assertThat(admin.instancesOfTheOrders()).hasSize(2);

		for (String city : List.of(EAST, WEST)) {
			Session dispatcher = signedIn(dispatcherOf(Set.of(city)));
			HttpResponse<String> cockpit = dispatcher.get("/camunda/app/cockpit/" + engine.getName() + "/");
			assertThat(cockpit.statusCode()).as(cockpit.body()).isEqualTo(403);
			assertThat(dispatcher.instancesOfTheOrders()).as("no process instance of any region").isEmpty();
		}
	}

	@Test
	void theStaffTaskApiStillListsADispatchersTasksPerRegion() {
		Api east = Api.user(http, dispatcherOf(Set.of(EAST)), PASSWORD);
		Api west = Api.user(http, dispatcherOf(Set.of(WEST)), PASSWORD);

		assertThat(taskIds(east)).contains(eastTask).doesNotContain(westTask);
		assertThat(taskIds(west)).contains(westTask).doesNotContain(eastTask);
		assertThat(east.get("/api/v1/tasks/" + westTask).status()).isEqualTo(404);
	}

	/** Not booked within 48 hours: the dispatcher phones the consumer. */
	private long orderAtPhoneConsumerIn(String district, double lat, double lng) {
		long order = postOrder("ARRIVED", "INSTALLATION", "GOLD", district, lat, lng);
		driver.fireTimer(order, Elements.BOOKING_ESCALATION_TIMER);
		assertThat(driver.openTask(order, Elements.PHONE_CONSUMER_TASK)).isNotNull();
		return order;
	}

	private String dispatcherOf(Set<String> cities) {
		String name = user(Role.DISPATCHER);
		staffRegions.assign(name, cities);
		return name;
	}

	private String user(Role role) {
		String name = unique(role.name().toLowerCase());
		accounts.createUser(name, PASSWORD, name, Set.of(role), null, null);
		return name;
	}

	private static List<String> taskIds(Api caller) {
		Api.Reply reply = caller.get("/api/v1/tasks?type=PHONE_CONSUMER");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().findValuesAsText("id");
	}

	private static List<String> apps(JsonNode user) {
		List<String> apps = new ArrayList<>();
		user.get("authorizedApps").forEach(a -> apps.add(a.asText()));
		return apps;
	}

	/** Opens Tasklist once, as a browser does: single sign-on hands the user over there. */
	private Session signedIn(String username) throws Exception {
		Session session = new Session(username);
		HttpResponse<String> tasklist = session.get("/camunda/app/tasklist/" + engine.getName() + "/");
		assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(200);
		return session;
	}

	/** One browser: a cookie jar and the user's credentials (HTTP basic on the web chain, like the form login). */
	private final class Session {

		private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private final String authorization;

		Session(String username) {
			this.authorization = "Basic " + Base64.getEncoder()
				.encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		}

		HttpResponse<String> get(String path) throws Exception {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", authorization)
				.header("Accept", "application/json")
				.GET()
				.build();
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}

		JsonNode json(String path) throws Exception {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
			return JSON.readTree(response.body());
		}

		private String engineApi() {
			return "/camunda/api/engine/engine/" + engine.getName();
		}

		/** The engine REST API of the webapp, as Tasklist calls it with the session. */
		List<String> visibleTasks() throws Exception {
			return json(engineApi() + "/task?processInstanceBusinessKeyIn=" + eastOrder + "," + westOrder)
				.findValuesAsText("id");
		}

		/** Tasklist's list: the "All tasks" filter the starter creates, run as the signed-in user. */
		List<String> allTasksFilter() throws Exception {
			String filter = null;
			for (JsonNode f : json(engineApi() + "/filter?resourceType=Task")) {
				if (f.get("name").asText().equals("All tasks")) {
					filter = f.get("id").asText();
				}
			}
			assertThat(filter).as("the All tasks filter is readable").isNotNull();
			return json(engineApi() + "/filter/" + filter + "/list?maxResults=500").findValuesAsText("id");
		}

		List<String> instancesOfTheOrders() throws Exception {
			List<String> ids = new ArrayList<>();
			for (long order : List.of(eastOrder, westOrder)) {
				json(engineApi() + "/process-instance?businessKey=" + order).forEach(pi -> ids.add(pi.get("id").asText()));
			}
			return ids;
		}

		JsonNode camundaUser() throws Exception {
			return json("/camunda/api/admin/auth/user/" + engine.getName());
		}

	}

}
