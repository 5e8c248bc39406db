package dev.shifu.platform.ops;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.webhook.BrandWebhooks;
import dev.shifu.platform.webhook.internal.TestReceiver;
import dev.shifu.platform.webhook.internal.WebhookTestAccess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rate limit over real HTTP: past its budget the call is a 429 problem+json with Retry-After, and nothing of it
 * is done. With the JDK's client: the test's Apache client would wait out a 429's Retry-After and retry by itself.
 * Installer sign-in is covered by MobileAuthTests, the consumer link's per-address limit by ConsumerLinkTests, both
 * on the same shared store. Orders go to this class's own city, 996100.
 */
@TestPropertySource(properties = { "shifu.staff-login-limit.failures-per-user=3",
		"shifu.webhooks.replay-limit.per-brand=2", "shifu.webhooks.replay-limit.period=PT1H",
		"shifu.consumer-link.per-token=3",
		// One order every ten seconds for the quota brand (a loaded CI machine posted the first two in over two
		// seconds, and a refilled token let the third in); the default stays far above what the other tests post.
		"shifu.orders.intake-quota.period=PT20S", "shifu.orders.intake-quota.per-brand.[quotabrand]=2" })
class RateLimitApiTests extends PlatformIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	BrandWebhooks webhooks;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private TestReceiver receiver;

	@AfterEach
	void stopReceiver() {
		if (receiver != null) {
			receiver.close();
		}
	}

	@Test
	void staffLoginIsRefusedAfterTooManyWrongPasswordsEvenWithTheRightOne() throws Exception {
		String username = unique("dispatcher");
		accounts.createUser(username, PASSWORD, username, Set.of(Role.DISPATCHER), null, null);
		String path = "/api/v1/tasks";

		List<Integer> wrong = List.of(basic(path, username, "wrong-1").statusCode(),
				basic(path, username, "wrong-2").statusCode(), basic(path, username, "wrong-3").statusCode());
		HttpResponse<String> right = basic(path, username, PASSWORD);
		HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
					+ "&password=" + PASSWORD)));
		HttpResponse<String> otherUser = basic(path, unique("nobody"), "wrong");

		assertThat(wrong).containsOnly(401);
		assertTooManyRequests(right, "username");
		assertThat(right.body()).doesNotContain("content");
		assertTooManyRequests(form, "username");
		assertThat(form.headers().allValues("Set-Cookie")).as("no session for the refused login")
			.noneMatch(c -> c.startsWith("JSESSIONID"));
		assertThat(otherUser.statusCode()).as("another user name is not held back").isEqualTo(401);
		assertThat(jdbc.queryForObject("select count(*) from rate_limit_bucket where id like ? or limit_name like ?",
				Integer.class, "%" + username + "%", "%" + username + "%"))
			.as("user names are hashed into the bucket's id")
			.isZero();
	}

	@Test
	void oneConsumerLinkGetsItsBudgetThenA429() throws Exception {
		String token = "guess" + UUID.randomUUID().toString().replace("-", "");
		List<Integer> first = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			first.add(send(HttpRequest.newBuilder(uri("/api/v1/consumer/" + token)).GET()).statusCode());
		}
		HttpResponse<String> limited = send(HttpRequest.newBuilder(uri("/api/v1/consumer/" + token)).GET());

		assertThat(first).doesNotContain(429);
		assertTooManyRequests(limited, "token");
		assertThat(jdbc.queryForObject("select count(*) from rate_limit_bucket where id like ?", Integer.class,
				"%" + token + "%"))
			.as("link tokens are hashed into the bucket's id")
			.isZero();
	}

	@Test
	void webhookReplaysPastTheBrandsBudgetAreRefusedAndSendNothing() throws Exception {
		IssuedBrand brand = newBrand();
		receiver = TestReceiver.start();
		HttpResponse<String> registered = send(withKey(brand, "/api/v1/brand/webhook")
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("url", receiver.url())))));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		UUID event = webhooks.enqueue(brand.brandId(), "order.goods_damaged", 9L, Map.of("sku", "DR-3")).orElseThrow();
		WebhookTestAccess.dispatchAllDue(context);
		long id = deliveryOf(brand, event);
		String replay = "/api/v1/brand/webhook/deliveries/" + id + "/replay";

		int first = send(withKey(brand, replay).POST(HttpRequest.BodyPublishers.noBody())).statusCode();
		int second = send(withKey(brand, replay).POST(HttpRequest.BodyPublishers.noBody())).statusCode();
		HttpResponse<String> third = send(withKey(brand, replay).POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(List.of(first, second)).containsOnly(200);
		assertTooManyRequests(third, "id");
		assertThat(receiver.received()).as("the first send and two replays; the refused replay sent nothing").hasSize(3);
		JsonNode delivery = json(send(withKey(brand, "/api/v1/brand/webhook/deliveries/" + id).GET()));
		assertThat(delivery.get("attemptCount").asInt()).isEqualTo(3);
	}

	@Test
	void aBrandOverItsQuotaIsSlowedAndItsRetryWithTheSameKeyStoresTheOrderOnce() throws Exception {
		IssuedBrand brand = accounts.createBrand("quotabrand", "Quota brand");
		int a = postOrder(brand, order("Q-1"), "key-q-1").statusCode();
		int b = postOrder(brand, order("Q-2"), "key-q-2").statusCode();
		Map<String, Object> third = order("Q-3");

		HttpResponse<String> refused = postOrder(brand, third, "key-q-3");
		long storedWhenRefused = totalOrders(brand);

		assertThat(List.of(a, b)).containsOnly(201);
		assertTooManyRequests(refused, "X-Api-Key");
		assertThat(storedWhenRefused).as("the refused order was not stored").isEqualTo(2);

		// The brand waits as told and retries with the same key: once it is let in, the order is stored.
		HttpResponse<String> retried = retryAfterWaiting(brand, third, "key-q-3", refused);
		HttpResponse<String> again = retryAfterWaiting(brand, third, "key-q-3", retried);

		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(json(again).get("id").asLong()).isEqualTo(json(retried).get("id").asLong());
		assertThat(totalOrders(brand)).as("Q-1, Q-2 and Q-3 once").isEqualTo(3);
	}

	/** Sends the POST again; while it is refused, waits the Retry-After it was given (bounded). */
	private HttpResponse<String> retryAfterWaiting(IssuedBrand brand, Map<String, Object> order, String key,
			HttpResponse<String> previous) throws Exception {
		HttpResponse<String> reply = previous;
		for (int attempt = 0; attempt < 20; attempt++) {
			if (reply.statusCode() == 429) {
				Thread.sleep(1000L * Long.parseLong(reply.headers().firstValue("Retry-After").orElseThrow()));
			}
			reply = postOrder(brand, order, key);
			if (reply.statusCode() != 429) {
				return reply;
			}
		}
		throw new AssertionError("still refused after 20 waits: " + reply.body());
	}

	private static void assertTooManyRequests(HttpResponse<String> reply, String field) throws Exception {
		assertThat(reply.statusCode()).as(reply.body()).isEqualTo(429);
		assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(Long.parseLong(reply.headers().firstValue("Retry-After").orElseThrow())).isPositive();
		JsonNode problem = JSON.readTree(reply.body());
		assertThat(problem.get("type").asText()).endsWith("/too-many-requests");
		assertThat(problem.get("field").asText()).isEqualTo(field);
		assertThat(problem.get("retryAfterSeconds").asLong()).isPositive();
	}

	private HttpResponse<String> postOrder(IssuedBrand brand, Map<String, Object> order, String key) throws Exception {
		return send(withKey(brand, "/api/v1/orders").header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(order))));
	}

	private long totalOrders(IssuedBrand brand) throws Exception {
		return json(send(withKey(brand, "/api/v1/orders?size=100").GET())).at("/page/totalElements").asLong();
	}

	private long deliveryOf(IssuedBrand brand, UUID event) throws Exception {
		for (JsonNode d : json(send(withKey(brand, "/api/v1/brand/webhook/deliveries?size=100").GET())).get("content")) {
			if (d.get("eventId").asText().equals(event.toString())) {
				return d.get("id").asLong();
			}
		}
		throw new AssertionError("no delivery for event " + event);
	}

	private Map<String, Object> order(String external) {
		return Map.of("externalOrderId", unique(external),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "测试限流区 1 号",
						"regionCode", "996101", "location", Map.of("lat", 31.5, "lng", 121.5)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "NORMAL", "goods", Map.of("status", "ARRIVED"),
				"promisedBy", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(9).toString());
	}

	private HttpResponse<String> basic(String path, String username, String password) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials).GET());
	}

	private HttpRequest.Builder withKey(IssuedBrand brand, String path) {
		return HttpRequest.newBuilder(uri(path)).header("X-Api-Key", brand.apiKey());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> reply) throws Exception {
		return JSON.readTree(reply.body());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
