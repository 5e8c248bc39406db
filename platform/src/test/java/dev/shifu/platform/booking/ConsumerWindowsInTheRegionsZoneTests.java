package dev.shifu.platform.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Windows of a region outside China: the test city 992100 is on Pacific/Auckland (V305), four or five hours ahead
 * of Shanghai and on the next calendar day for most of the UTC day. Its consumer is offered the catalogue's windows
 * on that region's clock and calendar (09–12, 13–17 local, from the local tomorrow on for GOLD), and a booked
 * morning lands in the plan between 09:00 and 12:00 local.
 */
class ConsumerWindowsInTheRegionsZoneTests extends WindowFixture {

	private static final String CITY = "992100";

	private static final String DISTRICT = "992101";

	private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

	private static final double LAT = -36.8485;

	private static final double LNG = 174.7633;

	@Test
	void aRegionInAnotherZoneIsOfferedWindowsOnItsOwnClockAndABookedMorningIsPlannedInItsLocalMorning() {
		setUpBrand();
		// 08:00-20:00 local: the morning and the afternoon fit, in the region's hours, not Shanghai's.
		installer(dealer(DISTRICT), EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", LAT + 0.01, LNG + 0.01);
		long order = order(DISTRICT, "GOLD", LAT, LNG, TestPhones.next("136"));
		String token = awaitingBooking(order);
		LocalDate localToday = LocalDate.now(AUCKLAND);
		LocalDate day = localToday.plusDays(2);

		JsonNode answer = windowsOffering(token, day, "MORNING");

		assertThat(answer.get("zoneId").asText()).isEqualTo("Pacific/Auckland");
		JsonNode windows = answer.get("windows");
		assertThat(offers(windows, day, "MORNING")).as(answer.toString()).isTrue();
		assertThat(offers(windows, day, "AFTERNOON")).as(answer.toString()).isTrue();
		for (JsonNode w : windows) {
			LocalDate date = LocalDate.parse(w.get("date").asText());
			// GOLD from tomorrow on the region's calendar: never its today (Shanghai's date is a day behind most of the time).
			assertThat(date).as(w.toString()).isAfter(localToday).isBeforeOrEqualTo(localToday.plusDays(14));
			String expected = switch (w.get("window").asText()) {
				case "MORNING" -> "09:00-12:00";
				case "AFTERNOON" -> "13:00-17:00";
				default -> throw new AssertionError("not a GOLD window: " + w);
			};
			assertThat(w.get("start").asText().substring(0, 5) + "-" + w.get("end").asText().substring(0, 5))
				.as(w.toString()).isEqualTo(expected);
		}
		Api.Reply yesterdayHere = anonymous().post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", localToday.toString(), "window", "MORNING"));
		assertThat(yesterdayHere.status()).as("the region's today is not bookable").isEqualTo(400);
		assertThat(yesterdayHere.json().get("field").asText()).isEqualTo("date");

		Api.Reply booked = anonymous().post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", day.toString(), "window", "MORNING"));

		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		assertThat(booked.json().get("start").asText()).startsWith("09:00");
		assertThat(booked.json().get("end").asText()).startsWith("12:00");
		JsonNode visit = plannedInTheMorning(order, day);
		assertThat(visit).as("O" + order + " planned on " + day + " in the local morning").isNotNull();
		LocalTime start = LocalDateTime.parse(visit.get("start").asText()).toLocalTime();
		assertThat(start).isBetween(LocalTime.of(9, 0), LocalTime.of(12, 0));
		assertThat(LocalDateTime.parse(visit.get("start").asText()).toLocalDate()).isEqualTo(day);
	}

	/** The windows once the new installer's days reached the live plan and the day's window shows. */
	private JsonNode windowsOffering(String token, LocalDate day, String window) {
		JsonNode answer = null;
		for (int i = 0; i < 240; i++) {
			Api.Reply reply = anonymous().get("/api/v1/consumer/" + token + "/windows");
			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			answer = reply.json();
			if (offers(answer.get("windows"), day, window)) {
				return answer;
			}
			sleep(500);
		}
		return answer;
	}

	/** The order's visit on the day, once the plan starts it in 09:00-12:00 (it may pencil it elsewhere first). */
	private JsonNode plannedInTheMorning(long order, LocalDate day) {
		JsonNode last = null;
		for (int i = 0; i < 600; i++) {
			JsonNode plan = dispatcher.get("/api/v1/schedules?region=" + CITY + "&date=" + day).json();
			for (JsonNode installer : plan.path("installers")) {
				for (JsonNode v : installer.path("visits")) {
					if (v.get("jobId").asText().equals("O" + order)) {
						last = v;
						LocalTime start = LocalDateTime.parse(v.get("start").asText()).toLocalTime();
						if (!start.isBefore(LocalTime.of(9, 0)) && !start.isAfter(LocalTime.of(12, 0))) {
							return v;
						}
					}
				}
			}
			sleep(200);
		}
		return last;
	}

}
