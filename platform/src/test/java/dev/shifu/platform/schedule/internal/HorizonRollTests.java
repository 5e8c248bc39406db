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

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
