package dev.shifu.platform.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import dev.shifu.mobile.client.ApiClient;
import dev.shifu.mobile.client.api.SyncApi;
import dev.shifu.mobile.client.model.GeoPoint;
import dev.shifu.mobile.client.model.JobEventRequest;
import dev.shifu.mobile.client.model.JobEventType;
import dev.shifu.mobile.client.model.JobStatus;
import dev.shifu.mobile.client.model.SerialNumber;
import dev.shifu.mobile.client.model.SyncEvent;
import dev.shifu.mobile.client.model.SyncRequest;
import dev.shifu.mobile.client.model.SyncResult;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;

/**
 * Offline replay (each event once, in recorded order, per-event answers; the same batch again changes nothing; a
 * reassigned job's events are rejected and kept for review) and the review list of flagged evidence.
 */
class OfflineReplayAndReviewTests extends InstallerFixture {

	@Test
	void aBatchRecordedOfflineIsAppliedOnceInRecordedOrderAndReplayingItChangesNothing() {
		long order = jobOf(installerA);
		Instant now = Instant.now();
		List<Map<String, Object>> batch = new ArrayList<>();
		// sent shuffled: the phone's queue lost its order, the recorded times did not
		batch.add(item("sync-arrived-" + order, order, event("ARRIVED", now.minusSeconds(3000), LAT, LNG)));
		batch.add(item("sync-en-route-" + order, order, event("EN_ROUTE", now.minusSeconds(4000), 30.25, 120.10)));
		batch.add(item("sync-started-" + order, order, event("STARTED", now.minusSeconds(2900), LAT, LNG)));
		// the same event twice in one batch (a retry that was queued again)
		batch.add(item("sync-started-" + order, order, event("STARTED", now.minusSeconds(2900), LAT, LNG)));
		// an impossible order: a second departure after the arrival
		batch.add(item("sync-late-en-route-" + order, order, event("EN_ROUTE", now.minusSeconds(2800), LAT, LNG)));

		Api.Reply first = sync(tokenA, batch);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		driver.drain(order);
		JsonNode results = first.json().get("results");
		assertThat(results).hasSize(5);
		assertThat(outcomes(results)).containsExactly("APPLIED", "APPLIED", "APPLIED", "DUPLICATE", "REJECTED");
		assertThat(results.get(4).get("reason").asText()).isEqualTo("event-out-of-order");
		assertThat(results.get(0).get("idempotencyKey").asText()).isEqualTo("sync-arrived-" + order);
		assertThat(jdbc.queryForList("select type from job_event where order_id = ? order by id", String.class, order))
			.containsExactly("EN_ROUTE", "ARRIVED", "STARTED");
		assertThat(status(order)).isEqualTo("STARTED");

		Api.Reply again = sync(tokenA, batch);
		assertThat(outcomes(again.json().get("results")))
			.containsExactly("DUPLICATE", "DUPLICATE", "DUPLICATE", "DUPLICATE", "REJECTED");
		assertThat(eventCount(order)).as("the replay changed nothing").isEqualTo(3);
		assertThat(status(order)).isEqualTo("STARTED");
	}

	/**
	 * Review gap (offline completion): the photos go up online first, as the app does, then one batch recorded
	 * offline carries the whole visit. Each event acts once, the completion leaves exactly one evidence record with
	 * those photos, and the same batch again is all duplicates and changes nothing. Read through the generated
	 * client's {@link SyncResult}, so a drift of the contract's answer fails here.
	 */
	@Test
	void anOfflineCompletionIsAppliedOnceWithItsEvidence() throws Exception {
		long order = jobOf(installerA);
		Instant now = Instant.now();
		byte[] before = jpeg(order * 10 + 4), after = jpeg(order * 10 + 5);
		long p1 = photo(tokenA, order, "BEFORE", before);
		long p2 = photo(tokenA, order, "AFTER", after);
		JobEventRequest completed = offline(JobEventType.COMPLETED, now.minusSeconds(600), LAT, LNG)
			.verificationCode(verificationCode(order))
			.photoIds(List.of(p1, p2))
			.serialNumbers(List.of(new SerialNumber().sku("DR-800").serialNumber("SN-SYNC-" + order)));
		SyncRequest batch = new SyncRequest()
			.addEventsItem(syncItem("done-en-route-" + order, order,
					offline(JobEventType.EN_ROUTE, now.minusSeconds(5400), 30.25, 120.10)))
			.addEventsItem(syncItem("done-arrived-" + order, order,
					offline(JobEventType.ARRIVED, now.minusSeconds(4800), LAT, LNG)))
			.addEventsItem(syncItem("done-completed-" + order, order, completed));
		SyncApi syncA = new SyncApi(mobileClient(tokenA));

		List<SyncResult> first = syncA.sync(batch).getResults();
		driver.drain(order);

		assertThat(first).extracting(SyncResult::getOutcome).containsOnly(SyncResult.OutcomeEnum.APPLIED).hasSize(3);
		assertThat(first).extracting(SyncResult::getIdempotencyKey)
			.containsExactly("done-en-route-" + order, "done-arrived-" + order, "done-completed-" + order);
		assertThat(first).extracting(SyncResult::getJobId).containsOnly(order);
		assertThat(first).extracting(SyncResult::getReason).containsOnlyNulls();
		assertThat(first.get(2).getResult().getType()).isEqualTo(JobEventType.COMPLETED);
		assertThat(first.get(2).getResult().getJobStatus()).isEqualTo(JobStatus.COMPLETED);
		assertThat(first.get(2).getResult().getFlags()).as("an honest visit").isEmpty();
		assertThat(jdbc.queryForList("select type from job_event where order_id = ? order by id", String.class, order))
			.containsExactly("EN_ROUTE", "ARRIVED", "COMPLETED");
		assertThat(status(order)).isEqualTo("COMPLETED");
		JsonNode evidence = dispatcher.get("/api/v1/reviews/evidence/" + order).json();
		assertThat(evidence).as("one evidence record").hasSize(1);
		assertThat(evidence.get(0).get("eventId").asLong()).isEqualTo(first.get(2).getResult().getEventId());
		assertThat(evidence.get(0).get("photoCount").asInt()).isEqualTo(2);
		assertThat(evidence.get(0).get("photoChecksums")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrder(sha256(before), sha256(after));
		assertThat(evidence.get(0).get("codeVerified").asBoolean()).isTrue();
		assertThat(evidence.get(0).get("serialNumbers").toString()).contains("SN-SYNC-" + order);
		assertThat(evidence.get(0).get("geofence").asText()).isEqualTo("INSIDE");
		JsonNode reviews = dispatcher.get("/api/v1/reviews?region=330106&orderId=" + order).json();

		List<SyncResult> again = syncA.sync(batch).getResults();
		driver.drain(order);

		assertThat(again).extracting(SyncResult::getOutcome).containsOnly(SyncResult.OutcomeEnum.DUPLICATE).hasSize(3);
		assertThat(again).extracting(r -> r.getResult().getEventId())
			.as("the first answers again")
			.containsExactlyElementsOf(first.stream().map(r -> r.getResult().getEventId()).toList());
		assertThat(eventCount(order)).as("the replay changed nothing").isEqualTo(3);
		assertThat(status(order)).isEqualTo("COMPLETED");
		assertThat(dispatcher.get("/api/v1/reviews/evidence/" + order).json()).as("still one evidence record").isEqualTo(evidence);
		assertThat(dispatcher.get("/api/v1/reviews?region=330106&orderId=" + order).json()).as("the review list").isEqualTo(reviews);
		assertThat(jdbc.queryForObject("select count(*) from job_photo where order_id = ?", Integer.class, order)).isEqualTo(2);
	}

	/**
	 * Review gap (per-item answers): in one batch, a completion with a wrong code and an arrival with a latitude out of
	 * range are each rejected with their reason, and the sound events next to them are applied; the rejected ones
	 * change nothing.
	 */
	@Test
	void aWrongCodeAndABadPositionRejectOnlyTheirOwnItemsOfABatch() {
		long order = jobOf(installerA);
		Instant now = Instant.now();
		long p1 = photo(tokenA, order, "BEFORE", jpeg(order * 10 + 6));
		long p2 = photo(tokenA, order, "AFTER", jpeg(order * 10 + 7));
		String code = verificationCode(order);
		String wrong = code.equals("000000") ? "111111" : "000000";
		SyncRequest batch = new SyncRequest()
			.addEventsItem(syncItem("mixed-en-route-" + order, order,
					offline(JobEventType.EN_ROUTE, now.minusSeconds(3000), 30.25, 120.10)))
			.addEventsItem(syncItem("mixed-bad-lat-" + order, order,
					offline(JobEventType.ARRIVED, now.minusSeconds(2500), 95.0, LNG)))
			.addEventsItem(syncItem("mixed-arrived-" + order, order,
					offline(JobEventType.ARRIVED, now.minusSeconds(2400), LAT, LNG)))
			.addEventsItem(syncItem("mixed-wrong-code-" + order, order,
					offline(JobEventType.COMPLETED, now.minusSeconds(600), LAT, LNG).verificationCode(wrong)
						.photoIds(List.of(p1, p2))
						.serialNumbers(List.of(new SerialNumber().sku("DR-800").serialNumber("SN-MIX-" + order)))));

		List<SyncResult> results = new SyncApi(mobileClient(tokenA)).sync(batch).getResults();
		driver.drain(order);

		assertThat(results).extracting(SyncResult::getOutcome)
			.containsExactly(SyncResult.OutcomeEnum.APPLIED, SyncResult.OutcomeEnum.REJECTED,
					SyncResult.OutcomeEnum.APPLIED, SyncResult.OutcomeEnum.REJECTED);
		SyncResult badLat = results.get(1);
		assertThat(badLat.getIdempotencyKey()).isEqualTo("mixed-bad-lat-" + order);
		assertThat(badLat.getJobId()).isEqualTo(order);
		assertThat(badLat.getReason()).isEqualTo("invalid-request");
		assertThat(badLat.getDetail()).contains("location.lat");
		assertThat(badLat.getResult()).isNull();
		SyncResult wrongCode = results.get(3);
		assertThat(wrongCode.getIdempotencyKey()).isEqualTo("mixed-wrong-code-" + order);
		assertThat(wrongCode.getReason()).isEqualTo("wrong-code");
		assertThat(wrongCode.getDetail()).contains("verificationCode").doesNotContain(code);
		assertThat(wrongCode.getResult()).isNull();
		assertThat(results.get(2).getResult().getJobStatus()).isEqualTo(JobStatus.ARRIVED);
		assertThat(results.get(2).getResult().getFlags()).as("the sound arrival is inside the geofence").isEmpty();

		assertThat(jdbc.queryForList("select type from job_event where order_id = ? order by id", String.class, order))
			.containsExactly("EN_ROUTE", "ARRIVED");
		assertThat(status(order)).isEqualTo("ARRIVED");
		assertThat(dispatcher.get("/api/v1/reviews/evidence/" + order).status()).as("no evidence").isEqualTo(404);
		assertThat(jdbc.queryForObject("select count(*) from job_photo where order_id = ? and event_id is null",
				Integer.class, order)).as("the photos are linked to no event").isEqualTo(2);
	}

	/** The generated client of the contract, carrying the installer's token. */
	ApiClient mobileClient(String token) {
		ApiClient client = new ApiClient();
		client.setBasePath(http.getRootUri() + "/mobile/v1");
		client.setBearerToken(token);
		return client;
	}

	static JobEventRequest offline(JobEventType type, Instant at, double lat, double lng) {
		return new JobEventRequest().type(type)
			.occurredAt(java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
			.location(new GeoPoint().lat(lat).lng(lng));
	}

	static SyncEvent syncItem(String key, long orderId, JobEventRequest event) {
		return new SyncEvent().idempotencyKey(key).jobId(orderId).event(event);
	}

	@Test
	void anEventForAJobReassignedWhileOfflineIsRejectedAndKeptForReviewOnce() {
		long order = jobOf(installerA);
		Instant now = Instant.now();
		assertThat(routeShows(tokenA, order)).as("A's app was shown the job").isTrue();
		// while A is offline, the dispatcher gives the job to B
		planOn(order, installerB);
		List<Map<String, Object>> batch = List.of(
				item("offline-en-route-" + order, order, event("EN_ROUTE", now.minusSeconds(600), 30.25, 120.10)));

		JsonNode result = sync(tokenA, batch).json().get("results").get(0);
		assertThat(result.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(result.get("reason").asText()).isEqualTo("job-reassigned");
		assertThat(eventCount(order)).isZero();
		JsonNode reviews = dispatcher.get("/api/v1/reviews?region=330106&orderId=" + order).json();
		assertThat(reviews).hasSize(1);
		assertThat(reviews.get(0).get("kind").asText()).isEqualTo("SYNC_REJECTED");
		assertThat(reviews.get(0).get("flags").get(0).asText()).isEqualTo("JOB_REASSIGNED");
		assertThat(reviews.get(0).get("detail").asText()).contains("offline-en-route-" + order).contains("EN_ROUTE");

		assertThat(sync(tokenA, batch).json().get("results").get(0).get("reason").asText()).isEqualTo("job-reassigned");
		assertThat(dispatcher.get("/api/v1/reviews?region=330106&orderId=" + order).json()).as("kept once").hasSize(1);
		// B carries on with the job
		assertThat(post(tokenB, order, event("EN_ROUTE", now, null, null), "b-en-route-" + order).status()).isEqualTo(200);
		// a job that never was A's is simply unknown
		assertThat(sync(tokenA, List.of(item("offline-unknown-1", 999_999_999L, event("EN_ROUTE", now, null, null))))
			.json().get("results").get(0).get("reason").asText()).isEqualTo("not-found");
	}

	/**
	 * Review gap 3: a reassigned job's offline COMPLETED and EXCEPTION keep their whole content for the dispatcher
	 * (position, note, photos, serial numbers, exception reason; never the consumer's code), and the photos stay
	 * retrievable by staff, though linked to no event.
	 */
	@Test
	void aReassignedCompletionKeepsItsWholeEventForReview() throws Exception {
		long order = jobOf(installerA);
		Instant now = Instant.now();
		assertThat(routeShows(tokenA, order)).as("A's app was shown the job").isTrue();
		byte[] before = jpeg(order * 10 + 1), after = jpeg(order * 10 + 2), damage = jpeg(order * 10 + 3);
		long p1 = photo(tokenA, order, "BEFORE", before);
		long p2 = photo(tokenA, order, "AFTER", after);
		long p3 = photo(tokenA, order, "DAMAGE", damage);
		String code = verificationCode(order);
		// while A is offline, the dispatcher gives the job to B
		planOn(order, installerB);
		Map<String, Object> completed = event("COMPLETED", now.minusSeconds(600), LAT + 0.0001, LNG - 0.0002);
		completed.put("verificationCode", code);
		completed.put("note", "装好了 / fitted");
		completed.put("photoIds", List.of(p1, p2));
		completed.put("serialNumbers", List.of(Map.of("sku", "DR-800", "serialNumber", "SN-OFF-77")));
		Map<String, Object> damaged = event("EXCEPTION", now.minusSeconds(500), LAT, LNG);
		damaged.put("exceptionReason", "GOODS_DAMAGED");
		damaged.put("note", "门板有裂缝 / cracked panel");
		damaged.put("photoIds", List.of(p3));

		JsonNode results = sync(tokenA, List.of(item("whole-done-" + order, order, completed),
				item("whole-damaged-" + order, order, damaged))).json().get("results");
		assertThat(outcomes(results)).containsExactly("REJECTED", "REJECTED");
		assertThat(results.findValuesAsText("reason")).containsOnly("job-reassigned");
		assertThat(eventCount(order)).isZero();

		JsonNode reviews = dispatcher.get("/api/v1/reviews?region=330106&orderId=" + order).json();
		assertThat(reviews).hasSize(2);
		Map<String, JsonNode> byType = new HashMap<>();
		for (JsonNode review : reviews) {
			assertThat(review.get("kind").asText()).isEqualTo("SYNC_REJECTED");
			assertThat(review.get("detail").asText()).as("never the consumer's code").doesNotContain(code);
			JsonNode detail = json.readTree(review.get("detail").asText());
			byType.put(detail.get("type").asText(), detail);
		}
		JsonNode done = byType.get("COMPLETED");
		assertThat(done.get("idempotencyKey").asText()).isEqualTo("whole-done-" + order);
		assertThat(done.get("installerId").asLong()).isEqualTo(installerA);
		assertThat(done.get("location").get("lat").asDouble()).isEqualTo(LAT + 0.0001);
		assertThat(done.get("location").get("lng").asDouble()).isEqualTo(LNG - 0.0002);
		assertThat(done.get("note").asText()).isEqualTo("装好了 / fitted");
		assertThat(done.get("photos").findValuesAsText("id")).containsExactly(String.valueOf(p1), String.valueOf(p2));
		assertThat(done.get("photos").findValuesAsText("sha256")).containsExactly(sha256(before), sha256(after));
		assertThat(done.get("serialNumbers").get(0).get("sku").asText()).isEqualTo("DR-800");
		assertThat(done.get("serialNumbers").get(0).get("serialNumber").asText()).isEqualTo("SN-OFF-77");
		assertThat(done.get("verificationCodeGiven").asBoolean()).isTrue();
		JsonNode exception = byType.get("EXCEPTION");
		assertThat(exception.get("exceptionReason").asText()).isEqualTo("GOODS_DAMAGED");
		assertThat(exception.get("note").asText()).isEqualTo("门板有裂缝 / cracked panel");
		assertThat(exception.get("photos").findValuesAsText("sha256")).containsExactly(sha256(damage));
		assertThat(exception.get("location").get("lat").asDouble()).isEqualTo(LAT);

		// The photos stay in the store, linked to no event, and the reviewing dispatcher can open them.
		for (Map.Entry<Long, byte[]> photo : Map.of(p1, before, p2, after, p3, damage).entrySet()) {
			var reply = dispatcherPhoto(photo.getKey());
			assertThat(reply.getStatusCode().value()).isEqualTo(200);
			assertThat(reply.getHeaders().getContentType().toString()).isEqualTo("image/jpeg");
			assertThat(reply.getBody()).isEqualTo(photo.getValue());
		}
		assertThat(jdbc.queryForObject("select count(*) from job_photo where order_id = ? and event_id is null",
				Integer.class, order)).isEqualTo(3);
		// no one else's photo: an installer's token opens no staff route, an unknown photo is not found
		var headers = new org.springframework.http.HttpHeaders();
		headers.setBearerAuth(tokenA);
		assertThat(http.exchange("/api/v1/reviews/photos/" + p1, org.springframework.http.HttpMethod.GET,
				new org.springframework.http.HttpEntity<>(headers), byte[].class).getStatusCode().value()).isIn(401, 403);
		assertThat(dispatcherPhoto(999_999_999L).getStatusCode().value()).isEqualTo(404);

		// replayed, the batch adds nothing to the review list
		sync(tokenA, List.of(item("whole-done-" + order, order, completed), item("whole-damaged-" + order, order, damaged)));
		assertThat(dispatcher.get("/api/v1/reviews?region=330106&orderId=" + order).json()).hasSize(2);
	}

	private org.springframework.http.ResponseEntity<byte[]> dispatcherPhoto(long photoId) {
		return dispatcher.getBytes("/api/v1/reviews/photos/" + photoId);
	}

	private static String sha256(byte[] bytes) throws java.security.NoSuchAlgorithmException {
		return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

	@Test
	void aColleaguesJobReplayedOfflineIsUnknownAndNotKeptForReview() {
		long order = jobOf(installerB);
		Instant now = Instant.now();
		assertThat(routeShows(tokenA, order)).as("never on A's route").isFalse();
		// the colleague is under way, so the provider's visit is on record
		Api.Reply own = post(tokenB, order, event("EN_ROUTE", now.minusSeconds(900), null, null), "b-own-en-route-" + order);
		assertThat(own.status()).as(own.body()).isEqualTo(200);

		JsonNode result = sync(tokenA, List.of(item("colleague-" + order, order, event("ARRIVED", now, LAT, LNG))))
			.json().get("results").get(0);

		assertThat(result.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(result.get("reason").asText()).isEqualTo("not-found");
		assertThat(dispatcher.get("/api/v1/reviews?region=330106&orderId=" + order).json()).isEmpty();
		assertThat(eventCount(order)).isEqualTo(1);
	}

	/** Reads the installer's route of {@link #DAY} as the app does: whether it shows the job. */
	boolean routeShows(String token, long order) {
		var headers = new org.springframework.http.HttpHeaders();
		headers.setBearerAuth(token);
		var reply = http.exchange("/mobile/v1/route?date=" + DAY, org.springframework.http.HttpMethod.GET,
				new org.springframework.http.HttpEntity<>(headers), String.class);
		assertThat(reply.getStatusCode().value()).isEqualTo(200);
		return reply.getBody().contains("\"jobId\":" + order + ",") || reply.getBody().contains("\"jobId\":" + order + "}");
	}

	@Test
	void flaggedEvidenceGoesOnTheRegionsReviewListForDispatchers() {
		long honest = jobOf(installerA);
		long hurried = jobOf(installerA);
		Instant now = Instant.now();
		// the honest job's photo
		byte[] shared = jpeg(honest * 100 + 9);
		long honestPhoto = photo(tokenA, honest, "AFTER", shared);
		assertThat(honestPhoto).isPositive();

		assertThat(post(tokenA, hurried, event("EN_ROUTE", now.minusSeconds(1200), null, null), "flag-en-route-" + hurried)
			.status()).isEqualTo(200);
		// 1.1 km from the consumer's address
		Api.Reply far = post(tokenA, hurried, event("ARRIVED", now.minusSeconds(600), LAT + 0.01, LNG), "flag-arrived-" + hurried);
		assertThat(far.status()).as("accepted, not silently trusted").isEqualTo(200);
		assertThat(far.json().get("flags").get(0).asText()).isEqualTo("OUTSIDE_GEOFENCE");
		assertThat(far.json().get("geofence").get("inside").asBoolean()).isFalse();
		assertThat(far.json().get("geofence").get("distanceMeters").asDouble()).isGreaterThan(1000);
		Api.Reply farAgain = post(tokenA, hurried, event("ARRIVED", now.minusSeconds(600), LAT + 0.01, LNG), "flag-arrived-" + hurried);
		assertThat(farAgain.json().get("outcome").asText()).isEqualTo("DUPLICATE");
		assertThat(farAgain.json().get("flags")).as("a replay answers the original flags").hasSize(1);
		assertThat(farAgain.json().get("flags").get(0).asText()).isEqualTo("OUTSIDE_GEOFENCE");
		long reused = photo(tokenA, hurried, "BEFORE", shared);
		long own = photo(tokenA, hurried, "AFTER", jpeg(hurried * 100 + 8));
		Map<String, Object> completed = new HashMap<>(event("COMPLETED", now, LAT + 0.01, LNG));
		completed.put("verificationCode", verificationCode(hurried));
		completed.put("photoIds", List.of(reused, own));
		completed.put("serialNumbers", List.of(Map.of("sku", "DR-800", "serialNumber", "SN-FLAG-1")));
		// ten minutes on site for a 90-minute job
		Api.Reply done = post(tokenA, hurried, completed, "flag-completed-" + hurried);
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().get("flags")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrder("OUTSIDE_GEOFENCE", "SHORT_TIME_ON_SITE", "REUSED_PHOTO");

		JsonNode evidence = dispatcher.get("/api/v1/reviews/evidence/" + hurried).json().get(0);
		assertThat(evidence.get("geofence").asText()).isEqualTo("OUTSIDE");
		assertThat(evidence.get("onSiteSeconds").asLong()).isBetween(599L, 600L);
		assertThat(evidence.get("flags")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrder("OUTSIDE_GEOFENCE", "SHORT_TIME_ON_SITE", "REUSED_PHOTO");

		JsonNode district = dispatcher.get("/api/v1/reviews?region=330106&orderId=" + hurried).json();
		assertThat(district.findValuesAsText("kind")).containsExactly("EVIDENCE", "EVIDENCE");
		assertThat(district.get(0).get("flags")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrder("OUTSIDE_GEOFENCE", "SHORT_TIME_ON_SITE", "REUSED_PHOTO");
		assertThat(dispatcher.get("/api/v1/reviews?region=330100&orderId=" + hurried).json()).as("the city's list").hasSize(2);
		assertThat(dispatcher.get("/api/v1/reviews?region=330102&orderId=" + hurried).json()).as("another district's").isEmpty();
		assertThat(dispatcher.get("/api/v1/reviews?region=330106&orderId=" + honest).json()).isEmpty();
		assertThat(dealerAdmin.get("/api/v1/reviews?region=330106").status()).isEqualTo(403);
		assertThat(brandApi.get("/api/v1/reviews?region=330106").status()).isEqualTo(403);
		assertThat(asNewUser(Role.CUSTOMER_SERVICE, null).get("/api/v1/reviews?region=330106").status()).isEqualTo(403);
		assertThat(dispatcher.get("/api/v1/reviews?region=33").status()).isEqualTo(400);

		// Region-limited by staff_region: Ningbo's dispatcher never sees Hangzhou's list, whatever they ask for.
		Api hangzhou = dispatcherOf("330100");
		Api ningbo = dispatcherOf("330200");
		assertThat(hangzhou.get("/api/v1/reviews?region=330106&orderId=" + hurried).json()).hasSize(2);
		Api.Reply asked = ningbo.get("/api/v1/reviews?region=330106&orderId=" + hurried);
		assertThat(asked.status()).as(asked.body()).isEqualTo(403);
		assertThat(asked.contentType()).startsWith("application/problem+json");
		assertThat(ningbo.get("/api/v1/reviews?region=330100").status()).isEqualTo(403);
		Api.Reply province = ningbo.get("/api/v1/reviews?region=330000&orderId=" + hurried);
		assertThat(province.status()).as("the province's list holds Ningbo's cities only").isEqualTo(200);
		assertThat(province.json()).isEmpty();
		assertThat(hangzhou.get("/api/v1/reviews?region=330000&orderId=" + hurried).json()).hasSize(2);
		assertThat(ningbo.get("/api/v1/reviews/evidence/" + hurried).status()).isEqualTo(404);
		assertThat(hangzhou.get("/api/v1/reviews/evidence/" + hurried).status()).isEqualTo(200);
	}

	@Test
	void anArrivalAndACompletionWithoutAPositionAreAcceptedButFlaggedNoLocationForReview() {
		long order = jobOf(installerA);
		Instant now = Instant.now();
		assertThat(post(tokenA, order, event("EN_ROUTE", now.minusSeconds(6000), 30.25, 120.10), "noloc-en-route-" + order)
			.status()).isEqualTo(200);

		Api.Reply arrived = post(tokenA, order, event("ARRIVED", now.minusSeconds(5400), null, null), "noloc-arrived-" + order);
		assertThat(arrived.status()).as("accepted, not refused").isEqualTo(200);
		assertThat(arrived.json().get("flags")).extracting(JsonNode::asText).containsExactly("NO_LOCATION");
		assertThat(arrived.json().path("geofence").isMissingNode() || arrived.json().get("geofence").isNull())
			.as("no geofence result without a position").isTrue();
		assertThat(status(order)).isEqualTo("ARRIVED");
		JsonNode onArrival = dispatcher.get("/api/v1/reviews?region=330106&orderId=" + order).json();
		assertThat(onArrival).hasSize(1);
		assertThat(onArrival.get(0).get("flags")).extracting(JsonNode::asText).containsExactly("NO_LOCATION");

		Map<String, Object> completed = new HashMap<>(event("COMPLETED", now, null, null));
		completed.put("verificationCode", verificationCode(order));
		completed.put("photoIds", List.of(photo(tokenA, order, "BEFORE", jpeg(order * 100 + 1)),
				photo(tokenA, order, "AFTER", jpeg(order * 100 + 2))));
		completed.put("serialNumbers", List.of(Map.of("sku", "DR-800", "serialNumber", "SN-NOLOC-1")));
		Api.Reply done = post(tokenA, order, completed, "noloc-completed-" + order);
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().get("flags")).extracting(JsonNode::asText).containsExactly("NO_LOCATION");
		assertThat(status(order)).isEqualTo("COMPLETED");

		JsonNode evidence = dispatcher.get("/api/v1/reviews/evidence/" + order).json().get(0);
		assertThat(evidence.get("geofence").asText()).isEqualTo("UNKNOWN");
		assertThat(evidence.get("flags")).extracting(JsonNode::asText).containsExactly("NO_LOCATION");
		assertThat(dispatcher.get("/api/v1/reviews?region=330106&orderId=" + order).json()).hasSize(2);

		// The provider admin's stand-in, told without a position, is flagged the same way.
		long other = jobOf(installerA);
		Api.Reply byAdmin = dealerAdmin.post("/api/v1/providers/" + dealerId + "/jobs/" + other + "/events",
				Map.of("type", "ARRIVED"), h -> h.set("Idempotency-Key", "noloc-admin-arrived-" + other));
		assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
		assertThat(byAdmin.json().get("flags")).extracting(JsonNode::asText).containsExactly("NO_LOCATION");
		assertThat(dispatcher.get("/api/v1/reviews?region=330106&orderId=" + other).json()).hasSize(1);
	}

	/** A dispatcher who works in that one city ({@code staff_region}). */
	private Api dispatcherOf(String city) {
		String username = unique("dispatcher-" + city);
		accounts.createUser(username, PASSWORD, username, java.util.Set.of(Role.DISPATCHER), null, null);
		Api.Reply assigned = admin.put("/api/v1/users/" + username + "/regions", Map.of("regions", List.of(city)));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
		return Api.user(http, username, PASSWORD);
	}

	private static List<String> outcomes(JsonNode results) {
		List<String> outcomes = new ArrayList<>();
		results.forEach(r -> outcomes.add(r.get("outcome").asText()));
		return outcomes;
	}

	private static Map<String, Object> item(String key, long orderId, Map<String, Object> event) {
		return Map.of("idempotencyKey", key, "jobId", orderId, "event", event);
	}

}
