package dev.shifu.platform.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A window booked right after the order is posted, before (or while) the schedule takes the order in: the answer is
 * a booking or a clear problem, never a 500, and a booking lands in its window in the plan. In a city of its own
 * (993100, V287).
 */
class AppointmentBeforeScheduleRowTests extends WindowFixture {

	static final String CITY = "993100";

	static final String DISTRICT = "993101";

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aWindowBookedImmediatelyAfterPostingIsBookedOrAClearProblemNeverA500() {
		setUpBrand();
		long dealer = dealer(DISTRICT);
		installer(dealer, EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", 31.50, 121.50);
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3);
		String[] windows = { "MORNING", "AFTERNOON", "MORNING", "AFTERNOON" };
		for (int i = 0; i < windows.length; i++) {
			long order = order(DISTRICT, "GOLD", 31.50 + i * 0.002, 121.50, TestPhones.next("138"));
			// As soon as the link exists: no wait for the schedule to have taken the order in.
			String token = awaitingBooking(order);
			Api.Reply offered = anonymous().get("/api/v1/consumer/" + token + "/windows");
			assertThat(offered.status()).as(offered.body()).isEqualTo(200);
			Api.Reply booked = anonymous().post("/api/v1/consumer/" + token + "/appointment",
					Map.of("date", day.toString(), "window", windows[i]));
			assertBookedOrClearProblem(booked);
			if (booked.status() == 200) {
				assertPlannedInWindow(order, day, windows[i]);
			}
		}
	}

	@Test
	void aWindowBookedBeforeTheScheduleHasTheOrdersRowIsBookedAndPlannedInIt() {
		setUpBrand();
		long dealer = dealer(DISTRICT);
		installer(dealer, EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", 31.51, 121.51);
		// Within the plan's horizon (three days after today), so the plan shows where the job went.
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
		long order = order(DISTRICT, "GOLD", 31.511, 121.511, TestPhones.next("138"));
		String token = awaitingBooking(order);
		// The schedule has not taken the order in yet (its listener runs after the intake, on its own thread).
		jdbc.update("delete from schedule_job where order_id = ?", order);

		// A day of the live plan: its capacity shows once the new installer reached the running solver.
		Api.Reply windows = anonymous().get("/api/v1/consumer/" + token + "/windows");
		for (int i = 0; i < 120 && !offers(windows.json().get("windows"), day, "AFTERNOON"); i++) {
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			windows = anonymous().get("/api/v1/consumer/" + token + "/windows");
		}
		assertThat(windows.status()).as(windows.body()).isEqualTo(200);
		assertThat(offers(windows.json().get("windows"), day, "AFTERNOON")).as(windows.body()).isTrue();
		Api.Reply booked = anonymous().post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", day.toString(), "window", "AFTERNOON"));

		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		assertPlannedInWindow(order, day, "AFTERNOON");
	}

	private static void assertBookedOrClearProblem(Api.Reply reply) {
		assertThat(reply.status()).as(reply.body()).isLessThan(500);
		if (reply.status() >= 400) {
			assertThat(reply.status()).as(reply.body()).isIn(400, 404, 409);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.json().get("type").asText()).as(reply.body()).doesNotEndWith("/internal-error");
		}
		else {
			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		}
	}

	private void assertPlannedInWindow(long order, LocalDate day, String window) {
		LocalTime from = window.equals("MORNING") ? LocalTime.of(9, 0) : LocalTime.of(13, 0);
		LocalTime to = window.equals("MORNING") ? LocalTime.of(12, 0) : LocalTime.of(17, 0);
		JsonNode visit = null;
		for (int i = 0; i < 600 && visit == null; i++) {
			visit = visit(admin.get("/api/v1/schedules?region=" + CITY + "&date=" + day).json(), "O" + order);
			if (visit == null) {
				sleep(200);
			}
		}
		assertThat(visit).as("O" + order + " planned on " + day).isNotNull();
		LocalTime start = java.time.LocalDateTime.parse(visit.get("start").asText()).toLocalTime();
		assertThat(start).as("O" + order + " in its " + window + " window").isBetween(from, to);
	}

	private static JsonNode visit(JsonNode plan, String job) {
		for (JsonNode installer : plan.path("installers")) {
			for (JsonNode v : installer.path("visits")) {
				if (v.get("jobId").asText().equals(job)) {
					return v;
				}
			}
		}
		return null;
	}

}
