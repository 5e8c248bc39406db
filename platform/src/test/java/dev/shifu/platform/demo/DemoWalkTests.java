package dev.shifu.platform.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README's walk, {@code scripts/demo-walk.sh}, against this app over real HTTP, so the walk cannot rot.
 * Like the embedded app, this context runs Camunda's job executor (on a database of its own, so it never runs other
 * tests' jobs); the script fires the installation-day and return-visit timers through Camunda's REST API, as a
 * newcomer does in Cockpit. The network is set up as the demo's: a brand, its dealer covering Xihu, an installer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=true",
				"spring.datasource.url=jdbc:h2:mem:shifu-demo-walk;MODE=MySQL;DB_CLOSE_DELAY=-1" })
class DemoWalkTests extends PlatformIntegrationTest {

	private static final Pattern RESULT = Pattern.compile("WALK_RESULT=(\\w+) ORDER_ID=(\\d+)");

	@LocalServerPort
	private int port;

	@Autowired
	private ProcessEngine engine;

	@Test
	void theReadmeWalkTakesANewOrderFromIntakeToClosed() throws Exception {
		IssuedBrand brand = newBrand();
		String adminName = user(Role.ADMIN, null);
		Api admin = Api.user(http, adminName, PASSWORD);
		long dealer = admin.post("/api/v1/providers", Map.of("name", "Walk dealer " + brand.code(), "type", "DEALER",
				"brandId", brand.brandId(), "contactPhone", "0571-88001234",
				"coverage", Map.of("regionCodes", List.of("330106")), "dailyCapacity", Map.of("INSTALLATION", 10)))
			.json()
			.get("id")
			.asLong();
		List<Map<String, String>> everyDay = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			everyDay.add(Map.of("day", day.name(), "start", "08:00", "end", "18:00"));
		}
		assertThat(admin.post("/api/v1/providers/" + dealer + "/installers", Map.of("name", "钱师傅", "phone", "13700004321",
				"skills", List.of("DOOR"), "homeBase", Map.of("lat", 30.28, "lng", 120.12), "shifts", everyDay, "crewSize", 1))
			.status()).isEqualTo(201);

		ProcessBuilder walk = new ProcessBuilder("bash", script().toString()).redirectErrorStream(true);
		walk.environment()
			.putAll(Map.of("BASE_URL", "http://localhost:" + port, "BRAND_KEY", brand.apiKey(), "REGION", "330106",
					"PROVIDER_USER", user(Role.PROVIDER_ADMIN, dealer), "PROVIDER_PASSWORD", PASSWORD, "ADMIN_USER",
					adminName, "ADMIN_PASSWORD", PASSWORD, "DISPATCHER_USER", user(Role.DISPATCHER, null),
					"DISPATCHER_PASSWORD", PASSWORD, "POLL_SECONDS", "60"));
		// Camunda's REST API finds engines by name in a JVM-wide registry; test contexts name their engines uniquely.
		if (ProcessEngines.getProcessEngine(engine.getName(), false) == null) {
			ProcessEngines.registerProcessEngine(engine);
		}
		walk.environment().put("ENGINE", engine.getName());
		Process process = walk.start();
		String output = new String(process.getInputStream().readAllBytes());
		boolean ended = process.waitFor(5, TimeUnit.MINUTES);

		assertThat(ended).as(output).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		Matcher result = RESULT.matcher(output);
		assertThat(result.find()).as(output).isTrue();
		JsonNode order = asBrand(brand).get("/api/v1/orders/" + result.group(2)).json();
		assertThat(order.get("status").asText()).isEqualTo("CLOSED");
		assertThat(order.get("history").findValuesAsText("to")).contains("AWAITING_BOOKING", "BOOKED", "ASSIGNED",
				"SCHEDULED", "IN_SERVICE", "EN_ROUTE", "ARRIVED", "STARTED", "COMPLETED", "RATED", "CLOSED");
	}

	private String user(Role role, Long providerId) {
		String name = unique(role.name().toLowerCase());
		accounts.createUser(name, PASSWORD, name, Set.of(role), providerId, null);
		return name;
	}

	/** The script in the repository, found from the module's directory (where Maven runs tests) or the root. */
	private static Path script() throws IOException {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("scripts/demo-walk.sh");
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		throw new IOException("scripts/demo-walk.sh not found above " + Path.of("").toAbsolutePath());
	}

}
