package dev.shifu.platform.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README's walk, {@code scripts/demo-walk.sh}, as a newcomer does: against the app on the {@code embedded}
 * profile with its demo data, and the script's own defaults (the demo brand, dealer, admin and dispatcher); only the
 * address is the test's. The embedded profile runs Camunda's job executor and its short demo timers; the script fires
 * the installation-day and return-visit timers through Camunda's REST API, as a newcomer does in Cockpit. Two things
 * differ from {@code java -jar … --spring.profiles.active=embedded}: the database is in memory instead of
 * {@code ./data/}, and Spring Boot Admin's client, which would register at port 0, is off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:shifu-demo-walk;MODE=MySQL;DB_CLOSE_DELAY=-1",
				"spring.boot.admin.client.enabled=false" })
@ActiveProfiles(profiles = "embedded", inheritProfiles = false)
// Its demo network plans 200 orders: free the machine for the tests after it.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DemoWalkTests extends PlatformIntegrationTest {

	private static final Pattern RESULT = Pattern.compile("WALK_RESULT=(\\w+) ORDER_ID=(\\d+)");

	@LocalServerPort
	private int port;

	@Autowired
	private ProcessEngine engine;

	@Test
	void theReadmeWalkTakesANewOrderFromIntakeToClosedOnTheEmbeddedProfileWithTheDemoCredentials() throws Exception {
		ProcessBuilder walk = new ProcessBuilder("bash", script().toString()).redirectErrorStream(true);
		walk.environment().put("BASE_URL", "http://localhost:" + port);
		assertThat(engine.getName()).as("the engine the script addresses by default").isEqualTo("default");
		Process process = walk.start();
		String output = new String(process.getInputStream().readAllBytes());
		boolean ended = process.waitFor(5, TimeUnit.MINUTES);

		assertThat(ended).as(output).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		Matcher result = RESULT.matcher(output);
		assertThat(result.find()).as(output).isTrue();
		JsonNode order = Api.brand(http, DemoData.MULAN_KEY).get("/api/v1/orders/" + result.group(2)).json();
		assertThat(order.get("status").asText()).isEqualTo("CLOSED");
		assertThat(order.get("history").findValuesAsText("to")).contains("AWAITING_BOOKING", "BOOKED", "ASSIGNED",
				"SCHEDULED", "IN_SERVICE", "EN_ROUTE", "ARRIVED", "STARTED", "COMPLETED", "RATED", "CLOSED");
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
