package dev.shifu.platform.schedule.internal;

import org.junit.jupiter.api.Test;

import dev.shifu.platform.support.UsesMariaDb;

/** Pins, moves and routes survive a restart on MariaDB through Connector/J too. */
@UsesMariaDb
class LivePlanRestartOnMariaDbTests extends LivePlanTest {

	@Test
	void aRestartKeepsPinsMovesAndRoutes() {
		restartKeepsPinsMovesAndRoutes("330402", 30.75, 120.75, this::restartPlanning);
	}

}
