package dev.shifu.platform.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.shifu.planner.domain.ScheduleConstraints;
import dev.shifu.platform.support.Api;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PLATINUM member's premium window (an installer rated at least 4.8) is a promise the plan and dispatch keep: the
 * plan puts the job on the premium installer although a closer, lower-rated one has room; dispatch offers it only to
 * a provider with such an installer; and when the premium installer drops out, the job is not handed to the
 * lower-rated one but left unassigned with its reason, and the dispatcher sees an alert. Test city 994100.
 */
class PremiumInstallerTests extends WindowFixture {

	private static final String CITY = "994100";

	private static final String DISTRICT = "994101";

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPremiumWindowKeepsTheJobOnAPremiumInstallerOrLeavesItUnassignedWithItsReason() {
		setUpBrand();
		long nearDealer = dealer(DISTRICT);
		long premiumDealer = dealer(DISTRICT);
		// Next door to the consumer, rated 4.2; the premium installer (4.9) lives about 22 km away.
		long near = installer(nearDealer, EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", 40.1005, 100.1005);
		long premium = installer(premiumDealer, EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", 40.30, 100.10);
		// Set before the city has any job, so the plan's first build reads them.
		jdbc.update("update installer set rating = 4.2, rating_count = 5 where id = ?", near);
		jdbc.update("update installer set rating = 4.9, rating_count = 5 where id = ?", premium);
		long order = order(DISTRICT, "PLATINUM", 40.101, 100.101, "13966667777");
		String token = awaitingBooking(order);
		Api consumer = anonymous();
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);

		JsonNode windows = consumer.get("/api/v1/consumer/" + token + "/windows").json().get("windows");
		JsonNode afternoon = window(windows, day, "AFTERNOON");
		assertThat(afternoon).as(windows.toString()).isNotNull();
		assertThat(afternoon.get("premiumInstaller").asBoolean()).isTrue();

		Api.Reply booked = consumer.post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", day.toString(), "window", "AFTERNOON", "premiumInstaller", true));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		assertThat(booked.json().get("premiumInstaller").asBoolean()).isTrue();

		// The plan: on the premium installer's route, not the nearer one's.
		String jobId = "O" + order;
		JsonNode route = null;
		for (int i = 0; i < 300 && route == null; i++) {
			route = routeOf(dispatcher.get("/api/v1/schedules?region=" + CITY + "&date=" + day).json(), jobId);
			if (route == null) {
				sleep(200);
			}
		}
		assertThat(route).as("planned on the booked day").isNotNull();
		assertThat(route.get("installerIds").get(0).asText()).isEqualTo(String.valueOf(premium));

		// Dispatch: only the provider with a premium installer is a candidate for the offer.
		String instance = driver.instanceOf(order);
		driver.drainUntil(order, () -> candidates(instance) != null, "candidates found");
		assertThat(candidates(instance)).isEqualTo(String.valueOf(premiumDealer));

		// The premium installer drops out: the job stays off the lower-rated route, unassigned with its reason.
		assertThat(admin.post("/api/v1/providers/" + premiumDealer + "/installers/" + premium + "/suspend", Map.of())
			.status()).isEqualTo(200);
		JsonNode unassigned = null;
		JsonNode plan = null;
		for (int i = 0; i < 300 && unassigned == null; i++) {
			plan = dispatcher.get("/api/v1/schedules?region=" + CITY + "&date=" + day).json();
			unassigned = unassigned(plan, jobId);
			if (unassigned == null) {
				sleep(200);
			}
		}
		assertThat(unassigned).as("unassigned once the premium installer is gone").isNotNull();
		assertThat(routeOf(plan, jobId)).isNull();
		List<String> reasons = new java.util.ArrayList<>();
		unassigned.get("reasons").forEach(r -> reasons.add(r.get("constraint").asText()));
		assertThat(reasons).contains(ScheduleConstraints.MIN_INSTALLER_RATING);
		JsonNode alerts = dispatcher.get("/api/v1/schedules/alerts?region=" + CITY).json();
		boolean alerted = false;
		for (JsonNode alert : alerts) {
			alerted |= alert.get("orderId").asLong() == order && alert.get("problem").asText().equals("UNASSIGNED");
		}
		assertThat(alerted).as(alerts.toString()).isTrue();
	}

	private String candidates(String instance) {
		List<HistoricVariableInstance> found = history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance)
			.variableName(Vars.CANDIDATE_PROVIDER_IDS)
			.list();
		return found.isEmpty() || found.get(0).getValue() == null ? null : String.valueOf(found.get(0).getValue());
	}

	private static JsonNode window(JsonNode windows, LocalDate day, String code) {
		for (JsonNode w : windows) {
			if (w.get("date").asText().equals(day.toString()) && w.get("window").asText().equals(code)) {
				return w;
			}
		}
		return null;
	}

	private static JsonNode routeOf(JsonNode plan, String jobId) {
		for (JsonNode installer : plan.get("installers")) {
			for (JsonNode v : installer.get("visits")) {
				if (v.get("jobId").asText().equals(jobId)) {
					return installer;
				}
			}
		}
		return null;
	}

	private static JsonNode unassigned(JsonNode plan, String jobId) {
		for (JsonNode job : plan.get("unassigned")) {
			if (job.get("jobId").asText().equals(jobId)) {
				return job;
			}
		}
		return null;
	}

}
