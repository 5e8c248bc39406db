package dev.shifu.platform.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.UsesMariaDb;

/**
 * Review gap 6: one Idempotency-Key acts once, also when two requests carrying it are in flight at the same moment
 * (a phone that retries before the first answer arrived) and across the two channels (online, then replayed by
 * {@code /sync}). On MariaDB, whose row locks decide such races in production (H2 hides them). In a test city of its
 * own (998100, V300), so its live solver holds only this class's jobs.
 */
@UsesMariaDb
class MobileIdempotencyOnMariaDbTests extends InstallerFixture {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Rounds of the race: enough that the two requests overlap in some of them whatever the machine's load. */
	private static final int ROUNDS = 3;

	@LocalServerPort
	int port;

	@Override
	String district() {
		return "998101";
	}

	@Test
	void concurrentRetriesWithOneIdempotencyKeyActOnce() throws Exception {
		long order = jobOf(installerA);
		Instant now = Instant.now();
		List<String> types = List.of("EN_ROUTE", "ARRIVED", "STARTED");
		for (int i = 0; i < types.size(); i++) {
			String type = types.get(i);
			Map<String, Object> event = event(type, now.minusSeconds(3600 - i * 600L), LAT, LNG);
			String key = "race-" + type + "-" + order;
			List<HttpResponse<String>> answers = together(() -> postEvent(order, event, key));
			driver.drain(order);
			List<String> outcomes = new ArrayList<>();
			for (HttpResponse<String> answer : answers) {
				assertThat(answer.statusCode()).as(type + ": both answered as the one event, " + answer.body()).isEqualTo(200);
				outcomes.add(JSON.readTree(answer.body()).get("outcome").asText());
			}
			assertThat(outcomes).as(type).containsExactlyInAnyOrder("APPLIED", "DUPLICATE");
			assertThat(JSON.readTree(answers.get(0).body()).get("eventId").asLong())
				.isEqualTo(JSON.readTree(answers.get(1).body()).get("eventId").asLong());
			assertThat(jdbc.queryForList("select type from job_event where order_id = ? order by id", String.class, order))
				.as("acted once").containsExactlyElementsOf(types.subList(0, i + 1));
			assertThat(status(order)).isEqualTo(type);
		}
		assertThat(jdbc.queryForObject("select count(*) from idempotency_record where scope = ? and result_ref = 'pending'",
				Integer.class, "installer:" + installerA + ":job-events")).as("no claim left unsettled").isZero();
	}

	@Test
	void twoIdenticalSyncBatchesAtOnceApplyEachEventOnceAndNeitherFails() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			long order = jobOf(installerA);
			Instant now = Instant.now();
			List<Map<String, Object>> batch = List.of(
					item("sync-race-en-route-" + order, order, event("EN_ROUTE", now.minusSeconds(4000), 30.25, 120.10)),
					item("sync-race-arrived-" + order, order, event("ARRIVED", now.minusSeconds(3000), LAT, LNG)),
					item("sync-race-started-" + order, order, event("STARTED", now.minusSeconds(2900), LAT, LNG)));
			List<HttpResponse<String>> answers = together(() -> postSync(batch));
			driver.drain(order);
			int applied = 0;
			for (HttpResponse<String> answer : answers) {
				assertThat(answer.statusCode()).as("the batch as a whole never fails: " + answer.body()).isEqualTo(200);
				JsonNode results = JSON.readTree(answer.body()).get("results");
				assertThat(results).hasSize(3);
				for (JsonNode result : results) {
					assertThat(result.get("outcome").asText()).as(result.toString()).isIn("APPLIED", "DUPLICATE");
					applied += result.get("outcome").asText().equals("APPLIED") ? 1 : 0;
				}
			}
			assertThat(applied).as("each event applied by exactly one of the two batches").isEqualTo(3);
			for (int i = 0; i < 3; i++) {
				assertThat(JSON.readTree(answers.get(0).body()).get("results").get(i).at("/result/eventId").asLong())
					.isEqualTo(JSON.readTree(answers.get(1).body()).get("results").get(i).at("/result/eventId").asLong());
			}
			assertThat(jdbc.queryForList("select type from job_event where order_id = ? order by id", String.class, order))
				.containsExactly("EN_ROUTE", "ARRIVED", "STARTED");
			assertThat(status(order)).isEqualTo("STARTED");
			JsonNode again = sync(tokenA, batch).json().get("results");
			List<String> replayed = new ArrayList<>();
			again.forEach(result -> replayed.add(result.get("outcome").asText()));
			assertThat(replayed).containsExactly("DUPLICATE", "DUPLICATE", "DUPLICATE");
			assertThat(eventCount(order)).isEqualTo(3);
		}
	}

	@Test
	void anEventSentOnlineThenReplayedBySyncIsDuplicate() {
		long order = jobOf(installerA);
		Instant now = Instant.now();
		Map<String, Object> enRoute = event("EN_ROUTE", now.minusSeconds(1200), 30.25, 120.10);
		Api.Reply online = post(tokenA, order, enRoute, "both-ways-" + order);
		assertThat(online.status()).as(online.body()).isEqualTo(200);
		assertThat(online.json().get("outcome").asText()).isEqualTo("APPLIED");

		// The phone was not sure the answer arrived and queued the event for its next sync too.
		Api.Reply replayed = sync(tokenA, List.of(item("both-ways-" + order, order, enRoute)));
		assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
		JsonNode result = replayed.json().get("results").get(0);
		assertThat(result.get("outcome").asText()).isEqualTo("DUPLICATE");
		assertThat(result.at("/result/eventId").asLong()).isEqualTo(online.json().get("eventId").asLong());
		driver.drain(order);
		assertThat(eventCount(order)).as("acted once").isEqualTo(1);
		assertThat(status(order)).isEqualTo("EN_ROUTE");
	}

	// ----- two requests at the same moment, over the JDK client (no retries of its own) -----

	private interface Call {

		HttpResponse<String> send() throws Exception;

	}

	private static List<HttpResponse<String>> together(Call call) throws Exception {
		CyclicBarrier barrier = new CyclicBarrier(2);
		List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			futures.add(CompletableFuture.supplyAsync(() -> {
				try {
					barrier.await(30, TimeUnit.SECONDS);
					return call.send();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		List<HttpResponse<String>> answers = new ArrayList<>();
		for (CompletableFuture<HttpResponse<String>> future : futures) {
			answers.add(future.get(120, TimeUnit.SECONDS));
		}
		return answers;
	}

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private HttpResponse<String> postEvent(long order, Map<String, Object> event, String key) throws Exception {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mobile/v1/jobs/" + order + "/events"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + tokenA)
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(event)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postSync(List<Map<String, Object>> batch) throws Exception {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mobile/v1/sync"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + tokenA)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("events", batch))))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, Object> item(String key, long orderId, Map<String, Object> event) {
		return Map.of("idempotencyKey", key, "jobId", orderId, "event", event);
	}

}
