package dev.shifu.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;

/**
 * Dispatcher regions fail closed: a dispatcher with no {@code staff_region} row works in no region, and a dispatcher
 * of one city is refused (403 problem+json) on another city's board, schedules, alerts, reviews and tasks.
 */
class RegionsFailClosedTests extends PlatformIntegrationTest {

	private static final String OWN = "330100";

	private static final String OTHER = BoardFixture.CITY;

	private static final LocalDate DAY = LocalDate.now().plusDays(1);

	@Autowired
	private StaffRegions staffRegions;

	private Api dispatcherWith(Set<String> cities) {
		String name = unique("dispatcher");
		accounts.createUser(name, PASSWORD, name, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(name, cities);
		return Api.user(http, name, PASSWORD);
	}

	@Test
	void aDispatcherWithNoRegionSeesNoRegionAtAll() {
		Api nowhere = dispatcherWith(Set.of());

		for (String city : new String[] { OWN, OTHER }) {
			assertRefused(nowhere.get("/api/v1/dispatch/board?region=" + city + "&date=" + DAY));
			assertRefused(nowhere.get("/api/v1/dispatch/board/" + city + "/reviews"));
			assertRefused(nowhere.get("/api/v1/dispatch/board/" + city + "/audit"));
			assertRefused(nowhere.get("/api/v1/schedules?region=" + city + "&date=" + DAY));
			assertRefused(nowhere.get("/api/v1/schedules/alerts?region=" + city));
			assertRefused(nowhere.get("/api/v1/reviews?region=" + city));
			assertRefused(nowhere.get("/api/v1/tasks?region=" + city));
		}
	}

	@Test
	void aDispatcherOfOneCityIsRefusedTheSchedulesOfAnother() {
		Api own = dispatcherWith(Set.of(OWN));

		assertRefused(own.get("/api/v1/schedules?region=" + OTHER + "&date=" + DAY));
		assertRefused(own.get("/api/v1/schedules/alerts?region=" + OTHER));
		assertRefused(own.post("/api/v1/schedules/" + OTHER + "/pins", java.util.Map.of("jobId", "J1")));
		assertRefused(own.post("/api/v1/schedules/" + OTHER + "/reoptimize",
				java.util.Map.of("date", DAY.toString(), "seconds", 1)));
		assertThat(own.get("/api/v1/schedules?region=" + OWN + "&date=" + DAY).status()).isEqualTo(200);
		assertThat(own.get("/api/v1/schedules/alerts?region=" + OWN).status()).isEqualTo(200);
	}

	private static void assertRefused(Api.Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(403);
		assertThat(reply.contentType()).contains("application/problem+json");
	}

}
