package dev.shifu.platform.workflow;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.OrderFixture;

import static org.assertj.core.api.Assertions.assertThat;

/** The order fixture with what the lifecycle tests add: more providers, the stored plan, service on the day. */
abstract class LifecycleFixture extends OrderFixture {

	/**
	 * For the H2 tests that wait for the live plan of Hangzhou (330100): a context, and so a database, of their own,
	 * so the region's solver carries only their jobs, not those every other test posts there.
	 */
	static final String OWN_PLANNING_CONTEXT = "shifu.test.context=lifecycle-planning";

	@Autowired
	dev.shifu.platform.schedule.PlannedVisits plannedVisits;

	/** Another provider of the brand (a second dealer) or a third party, covering the region, with one installer. */
	long addProvider(String type, String regionCode, Map<String, Integer> capacity) {
		Map<String, Object> request = new java.util.HashMap<>(Map.of("name", unique(type), "type", type,
				"contactPhone", "0571-88004321", "coverage", Map.of("regionCodes", List.of(regionCode)), "dailyCapacity", capacity));
		if (type.equals("DEALER")) {
			request.put("brandId", brand.brandId());
		}
		Api.Reply reply = admin.post("/api/v1/providers", request);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asLong();
	}

	Api providerAdmin(long providerId) {
		return asNewUser(Role.PROVIDER_ADMIN, providerId);
	}

	JsonNode installer(long providerId, long installerId) {
		return admin.get("/api/v1/providers/" + providerId + "/installers/" + installerId).json();
	}

	/**
	 * Waits until the stored plan (what the installer app will read) sends one of {@code installers} to the order:
	 * after acceptance the live solver moves the job onto the accepting provider's installers.
	 */
	List<Long> storedCrew(long orderId, java.util.Collection<Long> installers) {
		for (int i = 0; i < 1200; i++) {
			List<Long> crew = plannedVisits.crewOf(orderId);
			if (!crew.isEmpty() && installers.containsAll(crew)) {
				return crew;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		throw new AssertionError("order " + orderId + " was never planned on " + installers + "; stored crew "
				+ plannedVisits.crewOf(orderId) + "; live plan: "
				+ asNewUser(Role.DISPATCHER, null).get("/api/v1/schedules?region=330100&date=" + TODAY.plusDays(2)).body());
	}

	long postOrder(String goodsStatus) {
		return postOrder(goodsStatus, "INSTALLATION", "GOLD", "330106");
	}

	long postOrder(String goodsStatus, String serviceType, String tier, String regionCode) {
		return postOrder(goodsStatus, serviceType, tier, regionCode, 30.2765, 120.1229);
	}

	List<String> history(long orderId) {
		return admin.get("/api/v1/orders/" + orderId).json().get("history").findValuesAsText("to");
	}

	JsonNode notifications(long orderId) {
		return admin.get("/api/v1/notifications?orderId=" + orderId).json();
	}

	/** Installation day, the installer's progress and a completion with the consumer's code. */
	/** Serves the visit to completion and returns the completion code used (shown to the consumer only that day). */
	String serve(long orderId) {
		return serve(orderId, dealerAdmin, dealerId);
	}

	String serve(long orderId, Api as, long providerId) {
		driver.fireTimer(orderId, "InstallationDayTimer");
		assertThat(status(orderId)).isEqualTo("IN_SERVICE");
		for (String step : List.of("EN_ROUTE", "ARRIVED", "STARTED")) {
			assertThat(jobEvent(as, providerId, orderId, Map.of("type", step)).status()).isEqualTo(200);
		}
		String code = verificationCode(orderId);
		assertThat(jobEvent(as, providerId, orderId, Map.of("type", "COMPLETED", "verificationCode", code)).status())
			.isEqualTo(200);
		assertThat(status(orderId)).isEqualTo("COMPLETED");
		return code;
	}

}
