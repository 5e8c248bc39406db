package dev.shifu.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;

/**
 * The embedded demo's installer sign-ins, exactly as the README's table documents them: each signs in through the
 * mobile API and reads its route, and the demo's live plan puts work on the routes of the signed-in crews.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shifu.demo.enabled=true", "camunda.bpm.job-execution.enabled=true",
				"spring.datasource.url=jdbc:h2:mem:shifu-demo-sign-in;MODE=MySQL;DB_CLOSE_DELAY=-1" })
class DemoInstallerSignInTests extends PlatformIntegrationTest {

	private static final Pattern ROW = Pattern.compile("\\| (1\\d{10}) \\| (\\S+) \\|");

	@Test
	void theDocumentedDemoInstallersSignInAndSeeTheirRoutes() throws IOException {
		Map<String, String> documented = documented();
		assertThat(documented).hasSize(3);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		int jobs = 0;
		java.util.List<String> tokens = new java.util.ArrayList<>();
		for (Map.Entry<String, String> credential : documented.entrySet()) {
			Api.Reply login = anonymous().post("/mobile/v1/auth/login",
					Map.of("phone", credential.getKey(), "password", credential.getValue(), "deviceName", "readme"));
			assertThat(login.status()).as(credential.getKey() + ": " + login.body()).isEqualTo(200);
			String token = login.json().get("accessToken").asText();
			tokens.add(token);
			assertThat(get(token, "/mobile/v1/me").get("provider").get("name").asText()).isNotBlank();
			for (int day = 0; day <= 3; day++) {
				JsonNode route = get(token, "/mobile/v1/route?date=" + today.plusDays(day));
				assertThat(route.get("version").asText()).isNotBlank();
				jobs += route.get("jobs").size();
			}
		}
		for (int i = 0; i < 900 && jobs == 0; i++) {
			sleep();
			jobs = countJobs(tokens, today);
		}
		assertThat(jobs).as("the demo plan sends the signed-in crews somewhere").isPositive();
	}

	private int countJobs(java.util.List<String> tokens, LocalDate today) {
		int jobs = 0;
		for (String token : tokens) {
			for (int day = 0; day <= 3; day++) {
				jobs += get(token, "/mobile/v1/route?date=" + today.plusDays(day)).get("jobs").size();
			}
		}
		return jobs;
	}

	private JsonNode get(String token, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		ResponseEntity<String> reply = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
		assertThat(reply.getStatusCode().value()).as(path + ": " + reply.getBody()).isEqualTo(200);
		return new Api.Reply(200, reply.getHeaders(), reply.getBody()).json();
	}

	/** The rows of the README's demo installer table: phone → password. */
	private static Map<String, String> documented() throws IOException {
		String readme = Files.readString(readme());
		String table = readme.substring(readme.indexOf("<!-- demo-installers -->"), readme.indexOf("<!-- /demo-installers -->"));
		Map<String, String> credentials = new LinkedHashMap<>();
		Matcher row = ROW.matcher(table);
		while (row.find()) {
			credentials.put(row.group(1), row.group(2));
		}
		return credentials;
	}

	private static Path readme() throws IOException {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("mobile-api"))) {
				return dir.resolve("README.md");
			}
		}
		throw new IOException("the root README.md not found above " + Path.of("").toAbsolutePath());
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
