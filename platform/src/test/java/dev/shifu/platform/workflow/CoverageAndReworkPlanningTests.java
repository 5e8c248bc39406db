package dev.shifu.platform.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import dev.shifu.platform.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do a job, and which job wins when there is too little room, through the real APIs, process and live
 * solver. Each test plans in a city no other test of the context uses (Suzhou, Beijing), so its plan holds only its
 * own jobs.
 */
@TestPropertySource(properties = LifecycleFixture.OWN_PLANNING_CONTEXT)
class CoverageAndReworkPlanningTests extends LifecycleFixture {

	/** Suzhou's Gusu district, where the radius provider sits. */
	private static final double GUSU_LAT = 31.31;

	private static final double GUSU_LNG = 120.62;

	/**
	 * The network's one coverage rule holds for dispatch and the plan alike: a dealer whose region codes are
	 * elsewhere (Ningbo) but whose radius takes in the address is offered the order and its installer gets the
	 * visit, also when the city's plan was already running without it; a provider that covers neither the district
	 * nor the point (but works in the same city) gets neither.
	 */
	@Test
	void aProviderCoveringTheAddressOnlyByRadiusIsOfferedTheOrderAndItsInstallerPlannedForIt() {
		Map<String, Object> byRadius = new java.util.HashMap<>(Map.of("name", unique("radius"), "type", "DEALER",
				"brandId", brand.brandId(), "contactPhone", "0512-66001234", "coverage", Map.of("regionCodes",
						List.of("330200"), "centre", Map.of("lat", GUSU_LAT, "lng", GUSU_LNG), "radiusKm", 5),
				"dailyCapacity", Map.of("INSTALLATION", 5)));
		long radiusProvider = created(admin.post("/api/v1/providers", byRadius));
		long radiusInstaller = installerAt(radiusProvider, GUSU_LAT, GUSU_LNG);
		long outsider = created(admin.post("/api/v1/providers", Map.of("name", unique("huqiu"), "type", "THIRD_PARTY",
				"contactPhone", "0512-66004321", "coverage", Map.of("regionCodes", List.of("320505")),
				"dailyCapacity", Map.of("INSTALLATION", 5))));
		long outsiderInstaller = installerAt(outsider, 31.36, 120.55);
		// Suzhou's plan starts with an order in Huqiu, 8 km from the radius provider's centre: without it.
		long huqiu = postOrder("ARRIVED", "INSTALLATION", "GOLD", "320505", 31.36, 120.55);
		awaitInPlan("320500", huqiu);

		long order = postOrder("ARRIVED", "INSTALLATION", "GOLD", "320508", GUSU_LAT + 0.01, GUSU_LNG);
		LocalDate day = TODAY.plusDays(2);
		book(order, day);
		accept(order, providerAdmin(radiusProvider), radiusProvider);

		JsonNode route = awaitRoute("320500", day, order, "I" + radiusInstaller + "@");
		assertThat(route.get("providerId").asText()).isEqualTo(String.valueOf(radiusProvider));
		List<Long> offeredTo = new ArrayList<>();
		admin.get("/api/v1/offers?orderId=" + order).json().forEach(o -> offeredTo.add(o.get("providerId").asLong()));
		assertThat(offeredTo).containsExactly(radiusProvider);
		assertThat(routeOf("320500", day, order)).as("not on the outsider's route")
			.noneMatch(shift -> shift.startsWith("I" + outsiderInstaller + "@"));
	}

	/**
	 * A rework outranks every ordinary job: the dealer can take one installation a day, a GOLD job with a promise
	 * holds the day, and the rework of a NORMAL order booked for the same day takes its place; the GOLD job is left
	 * unplanned. Without the rework's priority the GOLD job weighs three times as much and keeps the day.
	 */
	@Test
	void aReworkBookedIntoAFullDayTakesThePlaceOfAnOrdinaryJob() {
		long provider = created(admin.post("/api/v1/providers", Map.of("name", unique("haidian"), "type", "DEALER",
				"brandId", brand.brandId(), "contactPhone", "010-66001234", "coverage", Map.of("regionCodes",
						List.of("110108")), "dailyCapacity", Map.of("INSTALLATION", 1))));
		long installer = installerAt(provider, 39.96, 116.30);
		Api providerAdmin = providerAdmin(provider);
		LocalDate first = TODAY.plusDays(2);
		LocalDate full = TODAY.plusDays(3);

		// The order that will be reworked: served on the first day by the dealer's one installer.
		long reworked = postOrder("ARRIVED", "INSTALLATION", "NORMAL", "110108", 39.96, 116.31);
		book(reworked, first);
		accept(reworked, providerAdmin, provider);
		awaitRoute("110100", first, reworked, "I" + installer + "@");
		serve(reworked, providerAdmin, provider);

		// A GOLD job takes the dealer's one installation of the next day.
		long gold = postOrder("ARRIVED", "INSTALLATION", "GOLD", "110108", 39.97, 116.31);
		book(gold, full);
		accept(gold, providerAdmin, provider);
		awaitRoute("110100", full, gold, "I" + installer + "@");

		// A low rating: the rework is booked for that same day.
		Api.Reply rated = consumer().post("/api/v1/consumer/" + consumerToken(reworked) + "/rating", Map.of("stars", 1));
		assertThat(rated.status()).as(rated.body()).isEqualTo(200);
		driver.drainUntil(reworked, () -> driver.isWaitingAt(reworked, "AwaitReworkBookingTask"), "a rework to book");
		book(reworked, full);
		driver.drainUntil(reworked, () -> status(reworked).equals("REWORK_SCHEDULED"), "the rework booked");

		awaitRoute("110100", full, reworked, "I" + installer + "@");
		JsonNode plan = null;
		for (int i = 0; i < 600; i++) {
			plan = admin.get("/api/v1/schedules?region=110100&date=" + full).json();
			if (plan.get("unassigned").findValues("orderId").stream().anyMatch(id -> id.asLong() == gold)
					&& onRoute(plan, reworked)) {
				break;
			}
			pause();
		}
		assertThat(onRoute(plan, reworked)).as("the rework planned: " + plan).isTrue();
		assertThat(onRoute(plan, gold)).as("the GOLD job gave way: " + plan).isFalse();
		assertThat(plan.get("unassigned").findValues("orderId")).extracting(JsonNode::asLong).contains(gold);
	}

	private long installerAt(long providerId, double lat, double lng) {
		List<Map<String, String>> everyDay = new ArrayList<>();
		for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
			everyDay.add(Map.of("day", d.name(), "start", "08:00", "end", "18:00"));
		}
		String phone = String.format("135%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
		return created(admin.post("/api/v1/providers/" + providerId + "/installers", Map.of("name", "师傅", "phone", phone,
				"skills", List.of("DOOR"), "homeBase", Map.of("lat", lat, "lng", lng), "shifts", everyDay, "crewSize", 1)));
	}

	private static long created(Api.Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asLong();
	}

	/** Waits until the order is in the region's live plan, on a route or unassigned, on some day of the horizon. */
	private void awaitInPlan(String region, long order) {
		for (int i = 0; i < 600; i++) {
			for (int d = 0; d <= 3; d++) {
				JsonNode plan = admin.get("/api/v1/schedules?region=" + region + "&date=" + TODAY.plusDays(d)).json();
				if (plan.findValues("orderId").stream().anyMatch(id -> id.asLong() == order)) {
					return;
				}
			}
			pause();
		}
		throw new AssertionError("order " + order + " never reached the plan of " + region);
	}

	/** The route of the day that holds the order on a shift starting with {@code shift}: a bounded wait. */
	private JsonNode awaitRoute(String region, LocalDate day, long order, String shift) {
		for (int i = 0; i < 600; i++) {
			for (JsonNode route : admin.get("/api/v1/schedules?region=" + region + "&date=" + day).json().path("installers")) {
				boolean holds = route.path("visits").findValues("orderId").stream().anyMatch(id -> id.asLong() == order);
				if (holds && route.get("shiftId").asText().startsWith(shift)) {
					return route;
				}
			}
			pause();
		}
		throw new AssertionError("order " + order + " never planned on " + shift + day + ": "
				+ admin.get("/api/v1/schedules?region=" + region + "&date=" + day).body());
	}

	private List<String> routeOf(String region, LocalDate day, long order) {
		List<String> shifts = new ArrayList<>();
		for (JsonNode route : admin.get("/api/v1/schedules?region=" + region + "&date=" + day).json().path("installers")) {
			if (route.path("visits").findValues("orderId").stream().anyMatch(id -> id.asLong() == order)) {
				shifts.add(route.get("shiftId").asText());
			}
		}
		return shifts;
	}

	private static boolean onRoute(JsonNode plan, long order) {
		return plan.path("installers").findValues("orderId").stream().anyMatch(id -> id.asLong() == order);
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
