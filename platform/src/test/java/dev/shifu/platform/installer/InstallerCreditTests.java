package dev.shifu.platform.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import dev.shifu.platform.support.Api;

/**
 * The installer the job events name is the one credited, not the one the plan sent: the plan puts the job on A, the
 * provider reports B, and B's rating, complaint and rework move while A's record stays as it was.
 */
class InstallerCreditTests extends InstallerFixture {

	@Test
	void theInstallerTheProviderAdminNamesIsCreditedWithRatingComplaintAndReworkNotThePlannedOne() {
		long order = plainJobOf(installerA);
		JsonNode aBefore = installerRecord(installerA);
		JsonNode bBefore = installerRecord(installerB);

		// Named once, on the first event: the later events of the visit keep B.
		assertThat(adminEvent(order, Map.of("type", "EN_ROUTE", "installerId", installerB)).status()).isEqualTo(200);
		for (String step : List.of("ARRIVED", "STARTED")) {
			assertThat(adminEvent(order, Map.of("type", step)).status()).isEqualTo(200);
		}
		Api.Reply done = adminEvent(order, Map.of("type", "COMPLETED", "verificationCode", verificationCode(order)));
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(status(order)).isEqualTo("COMPLETED");
		JsonNode meBefore = profile(tokenB);

		rateLow(order);

		assertCreditedToBNotA(order, aBefore, bBefore);
		// The app's profile shows the new rating too.
		JsonNode meAfter = profile(tokenB);
		int count = meBefore.get("ratingCount").asInt();
		assertThat(meAfter.get("ratingCount").asInt()).isEqualTo(count + 1);
		assertThat(meAfter.get("rating").asDouble()).isCloseTo((meBefore.get("rating").asDouble() * count + 1) / (count + 1),
				org.assertj.core.data.Offset.offset(1e-6));
	}

	private JsonNode profile(String token) {
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.setBearerAuth(token);
		var reply = http.exchange("/mobile/v1/me", org.springframework.http.HttpMethod.GET,
				new org.springframework.http.HttpEntity<>(headers), String.class);
		assertThat(reply.getStatusCode().value()).as(reply.getBody()).isEqualTo(200);
		return new Api.Reply(200, reply.getHeaders(), reply.getBody()).json();
	}

	@Test
	void theInstallerReportingWithTheirOwnTokenIsCreditedNotThePlannedOne() {
		long order = jobOf(installerA);
		JsonNode aBefore = installerRecord(installerA);
		JsonNode bBefore = installerRecord(installerB);

		// B is not on the visit yet: their app does not see the job until the provider sends them.
		assertThat(post(tokenB, order, event("EN_ROUTE", Instant.now(), LAT, LNG), "credit-b-0").status())
			.isEqualTo(404);
		assertThat(adminEvent(order, Map.of("type", "EN_ROUTE", "installerId", installerB)).status()).isEqualTo(200);
		// Each later event happens after the provider's EN_ROUTE, which the server stamped with its own time.
		assertThat(post(tokenA, order, event("ARRIVED", Instant.now(), LAT, LNG), "credit-a-1").status())
			.as("A is no longer on the visit")
			.isEqualTo(404);

		Api.Reply arrived = post(tokenB, order, event("ARRIVED", Instant.now(), LAT, LNG), "credit-b-1");
		assertThat(arrived.status()).as(arrived.body()).isEqualTo(200);
		assertThat(post(tokenB, order, event("STARTED", Instant.now(), LAT, LNG), "credit-b-2").status())
			.isEqualTo(200);
		Map<String, Object> completed = event("COMPLETED", Instant.now(), LAT, LNG);
		completed.put("verificationCode", verificationCode(order));
		completed.put("photoIds", List.of(photo(tokenB, order, "BEFORE", jpeg(order * 10 + 7)),
				photo(tokenB, order, "AFTER", jpeg(order * 10 + 8))));
		completed.put("serialNumbers", List.of(Map.of("sku", "DR-800", "serialNumber", "SN-" + order)));
		Api.Reply done = post(tokenB, order, completed, "credit-b-3");
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(status(order)).isEqualTo("COMPLETED");
		JsonNode meBefore = profile(tokenB);

		rateLow(order);

		assertCreditedToBNotA(order, aBefore, bBefore);
		// The app's profile shows the new rating too.
		JsonNode meAfter = profile(tokenB);
		int count = meBefore.get("ratingCount").asInt();
		assertThat(meAfter.get("ratingCount").asInt()).isEqualTo(count + 1);
		assertThat(meAfter.get("rating").asDouble()).isCloseTo((meBefore.get("rating").asDouble() * count + 1) / (count + 1),
				org.assertj.core.data.Offset.offset(1e-6));
	}


	/** Like {@link #jobOf}, for an order without serial-numbered items (the provider admin's report carries none). */
	private long plainJobOf(long installerId) {
		Api.Reply reply = brandApi.post("/api/v1/orders", Map.of("externalOrderId", unique("CREDIT"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", "330106", "location", Map.of("lat", LAT, "lng", LNG)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED"),
				"promisedBy", TODAY.plusDays(9).toString()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		long order = reply.json().get("id").asLong();
		driver.instanceOf(order);
		driver.drainUntil(order, () -> status(order).equals("AWAITING_BOOKING"), "booking link sent");
		Api.Reply booked = admin.post("/api/v1/bookings/" + order, Map.of("date", DAY.toString()));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		driver.drainUntil(order, () -> openOffer(order) != null, "an offer");
		assertThat(dealerAdmin.post("/api/v1/offers/" + openOffer(order).get("id").asLong() + "/accept", null).status())
			.isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("SCHEDULED"), "scheduled");
		planOn(order, installerId);
		driver.fireTimer(order, "InstallationDayTimer");
		assertThat(status(order)).isEqualTo("IN_SERVICE");
		return order;
	}

	private Api.Reply adminEvent(long order, Map<String, Object> event) {
		Api.Reply reply = dealerAdmin.post("/api/v1/providers/" + dealerId + "/jobs/" + order + "/events", event);
		driver.drain(order);
		return reply;
	}

	/** One star: a complaint and a rework visit, both credited to whoever did the visit. */
	private void rateLow(long order) {
		Api.Reply rated = anonymous().post("/api/v1/consumer/" + consumerToken(order) + "/rating",
				Map.of("stars", 1, "comment", "scratched the door"));
		assertThat(rated.status()).as(rated.body()).isEqualTo(200);
		driver.drain(order);
	}

	private void assertCreditedToBNotA(long order, JsonNode aBefore, JsonNode bBefore) {
		eventually(() -> installerRecord(installerB).get("reworkCount").asInt() > bBefore.get("reworkCount").asInt(),
				"the rework credited to B");
		JsonNode a = installerRecord(installerA);
		JsonNode b = installerRecord(installerB);
		assertThat(b.get("ratingCount").asInt()).isEqualTo(bBefore.get("ratingCount").asInt() + 1);
		int count = bBefore.get("ratingCount").asInt();
		assertThat(b.get("rating").asDouble()).isCloseTo((bBefore.get("rating").asDouble() * count + 1) / (count + 1),
				org.assertj.core.data.Offset.offset(1e-6));
		assertThat(b.get("complaintCount").asInt()).isEqualTo(bBefore.get("complaintCount").asInt() + 1);
		assertThat(b.get("reworkCount").asInt()).isEqualTo(bBefore.get("reworkCount").asInt() + 1);
		assertThat(a.get("ratingCount").asInt()).as("the planned installer's record").isEqualTo(aBefore.get("ratingCount").asInt());
		assertThat(a.get("complaintCount").asInt()).isEqualTo(aBefore.get("complaintCount").asInt());
		assertThat(a.get("reworkCount").asInt()).isEqualTo(aBefore.get("reworkCount").asInt());
		JsonNode complaints = admin.get("/api/v1/complaints?orderId=" + order).json();
		assertThat(complaints).hasSize(1);
		assertThat(complaints.get(0).get("installerId").asLong()).isEqualTo(installerB);
	}

	private JsonNode installerRecord(long installerId) {
		return admin.get("/api/v1/providers/" + dealerId + "/installers/" + installerId).json();
	}

}
