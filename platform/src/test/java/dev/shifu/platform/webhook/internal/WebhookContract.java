package dev.shifu.platform.webhook.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.webhook.BrandWebhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Brand webhooks over real HTTP, with a real receiver, on H2 and on MariaDB (the two subclasses). The dispatcher's
 * schedule is off in tests: each test calls {@code dispatchDue()} itself and moves the dispatcher's clock instead of
 * waiting.
 */
abstract class WebhookContract extends PlatformIntegrationTest {

	private static final String WEBHOOK = "/api/v1/brand/webhook";

	private static final String DELIVERIES = WEBHOOK + "/deliveries";

	@Autowired
	private WebhookDispatcher dispatcher;

	@Autowired
	private WebhookTime time;

	@Autowired
	private BrandWebhooks webhooks;

	private final List<TestReceiver> receivers = new ArrayList<>();

	private IssuedBrand brand;

	private Api api;

	private TestReceiver receiver;

	@BeforeEach
	void brandWithReceiver() {
		brand = newBrand();
		api = asBrand(brand);
		receiver = newReceiver();
	}

	@AfterEach
	void stopReceiversAndResetTheClock() {
		time.reset();
		receivers.forEach(TestReceiver::close);
	}

	@Test
	void orderStatusChangeReachesTheBrandSignedWithItsSecret() {
		String secret = register(api, receiver.url());

		Api.Reply posted = api.post("/api/v1/orders", order(unique("WH")));
		long orderId = posted.json().get("id").asLong();
		// The listener runs after the order's commit, on another thread: wait (bounded) for its delivery row.
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> api.get(DELIVERIES + "?orderId=" + orderId).json().at("/page/totalElements").asInt() == 1);
		dispatcher.dispatchDue();

		assertThat(posted.status()).isEqualTo(201);
		assertThat(receiver.received()).hasSize(1);
		TestReceiver.Received got = receiver.received().get(0);
		assertThat(got.method()).isEqualTo("POST");
		assertThat(got.contentType()).startsWith("application/json");
		assertThat(got.signedWith(secret)).as("Shifu-Signature verifies with the brand's secret").isTrue();
		assertThat(Math.abs(Long.parseLong(got.timestamp()) - time.now().getEpochSecond()))
			.as("Shifu-Timestamp is the sending time in epoch seconds")
			.isLessThanOrEqualTo(300);
		JsonNode event = got.json();
		assertThat(event.get("type").asText()).isEqualTo(BrandWebhooks.ORDER_STATUS_CHANGED);
		assertThat(got.eventType()).isEqualTo(BrandWebhooks.ORDER_STATUS_CHANGED);
		assertThat(event.get("eventId").asText()).isEqualTo(got.eventId());
		assertThat(event.get("orderId").asLong()).isEqualTo(orderId);
		assertThat(event.get("occurredAt").asText()).isNotBlank();
		assertThat(event.at("/data/from").isNull()).as("a new order comes from no status").isTrue();
		assertThat(event.at("/data/to").asText()).isEqualTo("RECEIVED");
		assertThat(event.at("/data/sequence").asInt()).isEqualTo(1);
		assertThat(event.at("/data/actor").asText()).isEqualTo("brand:" + brand.code());
		JsonNode delivery = api.get(DELIVERIES + "?orderId=" + orderId).json().at("/content/0");
		assertThat(delivery.get("status").asText()).isEqualTo("DELIVERED");
		assertThat(delivery.get("eventId").asText()).isEqualTo(got.eventId());
		assertThat(delivery.at("/attempts/0/statusCode").asInt()).isEqualTo(200);
		assertThat(delivery.at("/attempts/0/url").asText()).isEqualTo(receiver.url());
		assertThat(delivery.at("/payload/eventId").asText()).isEqualTo(got.eventId());
	}

	@Test
	void registeringShowsTheSecretOnceAndReadingShowsOnlyAHint() {
		Api.Reply created = api.put(WEBHOOK, Map.of("url", receiver.url()));
		Api.Reply changed = api.put(WEBHOOK, Map.of("url", "https://hooks.example.com/shifu"));
		Api.Reply read = api.get(WEBHOOK);

		assertThat(created.status()).isEqualTo(201);
		String secret = created.json().get("secret").asText();
		assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().has("secret")).as("changing the URL keeps the secret and does not show it").isFalse();
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("url").asText()).isEqualTo("https://hooks.example.com/shifu");
		assertThat(read.json().get("active").asBoolean()).isTrue();
		assertThat(read.json().has("secret")).isFalse();
		assertThat(read.json().get("secretHint").asText()).endsWith(secret.substring(secret.length() - 4))
			.doesNotContain(secret.substring(6, 20));
	}

	@Test
	void rotatedSecretSignsTheNextAttemptAndTheOldSecretNoLonger() {
		String old = register(api, receiver.url());

		Api.Reply rotated = api.post(WEBHOOK + "/secret:rotate", null);
		webhooks.enqueue(brand.brandId(), BrandWebhooks.ORDER_GOODS_DAMAGED, 42L, Map.of("note", "cracked door"));
		dispatcher.dispatchDue();

		assertThat(rotated.status()).isEqualTo(200);
		String secret = rotated.json().get("secret").asText();
		assertThat(secret).startsWith("whsec_").isNotEqualTo(old);
		assertThat(api.get(WEBHOOK).json().get("secretHint").asText()).isEqualTo(rotated.json().get("secretHint").asText());
		TestReceiver.Received got = receiver.received().get(0);
		assertThat(got.signedWith(secret)).isTrue();
		assertThat(got.signedWith(old)).isFalse();
	}

	static Stream<Arguments> badUrls() {
		Map<String, Object> noUrl = new LinkedHashMap<>();
		noUrl.put("active", true);
		return Stream.of(Arguments.of("ftp scheme", Map.of("url", "ftp://files.example.com/hook")),
				Arguments.of("javascript scheme", Map.of("url", "javascript:alert(1)")),
				Arguments.of("relative path", Map.of("url", "/hooks/shifu")),
				Arguments.of("not a URL", Map.of("url", "https://exa mple.com/")),
				Arguments.of("no host", Map.of("url", "https:///hook")),
				Arguments.of("credentials in the URL", Map.of("url", "https://user:pw@hooks.example.com/")),
				Arguments.of("blank", Map.of("url", "  ")),
				Arguments.of("too long", Map.of("url", "https://hooks.example.com/" + "a".repeat(2000))),
				Arguments.of("missing", noUrl));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badUrls")
	void urlThatIsNotHttpOrHttpsIsAProblemNamingUrlAndStoresNothing(String name, Map<String, Object> body) {
		Api.Reply reply = api.put(WEBHOOK, body);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().get("field").asText()).isEqualTo("url");
		assertThat(api.get(WEBHOOK).status()).isEqualTo(404);
	}

	@Test
	void failedAttemptsAreRetriedWithGrowingWaitsAndTheSameEventIdUntilDelivered() {
		Instant start = moveClockTo(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		register(api, receiver.url());
		receiver.failNext(3);
		long id = delivery(webhooks.enqueue(brand.brandId(), BrandWebhooks.ORDER_GOODS_DAMAGED, 7L, Map.of("sku", "DR-1")).orElseThrow());

		dispatcher.dispatchDue();
		Instant first = nextAttemptAt(id);
		dispatcher.dispatchDue();
		int beforeDue = receiver.received().size();
		moveClockTo(first);
		dispatcher.dispatchDue();
		Instant second = nextAttemptAt(id);
		moveClockTo(second);
		dispatcher.dispatchDue();
		Instant third = nextAttemptAt(id);
		moveClockTo(third);
		dispatcher.dispatchDue();

		assertThat(beforeDue).as("nothing is sent again before the next attempt is due").isEqualTo(1);
		Duration wait1 = Duration.between(start, first);
		Duration wait2 = Duration.between(first, second);
		Duration wait3 = Duration.between(second, third);
		assertThat(wait1).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
		assertThat(wait2).isGreaterThan(wait1);
		assertThat(wait3).isGreaterThan(wait2);
		JsonNode delivery = api.get(DELIVERIES + "/" + id).json();
		assertThat(delivery.get("status").asText()).isEqualTo("DELIVERED");
		assertThat(delivery.get("attempts").findValuesAsText("statusCode")).containsExactly("503", "503", "503", "200");
		assertThat(delivery.at("/attempts/0/error").asText()).isEqualTo("HTTP 503");
		assertThat(delivery.at("/attempts/0/response").asText()).contains("try later");
		List<TestReceiver.Received> got = receiver.received();
		assertThat(got).hasSize(4);
		assertThat(got.stream().map(TestReceiver.Received::eventId).distinct()).containsExactly(delivery.get("eventId").asText());
		assertThat(got.stream().map(TestReceiver.Received::body).distinct()).as("every attempt sends the same body").hasSize(1);
	}

	@Test
	void deliveryFailsWhenAnAttemptFailsAfterTheMaxAgeAndCanThenBeReplayed() {
		Instant start = moveClockTo(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		String secret = register(api, receiver.url());
		receiver.failAlways(true);
		long id = delivery(webhooks.enqueue(brand.brandId(), "order.goods_damaged", 8L, Map.of("sku", "DR-2")).orElseThrow());

		dispatcher.dispatchDue();
		moveClockTo(start.plus(Duration.ofHours(23)));
		dispatcher.dispatchDue();
		JsonNode retrying = api.get(DELIVERIES + "/" + id).json();
		moveClockTo(start.plus(Duration.ofHours(24)));
		dispatcher.dispatchDue();
		JsonNode failed = api.get(DELIVERIES + "/" + id).json();
		moveClockTo(start.plus(Duration.ofHours(48)));
		dispatcher.dispatchDue();
		int attemptsAfterGivingUp = receiver.received().size();
		receiver.failAlways(false);
		Api.Reply replayed = api.post(DELIVERIES + "/" + id + "/replay", null);

		assertThat(retrying.get("status").asText()).isEqualTo("PENDING");
		assertThat(Instant.parse(retrying.get("nextAttemptAt").asText()))
			.as("the last retry is not later than 24 h after the first attempt")
			.isBeforeOrEqualTo(start.plus(Duration.ofHours(24)));
		assertThat(failed.get("status").asText()).isEqualTo("FAILED");
		assertThat(failed.has("nextAttemptAt")).isFalse();
		assertThat(failed.get("attemptCount").asInt()).isEqualTo(3);
		assertThat(attemptsAfterGivingUp).as("a FAILED delivery is not tried again by the dispatcher").isEqualTo(3);
		assertThat(replayed.status()).isEqualTo(200);
		assertThat(replayed.json().get("status").asText()).isEqualTo("DELIVERED");
		assertThat(replayed.json().at("/attempts/3/trigger").asText()).isEqualTo("REPLAY");
		TestReceiver.Received replay = receiver.received().get(3);
		assertThat(replay.eventId()).isEqualTo(receiver.received().get(0).eventId());
		assertThat(replay.signedWith(secret)).isTrue();
		assertThat(Long.parseLong(replay.timestamp())).isEqualTo(start.plus(Duration.ofHours(48)).getEpochSecond());
	}

	@Test
	void replayResendsADeliveredEventNowWithTheSameEventId() {
		register(api, receiver.url());
		long id = delivery(webhooks.enqueue(brand.brandId(), "order.goods_damaged", 9L, Map.of("sku", "DR-3")).orElseThrow());
		dispatcher.dispatchDue();

		Api.Reply replayed = api.post(DELIVERIES + "/" + id + "/replay", null);

		assertThat(replayed.status()).isEqualTo(200);
		assertThat(replayed.json().get("attemptCount").asInt()).isEqualTo(2);
		assertThat(replayed.json().at("/attempts/1/trigger").asText()).isEqualTo("REPLAY");
		assertThat(receiver.received()).hasSize(2);
		assertThat(receiver.received().get(1).eventId()).isEqualTo(receiver.received().get(0).eventId());
		assertThat(receiver.received().get(1).body()).isEqualTo(receiver.received().get(0).body());
	}

	@Test
	void aBrandCannotSeeOrReplayAnotherBrandsDeliveriesNorReadItsWebhook() {
		register(api, receiver.url());
		long id = delivery(webhooks.enqueue(brand.brandId(), "order.goods_damaged", 10L, Map.of("sku", "DR-4")).orElseThrow());
		IssuedBrand otherBrand = newBrand();
		Api other = asBrand(otherBrand);
		TestReceiver otherReceiver = newReceiver();
		Api.Reply otherHasNone = other.get(WEBHOOK);
		register(other, otherReceiver.url());

		Api.Reply seen = other.get(DELIVERIES + "/" + id);
		Api.Reply replayed = other.post(DELIVERIES + "/" + id + "/replay", null);
		Api.Reply listed = other.get(DELIVERIES);
		Api.Reply otherWebhook = other.get(WEBHOOK);
		other.delete(WEBHOOK);

		assertThat(otherHasNone.status()).isEqualTo(404);
		assertThat(seen.status()).isEqualTo(404);
		assertThat(replayed.status()).isEqualTo(404);
		assertThat(replayed.contentType()).startsWith("application/problem+json");
		assertThat(listed.json().at("/page/totalElements").asInt()).isZero();
		assertThat(otherWebhook.json().get("url").asText()).isEqualTo(otherReceiver.url());
		assertThat(receiver.received()).as("the other brand's replay sent nothing").isEmpty();
		assertThat(otherReceiver.received()).isEmpty();
		assertThat(api.get(WEBHOOK).json().get("url").asText()).isEqualTo(receiver.url());
		assertThat(api.get(DELIVERIES + "/" + id).json().get("status").asText()).isEqualTo("PENDING");
	}

	@Test
	void onlyBrandsMayUseTheWebhookApi() {
		Api admin = asNewUser(Role.ADMIN, null);
		Api dispatcherUser = asNewUser(Role.DISPATCHER, null);

		assertThat(admin.get(WEBHOOK).status()).isEqualTo(403);
		assertThat(admin.get(DELIVERIES).status()).isEqualTo(403);
		assertThat(dispatcherUser.put(WEBHOOK, Map.of("url", receiver.url())).status()).isEqualTo(403);
		assertThat(anonymous().get(WEBHOOK).status()).isEqualTo(401);
		assertThat(anonymous().post(DELIVERIES + "/1/replay", null).status()).isEqualTo(401);
	}

	@Test
	void deliveriesAreListedNewestFirstAndFilteredByStatusAndOrder() {
		register(api, receiver.url());
		UUID first = webhooks.enqueue(brand.brandId(), "order.goods_damaged", 11L, Map.of("n", 1)).orElseThrow();
		dispatcher.dispatchDue();
		webhooks.enqueue(brand.brandId(), "order.goods_damaged", 12L, Map.of("n", 2));
		UUID newest = webhooks.enqueue(brand.brandId(), "order.goods_damaged", 11L, Map.of("n", 3)).orElseThrow();

		JsonNode all = api.get(DELIVERIES).json();

		assertThat(all.at("/page/totalElements").asInt()).isEqualTo(3);
		assertThat(all.at("/content/0/eventId").asText()).isEqualTo(newest.toString());
		assertThat(all.at("/content/2/eventId").asText()).isEqualTo(first.toString());
		assertThat(total(DELIVERIES + "?status=PENDING")).isEqualTo(2);
		assertThat(total(DELIVERIES + "?status=DELIVERED")).isEqualTo(1);
		assertThat(total(DELIVERIES + "?status=FAILED")).isZero();
		assertThat(total(DELIVERIES + "?orderId=11")).isEqualTo(2);
		assertThat(total(DELIVERIES + "?orderId=11&status=DELIVERED")).isEqualTo(1);
		assertThat(api.get(DELIVERIES + "?size=1&page=2").json().at("/content/0/eventId").asText()).isEqualTo(first.toString());
		assertThat(api.get(DELIVERIES + "?size=1").json().at("/page/totalPages").asInt()).isEqualTo(3);
	}

	static Stream<Arguments> badRequests() {
		return Stream.of(Arguments.of("unknown status", "GET", DELIVERIES + "?status=SENT", 400, "status"),
				Arguments.of("order id as text", "GET", DELIVERIES + "?orderId=abc", 400, "orderId"),
				Arguments.of("negative page", "GET", DELIVERIES + "?page=-1", 400, "page"),
				Arguments.of("huge page", "GET", DELIVERIES + "?page=2147483647&size=100", 400, "page"),
				Arguments.of("page as text", "GET", DELIVERIES + "?page=first", 400, "page"),
				Arguments.of("zero size", "GET", DELIVERIES + "?size=0", 400, "size"),
				Arguments.of("size over the limit", "GET", DELIVERIES + "?size=101", 400, "size"),
				Arguments.of("delivery id as text", "GET", DELIVERIES + "/abc", 400, "id"),
				Arguments.of("replay id as text", "POST", DELIVERIES + "/abc/replay", 400, "id"),
				Arguments.of("unknown delivery", "GET", DELIVERIES + "/987654321", 404, null),
				Arguments.of("replay of an unknown delivery", "POST", DELIVERIES + "/987654321/replay", 404, null),
				Arguments.of("rotate without a webhook", "POST", WEBHOOK + "/secret:rotate", 404, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void badParametersAndUnknownIdsAreProblemsNotErrors(String name, String method, String path, int status,
			String field) {
		Api.Reply reply = method.equals("GET") ? api.get(path) : api.post(path, null);

		assertThat(reply.status()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		if (field != null) {
			assertThat(reply.json().get("field").asText()).isEqualTo(field);
		}
	}

	@Test
	void malformedOrMistypedWebhookBodiesAreProblemsNamingTheField() {
		Api.Reply notJson = api.put(WEBHOOK, "{\"url\": ");
		Api.Reply mistyped = api.put(WEBHOOK, Map.of("url", receiver.url(), "active", "maybe"));
		Api.Reply nullBody = api.put(WEBHOOK, "null");

		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.json().get("field").asText()).isEqualTo("body");
		assertThat(mistyped.status()).isEqualTo(400);
		assertThat(mistyped.json().get("field").asText()).isEqualTo("active");
		assertThat(nullBody.status()).isEqualTo(400);
		assertThat(api.get(WEBHOOK).status()).isEqualTo(404);
	}

	@Test
	void deletingTheWebhookFailsPendingDeliveriesAndKeepsTheLog() {
		register(api, receiver.url());
		long id = delivery(webhooks.enqueue(brand.brandId(), "order.goods_damaged", 13L, Map.of("n", 1)).orElseThrow());

		Api.Reply deleted = api.delete(WEBHOOK);
		dispatcher.dispatchDue();
		Api.Reply again = api.delete(WEBHOOK);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(again.status()).isEqualTo(204);
		assertThat(api.get(WEBHOOK).status()).isEqualTo(404);
		JsonNode delivery = api.get(DELIVERIES + "/" + id).json();
		assertThat(delivery.get("status").asText()).isEqualTo("FAILED");
		assertThat(delivery.get("lastError").asText()).isEqualTo("webhook endpoint deleted");
		assertThat(receiver.received()).isEmpty();
		Api.Reply replay = api.post(DELIVERIES + "/" + id + "/replay", null);
		assertThat(replay.status()).isEqualTo(409);
		assertThat(replay.json().get("type").asText()).endsWith("no-webhook");
		assertThat(webhooks.enqueue(brand.brandId(), "order.goods_damaged", 13L, Map.of("n", 2)))
			.as("without a webhook nothing is queued")
			.isEmpty();
	}

	@Test
	void pausedWebhookKeepsDeliveriesUntilItIsActiveAgain() {
		String secret = register(api, receiver.url());
		Api.Reply paused = api.put(WEBHOOK, Map.of("url", receiver.url(), "active", false));
		long id = delivery(webhooks.enqueue(brand.brandId(), "order.goods_damaged", 14L, Map.of("n", 1)).orElseThrow());

		dispatcher.dispatchDue();
		int whilePaused = receiver.received().size();
		Api.Reply replayWhilePaused = api.post(DELIVERIES + "/" + id + "/replay", null);
		api.put(WEBHOOK, Map.of("url", receiver.url(), "active", true));
		dispatcher.dispatchDue();

		assertThat(paused.json().get("active").asBoolean()).isFalse();
		assertThat(whilePaused).isZero();
		assertThat(replayWhilePaused.status()).isEqualTo(409);
		assertThat(receiver.received()).hasSize(1);
		assertThat(receiver.received().get(0).signedWith(secret)).isTrue();
		assertThat(api.get(DELIVERIES + "/" + id).json().get("status").asText()).isEqualTo("DELIVERED");
	}

	@Test
	void brandEventsWithTheSameDeduplicationKeyAreQueuedOnce() {
		register(api, receiver.url());
		Map<String, Object> data = Map.of("items", List.of("DR-800"), "photos", 2);

		UUID first = webhooks.enqueue(brand.brandId(), BrandWebhooks.ORDER_GOODS_DAMAGED, 15L, data, "job-77").orElseThrow();
		UUID again = webhooks.enqueue(brand.brandId(), BrandWebhooks.ORDER_GOODS_DAMAGED, 15L, data, "job-77").orElseThrow();
		UUID other = webhooks.enqueue(brand.brandId(), BrandWebhooks.ORDER_GOODS_DAMAGED, 15L, data, "job-78").orElseThrow();
		dispatcher.dispatchDue();

		assertThat(again).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
		assertThat(total(DELIVERIES)).isEqualTo(2);
		assertThat(receiver.received()).hasSize(2);
		JsonNode event = receiver.received().stream()
			.filter(r -> r.eventId().equals(first.toString()))
			.findFirst()
			.orElseThrow()
			.json();
		assertThat(event.get("type").asText()).isEqualTo("order.goods_damaged");
		assertThat(event.get("orderId").asLong()).isEqualTo(15L);
		assertThat(event.at("/data/items/0").asText()).isEqualTo("DR-800");
		assertThat(event.at("/data/photos").asInt()).isEqualTo(2);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> webhooks.enqueue(brand.brandId(), "goods damaged!", 15L, data));
	}

	@Test
	void apiDocsDescribeTheWebhookEndpoints() {
		JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");

		assertThat(paths.has(WEBHOOK)).isTrue();
		assertThat(paths.has(WEBHOOK + "/secret:rotate")).isTrue();
		assertThat(paths.has(DELIVERIES + "/{id}/replay")).isTrue();
		assertThat(paths.at("/" + DELIVERIES.replace("/", "~1") + "/get/parameters").findValuesAsText("name"))
			.contains("status", "orderId", "page", "size");
	}

	private TestReceiver newReceiver() {
		TestReceiver created = TestReceiver.start();
		receivers.add(created);
		return created;
	}

	/** Registers the webhook and returns its secret. */
	private static String register(Api as, String url) {
		Api.Reply reply = as.put(WEBHOOK, Map.of("url", url));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("secret").asText();
	}

	private Instant moveClockTo(Instant instant) {
		time.use(Clock.fixed(instant, ZoneOffset.UTC));
		return instant;
	}

	/** The delivery id of a queued event, read from the brand's log. */
	private long delivery(UUID eventId) {
		for (JsonNode d : api.get(DELIVERIES + "?size=100").json().get("content")) {
			if (d.get("eventId").asText().equals(eventId.toString())) {
				return d.get("id").asLong();
			}
		}
		throw new AssertionError("no delivery for event " + eventId);
	}

	private Instant nextAttemptAt(long id) {
		return Instant.parse(api.get(DELIVERIES + "/" + id).json().get("nextAttemptAt").asText());
	}

	private int total(String path) {
		return api.get(path).json().at("/page/totalElements").asInt();
	}

	private static String order(String externalOrderId) {
		return """
				{"externalOrderId":"%s","consumer":{"name":"李娜","phone":"13812345678","address":"文三路 90 号",
				"regionCode":"330106","location":{"lat":30.27,"lng":120.12}},
				"items":[{"sku":"DR-1","name":"Door","category":"DOOR","quantity":1}],
				"serviceType":"INSTALLATION","goods":{"status":"ARRIVED"}}""".formatted(externalOrderId);
	}

}
