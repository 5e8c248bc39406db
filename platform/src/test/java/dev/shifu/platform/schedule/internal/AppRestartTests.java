package dev.shifu.platform.schedule.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.shifu.platform.ShifuApplication;
import dev.shifu.platform.support.Api;

/**
 * A real restart: this app's planning shuts down, and a second app starts on the same database and serves the plan.
 * Nothing of the first app's memory reaches the second, so what it shows came from storage.
 */
@org.springframework.test.context.TestPropertySource(properties = LivePlanTest.OWN_DATABASE)
class AppRestartTests extends LivePlanTest {

	private ConfigurableApplicationContext second;

	@Test
	void aNewAppOnTheSameDatabaseContinuesWithThePinsMovesAndRoutes() {
		restartKeepsPinsMovesAndRoutes("330411", 30.86, 120.09, () -> {
			lifecycle.stopAll();
			second = new SpringApplicationBuilder(ShifuApplication.class).profiles("test")
				// Arguments, as at a real start: they outrank the test profile's own database.
				.run("--server.port=0", "--" + OWN_DATABASE);
			String port = second.getEnvironment().getProperty("local.server.port");
			return Api.user(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)),
					dispatcherName, PASSWORD);
		});
	}

	@AfterEach
	void stopTheSecondApp() {
		if (second != null) {
			second.close();
		}
		lifecycle.startAll();
	}

}
