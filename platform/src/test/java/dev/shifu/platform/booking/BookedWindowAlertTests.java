package dev.shifu.platform.booking;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booked window the live plan cannot keep (the only installer who could come takes leave that day) is a
 * dispatcher's alert, on the API and on the board's console path, not a silent unassigned job; a dispatcher of
 * another region does not see it. In a city of its own (993200, V287), so nobody else's installer can take the job.
 */
class BookedWindowAlertTests extends AlertFixture {

	static final String CITY = "993200";

	static final String DISTRICT = "993201";

	static final String OTHER_CITY = "993500";

	BookedWindowAlertTests() {
		super(CITY, 31.6, 121.6);
	}

	@Test
	void aBookedWindowNobodyCanKeepIsAnAlertForTheRegionsDispatcherOnly() {
		setUpBrand();
		Api cityDispatcher = dispatcherOf(CITY);
		Api otherDispatcher = dispatcherOf(OTHER_CITY);
		long dealer = dealer(DISTRICT);
		long installer = installer(dealer);
		long order = order(DISTRICT, "GOLD", lat + 0.001, lng + 0.001, TestPhones.next("138"));
		String token = awaitingBooking(order);
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
		Api.Reply booked = anonymous().post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", day.toString(), "window", "MORNING"));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		poll(() -> plannedOn(day, order), "the booked job planned on its day");
		assertThat(alertsOf(cityDispatcher, "/api/v1/schedules/alerts", order)).as("a kept window is no alert").isEmpty();

		leave(dealer, installer, List.of(day));

		poll(() -> !alertsOf(cityDispatcher, "/api/v1/schedules/alerts", order).isEmpty(),
				"an alert for the booked window nobody can keep");
		JsonNode alert = alertsOf(cityDispatcher, "/api/v1/schedules/alerts", order).get(0);
		assertThat(alert.get("jobId").asText()).isEqualTo("O" + order);
		assertThat(alert.get("date").asText()).isEqualTo(day.toString());
		assertThat(alert.get("windowStart").asText()).startsWith("09:00");
		assertThat(alert.get("windowEnd").asText()).startsWith("12:00");
		assertThat(alert.get("problem").asText()).isEqualTo("UNASSIGNED");
		// Not silent: the job is not on any route of the day, and the alert says so.
		assertThat(plannedOn(day, order)).isFalse();
		// The board's own path (the page's session) gives the same alert.
		assertThat(alertsOf(cityDispatcher, "/console/schedules/alerts", order)).hasSize(1);

		// A dispatcher of another region neither reads this region's alerts nor finds the job among their own.
		Api.Reply foreign = otherDispatcher.get("/api/v1/schedules/alerts?region=" + CITY);
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.contentType()).startsWith("application/problem+json");
		assertThat(otherDispatcher.get("/console/schedules/alerts?region=" + CITY).status()).isEqualTo(403);
		Api.Reply own = otherDispatcher.get("/api/v1/schedules/alerts?region=" + OTHER_CITY);
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		assertThat(own.body()).doesNotContain("\"O" + order + "\"");
		Api.Reply badRegion = cityDispatcher.get("/api/v1/schedules/alerts?region=99");
		assertThat(badRegion.status()).isEqualTo(400);
		assertThat(badRegion.json().get("field").asText()).isEqualTo("region");

		// The leave taken back: the window can be kept again, and the alert goes.
		leave(dealer, installer, List.of());

		poll(() -> alertsOf(cityDispatcher, "/api/v1/schedules/alerts", order).isEmpty() && plannedOn(day, order),
				"the alert cleared, the job planned again");
	}

}
