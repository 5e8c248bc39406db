package dev.shifu.platform.dispatch.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.shifu.platform.dispatch.BoardFixture;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.MovableClock;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static dev.shifu.platform.dispatch.BoardFixture.CITY;
import static dev.shifu.platform.dispatch.BoardFixture.DAY;
import static dev.shifu.platform.dispatch.BoardFixture.lane;
import static dev.shifu.platform.dispatch.BoardFixture.planned;
import static dev.shifu.platform.dispatch.BoardFixture.shiftId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A re-optimization result nobody decides on, on a clock the test moves: it holds the region's rebuilds only until
 * the decision timeout (10 minutes), then the system discards it, audits that, and does the rebuild it held back.
 */
@Import(MovableClock.Config.class)
class ReoptimizationExpiryTests extends PlatformIntegrationTest {

	private static final String REOPTIMIZE = "/api/v1/dispatch/board/" + CITY + "/reoptimize";

	@Autowired
	private MovableClock clock;

	@Autowired
	private ReoptimizationExpiry expiry;

	@Autowired
	private StaffRegions staffRegions;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aResultNobodyDecidesOnIsDiscardedAfterTheTimeoutAuditedAndTheRebuildItHeldBackIsDoneThen() {
		Api admin = asNewUser(Role.ADMIN, null);
		String name = unique("dispatcher");
		accounts.createUser(name, PASSWORD, name, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(name, Set.of(CITY));
		Api dispatcher = Api.user(http, name, PASSWORD);
		var brand = newBrand();
		BoardFixture dealer = new BoardFixture(admin, asBrand(brand), brand, unique("Staying dealer"));
		BoardFixture leaving = new BoardFixture(admin, asBrand(brand), brand, unique("Leaving dealer"));
		long stays = dealer.installer(unique("赵磊"), 31.19, 121.43);
		long goes = leaving.installer(unique("孙丽"), 31.21, 121.46);
		String job = dealer.order("DOOR", 31.195, 121.435);
		BoardFixture.settled(dispatcher, b -> planned(b, java.util.List.of(job)) && lane(b, shiftId(stays)) != null
				&& lane(b, shiftId(goes)) != null);

		assertThat(dispatcher.post(REOPTIMIZE, Map.of("date", DAY.toString(), "seconds", 600)).status()).isEqualTo(202);
		assertThat(dispatcher.delete(REOPTIMIZE).status()).isEqualTo(200);
		BoardFixture.await(() -> "AWAITING_DECISION".equals(state(dispatcher)), "the stopped run waits for a decision");
		// A provider suspended meanwhile: its rebuild of the region waits for the decision.
		assertThat(admin.post("/api/v1/providers/" + leaving.providerId + "/suspend", null).status()).isEqualTo(200);
		BoardFixture.await(() -> dispatcher.get(REOPTIMIZE).json().path("rebuildWaiting").asBoolean(),
				"the rebuild waits for the decision");
		JsonNode held = BoardFixture.board(dispatcher);

		clock.advance(Duration.ofMinutes(9));
		expiry.sweep();
		String afterNine = state(dispatcher);
		clock.advance(Duration.ofMinutes(1));
		expiry.sweep();
		JsonNode expired = dispatcher.get(REOPTIMIZE).json();
		JsonNode rebuilt = BoardFixture.boardWhen(dispatcher, b -> lane(b, shiftId(goes)) == null,
				"the suspended provider's installer off the plan");
		JsonNode audit = dispatcher.get("/api/v1/dispatch/board/" + CITY + "/audit").json();

		assertThat(lane(held, shiftId(goes))).as("no rebuild while the result waits").isNotNull();
		assertThat(afterNine).isEqualTo("AWAITING_DECISION");
		assertThat(expired.get("state").asText()).isEqualTo("EXPIRED");
		assertThat(lane(rebuilt, shiftId(stays))).isNotNull();
		assertThat(audit.get(0).get("action").asText()).isEqualTo("REOPTIMIZE_EXPIRED");
		assertThat(audit.get(0).get("actor").asText()).isEqualTo(ReoptimizationExpiry.ACTOR);
		assertThat(dispatcher.post(REOPTIMIZE + "/decision", Map.of("keep", true)).status())
			.as("nothing is left to decide").isEqualTo(409);
	}

	private static String state(Api dispatcher) {
		return dispatcher.get(REOPTIMIZE).json().path("state").asText();
	}

}
