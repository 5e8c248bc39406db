package dev.shifu.platform.schedule.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class HorizonRollTests extends PlatformIntegrationTest {

	@Autowired
	private SchedulePlanner planner;

	@Test
	void theNightlyRollRestartsARegionFromItsPlanKeepingItsJobs() {
		long order = asBrand(newBrand()).post("/api/v1/orders", Map.of("externalOrderId", unique("ROLL"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "文三路 90 号", "regionCode", "330106",
						"location", Map.of("lat", 30.27, "lng", 120.12)),
				"items", List.of(Map.of("sku", "D", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "goods", Map.of("status", "ARRIVED"))).json().get("id").asLong();
		String job = ScheduleJob.jobId(order);
		RegionPlanner before = null;
		for (int i = 0; i < 150 && before == null; i++) {
			before = planner.find("330100").filter(p -> p.best().findJob(job).isPresent()).orElse(null);
			pause();
		}
		assertThat(before).as("the order reached the live plan").isNotNull();

		planner.rollHorizon();

		RegionPlanner after = planner.find("330100").orElseThrow();
		assertThat(after).isNotSameAs(before);
		assertThat(after.best().findJob(job)).isPresent();
	}

	@Test
	void aDispatcherMoveDuringAReoptimizationIsKeptInTheReoptimizedPlan() {
		long order = postOrder();
		String job = ScheduleJob.jobId(order);
		RegionPlanner before = awaitPlanned(job);
		dev.shifu.planner.domain.Shift from = before.best().findJob(job).orElseThrow().getShift();
		dev.shifu.planner.domain.Shift target = before.best()
			.getRealShifts()
			.stream()
			.filter(s -> s.getDate().equals(from.getDate()) && !s.getId().equals(from.getId()) && !s.isOnLeave())
			.filter(s -> s.getSkills().containsAll(before.best().findJob(job).orElseThrow().getRequiredSkills()))
			.findFirst()
			.orElseThrow();

		planner.reoptimize("330100", from.getDate(), java.time.Duration.ofSeconds(60));
		planner.move("330100", job, target.getId(), 0, true);
		planner.stopReoptimization("330100");

		RegionPlanner after = null;
		for (int i = 0; i < 150; i++) {
			after = planner.find("330100").filter(p -> p != before).orElse(null);
			if (after != null && after.best().findJob(job).map(j -> j.getShift() != null
					&& j.getShift().getId().equals(target.getId())).orElse(false)) {
				break;
			}
			pause();
		}
		assertThat(after).as("the re-optimized plan replaced the old one").isNotNull();
		var moved = after.best().findJob(job).orElseThrow();
		assertThat(moved.getShift().getId()).isEqualTo(target.getId());
		assertThat(moved.getShift().getPinnedJobs()).contains(moved);
	}

	private long postOrder() {
		dev.shifu.platform.identity.BrandAccounts.IssuedBrand brand = newBrand();
		var admin = asNewUser(dev.shifu.platform.identity.Role.ADMIN, null);
		long provider = admin.post("/api/v1/providers", Map.of("name", "Crew", "type", "DEALER", "brandId", brand.brandId(),
				"coverage", Map.of("regionCodes", List.of("330106")), "dailyCapacity", Map.of("INSTALLATION", 20)))
			.json().get("id").asLong();
		List<Map<String, String>> everyDay = java.util.Arrays.stream(java.time.DayOfWeek.values())
			.map(day -> Map.of("day", day.name(), "start", "08:00", "end", "18:00"))
			.toList();
		for (int i = 0; i < 2; i++) {
			admin.post("/api/v1/providers/" + provider + "/installers", Map.of("name", "师傅" + i,
					"phone", "1370000" + (1000 + i + (int) (Math.random() * 8000)), "skills", List.of("DOOR"),
					"homeBase", Map.of("lat", 30.28, "lng", 120.12), "shifts", everyDay, "crewSize", 1));
		}
		return asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("EDIT"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "文三路 90 号", "regionCode", "330106",
						"location", Map.of("lat", 30.27, "lng", 120.12)),
				"items", List.of(Map.of("sku", "D", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "goods", Map.of("status", "ARRIVED"))).json().get("id").asLong();
	}

	private RegionPlanner awaitPlanned(String job) {
		for (int i = 0; i < 150; i++) {
			RegionPlanner found = planner.find("330100")
				.filter(p -> p.best().findJob(job).map(j -> j.getShift() != null && !j.getShift().isUnassignedBucket()).orElse(false))
				.orElse(null);
			if (found != null) {
				return found;
			}
			pause();
		}
		throw new AssertionError(job + " never planned on a shift");
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
