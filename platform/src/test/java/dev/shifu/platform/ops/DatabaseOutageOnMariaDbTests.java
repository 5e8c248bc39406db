package dev.shifu.platform.ops;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.apache.hc.client5.http.impl.classic.HttpClients;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.MariaDb;
import dev.shifu.platform.support.OrderFixture;
import dev.shifu.platform.support.TcpProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away under load and comes back. Meanwhile every request answers 503 problem+json with
 * {@code Retry-After} within the connection timeout (no 500, no hang) and health is DOWN; afterwards the app carries
 * on by itself, and every order it acknowledged gets its process and its booking link.
 */
@org.springframework.test.annotation.DirtiesContext
class DatabaseOutageOnMariaDbTests extends OrderFixture {

	/**
	 * Left open for the JVM's life (its threads are daemons): the context closes after the class (not cached, so its
	 * scheduled jobs do not hammer a closed port for the rest of the run), and it closes after any @AfterAll would.
	 */
	private static final TcpProxy DATABASE = new TcpProxy("127.0.0.1", 3306);

	@DynamicPropertySource
	static void throughTheProxy(DynamicPropertyRegistry registry) {
		for (String property : MariaDb.ownDatabase("outage")) {
			String key = property.substring(0, property.indexOf('='));
			String value = property.substring(property.indexOf('=') + 1)
				.replace("127.0.0.1:3306", "127.0.0.1:" + DATABASE.port());
			registry.add(key, () -> value);
		}
		registry.add("spring.datasource.hikari.connection-timeout", () -> "3000");
		registry.add("shifu.events.resubmit-interval", () -> "1s");
		registry.add("shifu.events.resubmit-after", () -> "2s");
		registry.add("shifu.events.backoff-max", () -> "2s");
		// The outage fails the lock's release; a short hold lets the resubmission resume soon after.
		registry.add("shifu.events.resubmit-lock-at-most-for", () -> "PT3S");
	}

	@Value("${local.server.port}")
	int port;

	@Test
	@Timeout(value = 10, unit = TimeUnit.MINUTES)
	void anOutageAnswers503WithRetryAfterAndAfterItEveryAcknowledgedOrderGetsItsProcess() throws Exception {
		// A client that gives up on a hang: every answer during the outage must come well within this.
		// It does not retry by itself (HttpClient would honour Retry-After and hide the 503s).
		TestRestTemplate bounded = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)
			.requestFactory(() -> new HttpComponentsClientHttpRequestFactory(
					HttpClients.custom().disableAutomaticRetries().build()))
			.connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(30)));
		Api brandClient = Api.brand(bounded, brand.apiKey());
		long before = postOrder("ARRIVED", "INSTALLATION", "NORMAL", "330106", 30.27, 120.13);

		ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Api.Reply> refused = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Map.Entry<String, Map<String, Object>>> retries = new ConcurrentLinkedQueue<>();
		AtomicInteger sent = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(3);
		for (int i = 0; i < 24; i++) {
			clients.submit(() -> {
				String key = unique("k");
				Map<String, Object> order = order();
				Api.Reply reply = brandClient.post("/api/v1/orders", order, h -> h.set("Idempotency-Key", key));
				if (sent.incrementAndGet() == 8) {
					DATABASE.cut();
				}
				if (reply.status() == 201) {
					acknowledged.add(reply.json().get("id").asLong());
				}
				else {
					refused.add(reply);
					retries.add(Map.entry(key, order));
				}
			});
		}
		await().atMost(Duration.ofMinutes(3)).until(() -> sent.get() == 24);

		Api.Reply read = brandClient.get("/api/v1/orders/" + before);
		Api.Reply health = Api.anonymous(bounded).get("/actuator/health");
		DATABASE.restore();
		clients.shutdown();

		assertThat(refused).as("orders posted while the database was away").isNotEmpty();
		assertThat(refused).allSatisfy(reply -> {
			assertThat(reply.status()).as(reply.body()).isEqualTo(503);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.headers().getFirst("Retry-After")).isNotBlank();
		});
		assertThat(read.status()).as(read.body()).isEqualTo(503);
		assertThat(read.headers().getFirst("Retry-After")).isNotBlank();
		assertThat(health.status()).isEqualTo(503);
		assertThat(health.json().get("status").asText()).isEqualTo("DOWN");

		// Back by itself: health is UP again, new orders go through, and nothing acknowledged is lost.
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
				assertThat(Api.anonymous(bounded).get("/actuator/health").json().get("status").asText()).isEqualTo("UP"));
		long after = postOrder("ARRIVED", "INSTALLATION", "NORMAL", "330106", 30.27, 120.13);
		// A client retries each refused order with its key: whether or not the refused attempt got as far as the
		// database, the retry leaves exactly one order.
		for (Map.Entry<String, Map<String, Object>> retry : retries) {
			Api.Reply reply = brandClient.post("/api/v1/orders", retry.getValue(),
					h -> h.set("Idempotency-Key", retry.getKey()));
			assertThat(reply.status()).as(reply.body()).isIn(200, 201);
			acknowledged.add(reply.json().get("id").asLong());
		}
		assertThat(acknowledged).as("one order per posted order").doesNotHaveDuplicates().hasSize(24);
		for (long id : List.copyOf(acknowledged)) {
			driver.instanceOf(id);
			driver.drainUntil(id, () -> status(id).equals("AWAITING_BOOKING"), "booking link of order " + id);
		}
		assertThat(status(after)).isEqualTo("AWAITING_BOOKING");
		assertThat(brandApi.get("/api/v1/orders?size=100").json().path("page").path("totalElements").asLong())
			.as("the brand's orders: the burst and the two around it, none twice").isEqualTo(26);
	}

	private Map<String, Object> order() {
		return Map.of("externalOrderId", unique("ORDER"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", "330106", "location", Map.of("lat", 30.27, "lng", 120.13)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "NORMAL", "goods", Map.of("status", "ARRIVED"),
				"promisedBy", TODAY.plusDays(9).toString());
	}

}
