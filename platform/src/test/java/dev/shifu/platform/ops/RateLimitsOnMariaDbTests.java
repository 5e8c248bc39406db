package dev.shifu.platform.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import dev.shifu.platform.ShifuApplication;
import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.support.UsesMariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one MariaDB database: this test's app and a second app started in the same JVM on the same database
 * (STACK pitfall 34: its settings go in as arguments). Requests split over both are refused once the one shared
 * budget is spent, although each node alone has seen less than the limit; racing requests on both nodes never
 * overspend it (the compare-and-swap on {@code rate_limit_bucket}). Orders go to this class's city, 996200.
 */
@UsesMariaDb
@TestPropertySource(properties = { RateLimitsOnMariaDbTests.PERIOD, RateLimitsOnMariaDbTests.SPLIT_QUOTA,
		RateLimitsOnMariaDbTests.RACE_QUOTA, RateLimitsOnMariaDbTests.LOGIN_FAILURES })
class RateLimitsOnMariaDbTests extends PlatformIntegrationTest {

	// An hour per period: no token comes back while the test runs.
	static final String PERIOD = "shifu.orders.intake-quota.period=PT1H";

	static final String SPLIT_QUOTA = "shifu.orders.intake-quota.per-brand.[splitnodes]=4";

	static final String RACE_QUOTA = "shifu.orders.intake-quota.per-brand.[racenodes]=5";

	static final String LOGIN_FAILURES = "shifu.staff-login-limit.failures-per-user=3";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static ConfigurableApplicationContext nodeB;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeEach
	void startSecondNode() {
		if (nodeB != null) {
			return;
		}
		org.springframework.core.env.Environment env = context.getEnvironment();
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--" + PERIOD, "--" + SPLIT_QUOTA, "--" + RACE_QUOTA,
				"--" + LOGIN_FAILURES));
		for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
				"spring.datasource.driver-class-name")) {
			args.add("--" + key + "=" + env.getProperty(key, ""));
		}
		nodeB = new SpringApplicationBuilder(ShifuApplication.class).profiles("test").run(args.toArray(String[]::new));
	}

	@AfterAll
	static void stopSecondNode() {
		if (nodeB != null) {
			nodeB.close();
			nodeB = null;
		}
	}

	@Test
	void ordersSplitOverTwoNodesAreRefusedOnceTheSharedQuotaIsSpent() throws Exception {
		IssuedBrand brand = accounts.createBrand("splitnodes", "Split nodes brand");
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			statuses.add(postOrder(i % 2 == 0 ? nodeA() : nodeB(), brand, "split-" + i).statusCode());
		}
		HttpResponse<String> refusedOnA = postOrder(nodeA(), brand, "split-a");
		HttpResponse<String> refusedOnB = postOrder(nodeB(), brand, "split-b");

		// Each node let two in: alone, either would have let four in.
		assertThat(statuses).containsExactly(201, 201, 201, 201, 429, 429);
		assertRefused(refusedOnA, "X-Api-Key");
		assertRefused(refusedOnB, "X-Api-Key");
		assertThat(ordersOf(brand)).isEqualTo(4);
	}

	@Test
	void racingOrdersOnBothNodesNeverOverspendTheQuota() throws Exception {
		IssuedBrand brand = accounts.createBrand("racenodes", "Race nodes brand");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> replies = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				URI node = i % 2 == 0 ? nodeA() : nodeB();
				String key = "race-" + i;
				replies.add(pool.submit((Callable<Integer>) () -> {
					start.await();
					return postOrder(node, brand, key).statusCode();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> reply : replies) {
				statuses.add(reply.get(120, TimeUnit.SECONDS));
			}

			assertThat(statuses.stream().filter(s -> s == 201).count()).as("admitted: %s", statuses).isEqualTo(5);
			assertThat(statuses.stream().filter(s -> s == 429).count()).as("refused: %s", statuses).isEqualTo(11);
			assertThat(ordersOf(brand)).isEqualTo(5);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void wrongPasswordsOnEitherNodeCountTowardsOneStaffLoginLimit() throws Exception {
		String username = unique("provider-staff");
		accounts.createUser(username, PASSWORD, username, Set.of(Role.DISPATCHER), null, null);

		List<Integer> wrong = List.of(basic(nodeA(), username, "wrong-1").statusCode(),
				basic(nodeB(), username, "wrong-2").statusCode(), basic(nodeA(), username, "wrong-3").statusCode());
		HttpResponse<String> rightOnB = basic(nodeB(), username, PASSWORD);
		HttpResponse<String> rightOnA = basic(nodeA(), username, PASSWORD);

		assertThat(wrong).containsOnly(401);
		assertRefused(rightOnB, "username");
		assertRefused(rightOnA, "username");
	}

	private static void assertRefused(HttpResponse<String> reply, String field) throws Exception {
		assertThat(reply.statusCode()).as(reply.body()).isEqualTo(429);
		assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(Long.parseLong(reply.headers().firstValue("Retry-After").orElseThrow())).isPositive();
		assertThat(JSON.readTree(reply.body()).get("field").asText()).isEqualTo(field);
	}

	private long ordersOf(IssuedBrand brand) {
		return jdbc.queryForObject("select count(*) from service_order where brand_id = ?", Long.class, brand.brandId());
	}

	private HttpResponse<String> postOrder(URI node, IssuedBrand brand, String key) throws Exception {
		Map<String, Object> order = Map.of("externalOrderId", unique("NODES"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "测试双节点区 1 号",
						"regionCode", "996201", "location", Map.of("lat", 31.6, "lng", 121.6)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "NORMAL", "goods", Map.of("status", "ARRIVED"),
				"promisedBy", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(9).toString());
		return client.send(HttpRequest.newBuilder(node.resolve("/api/v1/orders"))
			.header("X-Api-Key", brand.apiKey())
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key + "-" + brand.code())
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(order)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> basic(URI node, String username, String password) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return client.send(HttpRequest.newBuilder(node.resolve("/api/v1/tasks"))
			.header("Authorization", "Basic " + credentials)
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI nodeA() {
		return URI.create("http://localhost:" + port);
	}

	private static URI nodeB() {
		return URI.create("http://localhost:" + nodeB.getEnvironment().getProperty("local.server.port"));
	}

}
