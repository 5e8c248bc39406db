package dev.shifu.platform.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff signed in to the platform reach Cockpit and Tasklist as their role, over real HTTP with one browser-like
 * session: Camunda's webapp refreshes its cached authentication from the engine's identity store on the next
 * request, so the groups must be there and not only in what single sign-on hands over once.
 */
class CamundaSingleSignOnTests extends PlatformIntegrationTest {

	/** Another app of this JVM that closed may have taken the webapps' delegates with it (CamundaWebapps). */
	@org.junit.jupiter.api.BeforeEach
	void camundaWebappsUp() {
		dev.shifu.platform.support.CamundaWebapps.ensureRuntimeDelegates();
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	private int port;

	@Autowired
	private ProcessEngine engine;

	@Test
	void aDispatcherKeepsTasklistAcrossRequestsAndNeverGetsCockpit() throws Exception {
		Session dispatcher = signedIn(Role.DISPATCHER);

		JsonNode first = dispatcher.camundaUser();
		JsonNode again = dispatcher.camundaUser();

		// Cockpit shows every region's instances: admins only. Tasklist comes with the dispatcher's city groups.
		assertThat(apps(first)).contains("tasklist").doesNotContain("cockpit", "admin");
		assertThat(apps(again)).contains("tasklist").doesNotContain("cockpit", "admin");
	}

	@Test
	void customerServiceReachesTasklistOnly() throws Exception {
		Session service = signedIn(Role.CUSTOMER_SERVICE);

		service.camundaUser();
		JsonNode user = service.camundaUser();

		assertThat(apps(user)).contains("tasklist").doesNotContain("cockpit", "admin");
	}

	@Test
	void anAdminReachesEveryApp() throws Exception {
		Session admin = signedIn(Role.ADMIN);

		admin.camundaUser();
		JsonNode user = admin.camundaUser();

		assertThat(apps(user)).contains("tasklist", "cockpit", "admin");
	}

	private static java.util.List<String> apps(JsonNode user) {
		java.util.List<String> apps = new java.util.ArrayList<>();
		user.get("authorizedApps").forEach(a -> apps.add(a.asText()));
		return apps;
	}

	private Session signedIn(Role role) {
		String username = unique(role.name().toLowerCase());
		accounts.createUser(username, PASSWORD, username, Set.of(role), null, null);
		if (role == Role.DISPATCHER) {
			inEveryCity(username);
		}
		return new Session(username);
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

		/** Opens Tasklist (where single sign-on hands the user over), then asks the webapp who it thinks we are. */
		JsonNode camundaUser() throws Exception {
			HttpResponse<String> app = get("/camunda/app/tasklist/" + engine.getName() + "/");
			assertThat(app.statusCode()).as(app.headers().map() + " " + app.body()).isEqualTo(200);
			HttpResponse<String> user = get("/camunda/api/admin/auth/user/" + engine.getName());
			assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
			return JSON.readTree(user.body());
		}

	}

}
