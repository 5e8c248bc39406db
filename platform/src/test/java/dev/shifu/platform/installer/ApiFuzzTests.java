package dev.shifu.platform.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import dev.shifu.platform.fuzz.Fuzzer;
import dev.shifu.platform.fuzz.RequestGenerator;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.MariaDb;

/**
 * Every operation of the app's OpenAPI document, called with requests generated from its schemas (wrong types,
 * missing and extra fields, boundary numbers, long and unicode strings, malformed JSON, wrong content types, bad
 * parameters) as every role, against the callers' own objects so that requests get past the door to the validation.
 * No answer may be a 5xx, every 4xx must be problem+json, and a rejected request must leave every table of the
 * database as it was. The default run is a fixed-seed subset; the harness runs 20,000 or more (see the README).
 */
@ContextConfiguration(initializers = ApiFuzzTests.OwnDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ApiFuzzTests extends InstallerFixture {

	static final long SEED = Long.getLong("shifu.fuzz.seed", 20261202L);

	static final int REQUESTS = Integer.getInteger("shifu.fuzz.requests", 1500);

	/** Where the harness writes its table (unset in the default run). */
	static final String REPORT = System.getProperty("shifu.fuzz.report");

	/**
	 * Tables that background work writes on its own clock (the live solver's stored plan, the outbox senders, the
	 * locks): a change there is no request's doing. Also the shared rate limits' buckets: every limited call spends
	 * from them whether it is accepted or rejected, by design (a refused guess still counts).
	 */
	static final Set<String> BACKGROUND = Set.of("event_publication", "notification", "webhook_delivery", "webhook_attempt",
			"plan_summary", "planned_visit", "schedule_job", "shedlock", "window_lock", "flyway_schema_history",
			"act_ge_property", "act_ru_meter_log", "act_ru_job", "act_ru_jobdef", "act_hi_op_log", "act_id_info",
			"rate_limit_bucket");

	private static volatile List<String> database;

	static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			database = MariaDb.ownDatabase("fuzz");
			List<String> properties = new ArrayList<>(database);
			// The limits answer 429 problem+json, which the fuzz accepts; raised so the requests reach the validation.
			properties.addAll(List.of("shifu.consumer-link.per-ip=100000000",
					// An event stream the fuzz opened must not hold the shutdown for its graceful 30 s.
					"spring.lifecycle.timeout-per-shutdown-phase=2s", "shifu.consumer-link.per-token=100000000",
					"shifu.mobile.sign-in-limit.failures-per-phone=100000000",
					"shifu.mobile.sign-in-limit.failures-per-address=100000000", "shifu.mobile.sign-in-limit.code-requests-per-address=100000000"));
			TestPropertyValues.of(properties).applyTo(context);
		}

	}

	@LocalServerPort
	int port;

	@Value("${shifu.ops.username}")
	String opsUser;

	@Value("${shifu.ops.password}")
	String opsPassword;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void noGeneratedRequestGetsA5xxOrAnAnswerThatIsNotProblemJsonOrWritesWhenRejected() throws Exception {
		World world = world();
		JsonNode document = anonymous().get("/v3/api-docs").json();
		Fuzzer fuzzer = new Fuzzer(document, new Random(SEED), world.values(), world.callers(), this::send, this::fingerprint,
				BACKGROUND);
		assertThat(fuzzer.operations()).as("operations in the OpenAPI document").hasSizeGreaterThan(100);
		assertThat(fuzzer.operations().stream().filter(op -> op.path().startsWith("/mobile/v1/")).count())
			.as("the installer app's operations").isGreaterThanOrEqualTo(14);

		Fuzzer.Outcome outcome = fuzzer.run(REQUESTS, this::heal);

		System.out.println(outcome.table(SEED));
		if (REPORT != null) {
			Path file = Path.of(REPORT, LocalDate.now() + "-fuzz.md");
			Files.createDirectories(file.getParent());
			Files.writeString(file, outcome.markdown(SEED, "MariaDB " + jdbc.queryForObject("select version()", String.class)));
			System.out.println("Fuzz report saved to " + file.toAbsolutePath());
		}
		assertThat(outcome.requests()).as("requests sent").isGreaterThanOrEqualTo(REQUESTS);
		assertThat(outcome.rejected()).as("requests the app rejected (a fuzz that is all accepted tests nothing)")
			.isGreaterThan(outcome.requests() / 2);
		assertThat(outcome.violations()).as("5xx, non-problem 4xx, or writes by rejected requests").isEmpty();
	}

	// ----- the callers and their world -----

	record World(Map<String, List<String>> values, List<Fuzzer.Caller> callers) {
	}

	private String dispatcherUser;

	private World world() {
		long inService = jobOf(installerA);
		long offered = offeredOrder();
		long waiting = awaitingOrder();
		String admin = user(Role.ADMIN, null);
		dispatcherUser = user(Role.DISPATCHER, null);
		inEveryCity(dispatcherUser);
		String service = user(Role.CUSTOMER_SERVICE, null);
		String providerAdmin = user(Role.PROVIDER_ADMIN, dealerId);
		String keyId = brandApi.get("/api/v1/brand/api-keys").json().get(0).get("keyId").asText();

		Map<String, List<String>> values = new LinkedHashMap<>();
		values.put("orderId", List.of(Long.toString(inService), Long.toString(offered), Long.toString(waiting)));
		values.put("jobId", List.of(Long.toString(inService)));
		values.put("id", List.of(Long.toString(inService), Long.toString(waiting)));
		values.put("offerId", List.of(Long.toString(openOffer(offered).get("id").asLong())));
		values.put("providerId", List.of(Long.toString(dealerId)));
		values.put("installerId", List.of(Long.toString(installerA)));
		values.put("brandId", List.of(Long.toString(brand.brandId())));
		values.put("keyId", List.of(keyId));
		values.put("token", List.of(consumerToken(inService), consumerToken(waiting)));
		values.put("username", List.of(dispatcherUser));
		values.put("region", List.of("330100"));
		values.put("regionCode", List.of("330106"));
		values.put("type", List.of("INSTALLATION"));
		values.put("serviceType", List.of("INSTALLATION"));
		values.put("date", List.of(DAY.toString()));
		values.put("shiftId", List.of("I" + installerA + "@" + DAY));
		values.put("lat", List.of(Double.toString(LAT)));
		values.put("lng", List.of(Double.toString(LNG)));
		values.put("phone", List.of(phones.get(installerA)));

		List<Fuzzer.Caller> callers = new ArrayList<>(List.of(new Fuzzer.Caller("anonymous", null),
				new Fuzzer.Caller("brand", Map.of("X-Api-Key", brand.apiKey())),
				new Fuzzer.Caller("admin", basic(admin)), new Fuzzer.Caller("dispatcher", basic(dispatcherUser)),
				new Fuzzer.Caller("customer service", basic(service)), new Fuzzer.Caller("ops", basic(opsUser, opsPassword)),
				new Fuzzer.Caller("provider admin", basic(providerAdmin))));
		installer = new Fuzzer.Caller("installer", new HashMap<>(Map.of("Authorization", "Bearer " + tokenA)));
		callers.add(installer);
		return new World(values, callers);
	}

	private Fuzzer.Caller installer;

	/** A generated request may sign the installer out or change their password: sign them in again. */
	private void heal() {
		if (Api.bearer(http, tokenA).get("/mobile/v1/me").status() != 401) {
			return;
		}
		// A suspension or a changed phone cannot be undone here: the installer then stays signed out, which is fine.
		dealerAdmin.put("/api/v1/providers/" + dealerId + "/installers/" + installerA + "/mobile-login",
				Map.of("password", MOBILE_PASSWORD, "providerAdmin", false));
		Api.Reply login = anonymous().post("/mobile/v1/auth/login",
				Map.of("phone", phones.get(installerA), "password", MOBILE_PASSWORD, "deviceName", "fuzz"));
		if (login.status() == 200) {
			tokenA = login.json().get("accessToken").asText();
			installer.headers().put("Authorization", "Bearer " + tokenA);
		}
	}

	private String user(Role role, Long provider) {
		String name = unique(role.name().toLowerCase());
		accounts.createUser(name, PASSWORD, name, Set.of(role), provider, null);
		return name;
	}

	private static Map<String, String> basic(String user) {
		return basic(user, PASSWORD);
	}

	private static Map<String, String> basic(String user, String password) {
		return Map.of("Authorization",
				"Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	/** Booked in a window the consumer was offered, with the dealer's offer open. */
	private long offeredOrder() {
		long id = awaitingOrder();
		String token = consumerToken(id);
		JsonNode window = anonymous().get("/api/v1/consumer/" + token + "/windows").json().get("windows").get(0);
		Api.Reply booked = anonymous().post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", window.get("date").asText(), "window", window.get("window").asText()));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		driver.drainUntil(id, () -> openOffer(id) != null, "an offer");
		return id;
	}

	private long awaitingOrder() {
		Api.Reply reply = brandApi.post("/api/v1/orders", Map.of("externalOrderId", unique("FUZZ"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", "330106", "location", Map.of("lat", LAT, "lng", LNG)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED")));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		long id = reply.json().get("id").asLong();
		driver.instanceOf(id);
		driver.drainUntil(id, () -> status(id).equals("AWAITING_BOOKING"), "booking link sent");
		return id;
	}

	// ----- the wire and the tables -----

	private Fuzzer.Answer send(Fuzzer.Caller caller, RequestGenerator.FuzzRequest request) throws IOException, InterruptedException {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.pathAndQuery()))
			.timeout(Duration.ofSeconds(30));
		if (caller.headers() != null) {
			caller.headers().forEach(builder::header);
		}
		builder.header("Idempotency-Key", "fuzz-" + UUID.randomUUID());
		builder.header("Accept", request.operation().stream() ? "text/event-stream, application/problem+json"
				: "application/json, application/problem+json");
		if (request.body() != null) {
			builder.header("Content-Type", request.contentType());
			builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
		}
		else {
			builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
		String type = response.headers().firstValue("Content-Type").orElse("");
		String text;
		try (InputStream in = response.body()) {
			// An open event stream is judged by its status: reading it would wait for events.
			text = type.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		return new Fuzzer.Answer(response.statusCode(), type, text);
	}

	/** A checksum of every table of the database (MariaDB's CHECKSUM TABLE reads every row). */
	private Map<String, Long> fingerprint() {
		List<String> names = jdbc.queryForList("select table_name from information_schema.tables where table_schema = database()"
				+ " and table_type = 'BASE TABLE'", String.class);
		Map<String, Long> sums = new HashMap<>();
		jdbc.query("checksum table " + String.join(", ", names.stream().map(n -> "`" + n + "`").toList()), row -> {
			String table = row.getString(1);
			sums.put(table.substring(table.indexOf('.') + 1).toLowerCase(), row.getLong(2));
		});
		return sums;
	}

}
