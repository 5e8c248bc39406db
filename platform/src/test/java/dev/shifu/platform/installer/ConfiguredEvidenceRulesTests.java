package dev.shifu.platform.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.shifu.platform.support.Api;

/**
 * The geofence radius and the photos a completion needs are settings, not constants: under a 100 m radius and a
 * minimum of three photos, an arrival 150 m away (inside the default 300 m) is flagged and two photos are refused.
 * The one test context with its own installer settings (a new context costs half a minute).
 */
@TestPropertySource(properties = { "shifu.installer.geofence-radius-meters=100", "shifu.installer.min-completion-photos=3" })
class ConfiguredEvidenceRulesTests extends InstallerFixture {

	@Test
	void underA100MetreRadiusAndThreePhotosAnArrival150MetresAwayIsFlaggedAndTwoPhotosAreRefused() {
		long order = jobOf(installerA);
		Instant now = Instant.now();
		double perMetre = 1.0 / 111_195.08;
		assertThat(post(tokenA, order, event("EN_ROUTE", now.minusSeconds(6000), 30.25, 120.10), "cfg-en-route-" + order)
			.status()).isEqualTo(200);

		Api.Reply arrived = post(tokenA, order, event("ARRIVED", now.minusSeconds(5400), LAT + 150 * perMetre, LNG),
				"cfg-arrived-" + order);

		assertThat(arrived.status()).as(arrived.body()).isEqualTo(200);
		assertThat(arrived.json().get("geofence").get("radiusMeters").asDouble()).isEqualTo(100.0);
		assertThat(arrived.json().get("geofence").get("inside").asBoolean()).isFalse();
		assertThat(arrived.json().get("flags")).extracting(JsonNode::asText).containsExactly("OUTSIDE_GEOFENCE");
		assertThat(dispatcher.get("/api/v1/reviews?region=330106&orderId=" + order).json().findValuesAsText("kind"))
			.containsExactly("EVIDENCE");

		long before = photo(tokenA, order, "BEFORE", jpeg(order * 10 + 1));
		long after = photo(tokenA, order, "AFTER", jpeg(order * 10 + 2));
		Map<String, Object> completed = new HashMap<>(event("COMPLETED", now, LAT, LNG));
		completed.put("verificationCode", verificationCode(order));
		completed.put("serialNumbers", List.of(Map.of("sku", "DR-800", "serialNumber", "SN-CFG-1")));
		completed.put("photoIds", List.of(before, after));
		Api.Reply twoPhotos = post(tokenA, order, completed, "cfg-completed-1-" + order);
		assertThat(twoPhotos.status()).as(twoPhotos.body()).isEqualTo(400);
		assertThat(twoPhotos.contentType()).startsWith("application/problem+json");
		assertThat(twoPhotos.json().get("field").asText()).isEqualTo("photoIds");
		assertThat(status(order)).as("not completed").isEqualTo("ARRIVED");

		completed.put("photoIds", List.of(before, after, photo(tokenA, order, "PACKAGING_REMOVED", jpeg(order * 10 + 3))));
		Api.Reply threePhotos = post(tokenA, order, completed, "cfg-completed-2-" + order);
		assertThat(threePhotos.status()).as(threePhotos.body()).isEqualTo(200);
		assertThat(status(order)).isEqualTo("COMPLETED");
		assertThat(dispatcher.get("/api/v1/reviews/evidence/" + order).json().get(0).get("geofence").asText())
			.isEqualTo("OUTSIDE");
	}

}
