package dev.shifu.platform.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.MovableClock;

/**
 * What the installer reports from the road reaches the live plan as actual times: a late arrival pushes the rest of
 * the day later, an early finish brings it forward, on the dispatcher's schedule and on the installer's own route.
 * The app's clock is moved to the visit day (the engine's stays, so no process timer falls due on the way).
 */
@Import(MovableClock.Config.class)
class ActualTimesReachThePlanTests extends InstallerFixture {

	@Autowired
	MovableClock clock;

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	@Test
	void aLateArrivalAndAnEarlyFinishReportedInTheAppMoveTheNextJobsEtas() {
		long first = jobOf(installerA);
		long second = scheduledOrder();
		planOn(second, installerA);
		String shift = "I" + installerA + "@" + DAY;
		eventually(() -> visits(shift).size() == 2, "both jobs on the installer's route");
		JsonNode before = visits(shift);
		assertThat(before.findValuesAsText("orderId")).containsExactly(String.valueOf(first), String.valueOf(second));
		LocalDateTime plannedStart = time(before.get(0), "start");
		LocalDateTime plannedNext = time(before.get(1), "arrival");

		// The visit day, 11:00: the installer is hours later than planned.
		LocalDateTime late = DAY.atTime(11, 0);
		onTheVisitDay(late.minusMinutes(25));
		assertThat(post(tokenA, first, event("EN_ROUTE", at(late.minusMinutes(30)), null, null), "late-en-route").status())
			.isEqualTo(200);
		onTheVisitDay(late.plusMinutes(1));
		Api.Reply arrived = post(tokenA, first, event("ARRIVED", at(late), LAT, LNG), "late-arrived");
		assertThat(arrived.status()).as(arrived.body()).isEqualTo(200);

		Duration delay = Duration.between(plannedStart, late);
		LocalDateTime expectedNext = plannedNext.plus(delay);
		eventually(() -> time(visits(shift).get(1), "arrival").equals(expectedNext),
				"the next job's ETA moved by the delay on the schedule");
		assertThat(time(visits(shift).get(0), "arrival")).isEqualTo(late);
		eventually(() -> routeArrival(second).equals(expectedNext), "the next job's ETA moved on the installer's route");

		// Done 30 minutes after arriving, an hour early: the next job comes forward to the drive from the finish.
		long drive = Duration.between(time(before.get(0), "end"), plannedNext).toSeconds();
		LocalDateTime done = late.plusMinutes(30);
		onTheVisitDay(done.plusMinutes(1));
		assertThat(post(tokenA, first, event("STARTED", at(late.plusMinutes(5)), LAT, LNG), "late-started").status())
			.isEqualTo(200);
		Map<String, Object> completed = new HashMap<>(event("COMPLETED", at(done), LAT, LNG));
		completed.put("verificationCode", verificationCode(first));
		completed.put("photoIds", List.of(photo(tokenA, first, "BEFORE", jpeg(first * 10 + 1)),
				photo(tokenA, first, "AFTER", jpeg(first * 10 + 2))));
		completed.put("serialNumbers", List.of(Map.of("sku", "DR-800", "serialNumber", "SN-LATE-1")));
		Api.Reply finished = post(tokenA, first, completed, "late-completed");
		assertThat(finished.status()).as(finished.body()).isEqualTo(200);

		LocalDateTime afterFinish = done.plusSeconds(drive);
		eventually(() -> time(visits(shift).get(1), "arrival").equals(afterFinish), "the next job follows the finish");
		assertThat(visits(shift).get(0).get("pinned").asBoolean()).as("the done job is in the fixed head").isTrue();
		eventually(() -> routeArrival(second).equals(afterFinish), "the route follows the finish");
	}

	/** The app's clock on the visit day; Camunda's stays at the real time. */
	private void onTheVisitDay(LocalDateTime local) {
		clock.set(local.atZone(SHANGHAI));
		ClockUtil.reset();
	}

	private static Instant at(LocalDateTime local) {
		return local.atZone(SHANGHAI).toInstant();
	}

	private JsonNode visits(String shiftId) {
		JsonNode day = dispatcher.get("/api/v1/schedules?region=330100&date=" + DAY).json();
		for (JsonNode installer : day.get("installers")) {
			if (installer.get("shiftId").asText().equals(shiftId)) {
				return installer.get("visits");
			}
		}
		return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
	}

	private static LocalDateTime time(JsonNode visit, String field) {
		return LocalDateTime.parse(visit.get(field).asText());
	}

	/** The job's planned arrival on the installer's route in the app, as local time of the region. */
	private LocalDateTime routeArrival(long orderId) {
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.setBearerAuth(tokenA);
		String body = http.exchange("/mobile/v1/route?date=" + DAY, org.springframework.http.HttpMethod.GET,
				new org.springframework.http.HttpEntity<>(headers), String.class).getBody();
		JsonNode route = new Api.Reply(200, headers, body).json();
		for (JsonNode job : route.get("jobs")) {
			if (job.get("jobId").asLong() == orderId) {
				return OffsetDateTime.parse(job.get("plannedArrival").asText()).atZoneSameInstant(SHANGHAI).toLocalDateTime();
			}
		}
		return LocalDateTime.MIN;
	}

}
