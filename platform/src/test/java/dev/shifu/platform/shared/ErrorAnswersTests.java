package dev.shifu.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.PlatformIntegrationTest;

/**
 * Errors that no MVC handler sees (a URL the firewall or Tomcat refuses, an entry point on a page route, an id no
 * object can have) still answer problem+json: the fuzz found each of them answering Boot's JSON, Tomcat's HTML or a
 * 500.
 */
class ErrorAnswersTests extends PlatformIntegrationTest {

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void anEncodedSlashInAPathIsAProblemNotTomcatsHtmlPage() throws Exception {
		HttpResponse<String> answer = get("/api/v1/providers/..%2F..", admin(), "application/json");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(answer.body()).contains("\"path: ");
	}

	@Test
	void anEncodedPercentSignTheFirewallRefusesIsAProblem() throws Exception {
		HttpResponse<String> answer = get("/api/v1/consumer/%25E2%2580%25AE/windows", null, "application/json");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
	}

	@Test
	void theBoardPageAskedForJsonWithoutSignInIsAProblemAndABrowserStillGetsAPage() throws Exception {
		HttpResponse<String> json = get("/console/board?region=330100", null, "application/json");
		HttpResponse<String> page = get("/console/board?region=330100", null, "text/html");

		assertThat(json.statusCode()).isEqualTo(401);
		assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(page.statusCode()).as("a browser is sent to sign in").isIn(302, 401);
		assertThat(page.headers().firstValue("Content-Type").orElse("text/html")).doesNotStartWith("application/json");
	}

	@Test
	void aTaskIdNoTaskCanHaveIsNotFound() throws Exception {
		HttpResponse<String> answer = get("/api/v1/tasks/%F0%9F%98%80", admin(), "application/json");

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
	}

	@Test
	void aNullInsideAListIsRefusedNamingItsPlace() throws Exception {
		HttpResponse<String> answer = post("/api/v1/dispatch/board/330100/preview", admin(), "{\"edits\":[null]}");

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(answer.body()).contains("\"field\":\"edits[0]\"").contains("may not be null");
	}

	private String admin() {
		String name = unique("admin");
		accounts.createUser(name, PASSWORD, name, Set.of(Role.ADMIN), null, null);
		return "Basic " + Base64.getEncoder().encodeToString((name + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> post(String rawPath, String authorization, String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String rawPath, String authorization, String accept) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath)).header("Accept", accept);
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
