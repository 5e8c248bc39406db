package dev.shifu.platform.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The windows come from the live plan: a dispatcher's edit of the plan, with no booking or reservation behind it,
 * changes what consumers are offered as soon as the solver publishes the edited plan. In a city of its own
 * (999300, V313), so the region's plan holds only this class's jobs.
 */
class WindowsFollowThePlanTests extends WindowFixture {

	private static final String CITY = "999300";

	private static final String DISTRICT = "999301";

	@Autowired
	private StaffRegions staffRegions;

	@Test
	void anInstallerMarkedUnavailableFromOneOClockTakesThatDaysAfternoonAwayAndLeavesTheRest() {
		setUpBrand();
		long dealer = dealer(DISTRICT);
		long installer = installer(dealer, EnumSet.allOf(DayOfWeek.class), "08:00", "18:00", 41.93, 101.93);
		String token = awaitingBooking(order(DISTRICT, "GOLD", 41.931, 101.931, dev.shifu.platform.support.TestPhones.next("136")));
		LocalDate day = TODAY.plusDays(3);

		JsonNode before = awaitWindows(token, w -> offers(w, day, "MORNING") && offers(w, day, "AFTERNOON"),
				"the morning and the afternoon offered on " + day);
		assertThat(offers(before, day.plusDays(1), "AFTERNOON")).as(before.toString()).isTrue();

		String name = unique("dispatcher");
		accounts.createUser(name, PASSWORD, name, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(name, Set.of(CITY));
		Api regionDispatcher = Api.user(http, name, PASSWORD);
		Map<String, Object> sick = Map.of("edits", List.of(Map.of("kind", "UNAVAILABLE_FROM", "shiftId",
				"I" + installer + "@" + day, "pin", false, "from", day + "T13:00")));
		Api.Reply edited = regionDispatcher.post("/api/v1/dispatch/board/" + CITY + "/edits", sick);
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);

		JsonNode after = awaitWindows(token, w -> !offers(w, day, "AFTERNOON"), "the afternoon of " + day + " gone");
		assertThat(offers(after, day, "MORNING")).as("the morning, before one o'clock, stays: " + after).isTrue();
		assertThat(offers(after, day.plusDays(1), "AFTERNOON")).as("the next day is untouched: " + after).isTrue();
		assertThat(anonymous().get("/api/v1/consumer/" + token + "/appointment").status()).as("nothing was booked")
			.isEqualTo(404);
	}

	private JsonNode awaitWindows(String token, java.util.function.Predicate<JsonNode> condition, String what) {
		JsonNode windows = null;
		for (int i = 0; i < 90; i++) {
			Api.Reply reply = anonymous().get("/api/v1/consumer/" + token + "/windows");
			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			windows = reply.json().get("windows");
			if (condition.test(windows)) {
				return windows;
			}
			// one read a second: well inside the link's own budget per minute
			sleep(1000);
		}
		throw new AssertionError("never happened: " + what + "; last windows " + windows);
	}

}
