package dev.shifu.platform.schedule.internal;

import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import dev.shifu.platform.support.MariaDb;

/**
 * The restart scenarios on MariaDB through Connector/J: a database of this class's own (so no other context plans
 * its regions), where a second app started with its connection finds the stored plan, pins and locks.
 */
@ContextConfiguration(initializers = AppRestartOnMariaDbTests.OwnDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AppRestartOnMariaDbTests extends RestartScenarios {

	private static volatile List<String> database;

	static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			database = MariaDb.ownDatabase("restart");
			TestPropertyValues.of(database).applyTo(context);
		}

	}

	@Override
	List<String> databaseArguments() {
		return database;
	}

}
