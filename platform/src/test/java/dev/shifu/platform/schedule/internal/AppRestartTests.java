package dev.shifu.platform.schedule.internal;

import java.util.List;

/** The restart scenarios on H2: a database of this class's own, in memory, shared by both apps of the JVM. */
@org.springframework.test.context.TestPropertySource(properties = LivePlanTest.OWN_DATABASE)
class AppRestartTests extends RestartScenarios {

	@Override
	List<String> databaseArguments() {
		return List.of(OWN_DATABASE);
	}

}
