package dev.shifu.platform.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role against each protected surface: the brand API, the network API, admin APIs, actuator, Camunda REST
 * and Spring Boot Admin. Cross-tenant access by id is a 404, so ids reveal nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests extends PlatformIntegrationTest {

	/** Another app of this JVM that closed may have taken the webapps' delegates with it (CamundaWebapps). */
	@org.junit.jupiter.api.BeforeEach
	void camundaWebappsUp() {
		dev.shifu.platform.support.CamundaWebapps.ensureRuntimeDelegates();
	}

	@Autowired
	private TestRestTemplate rest;

	private final Map<String, HttpHeaders> callers = new HashMap<>();

	private final Map<String, String> ids = new HashMap<>();

	@BeforeAll
	void fixtures() {
		IssuedBrand a = newBrand();
		IssuedBrand b = newBrand();
		callers.put("anonymous", new HttpHeaders());
		callers.put("brandA", apiKey(a.apiKey()));
		callers.put("brandB", apiKey(b.apiKey()));
		callers.put("admin", user(Role.ADMIN, null));
		long own = createProvider(callers.get("admin"));
		long other = createProvider(callers.get("admin"));
		callers.put("dispatcher", user(Role.DISPATCHER, null));
		callers.put("service", user(Role.CUSTOMER_SERVICE, null));
		callers.put("providerAdmin", user(Role.PROVIDER_ADMIN, own));
		callers.put("installer", user(Role.INSTALLER, null));
		HttpHeaders ops = new HttpHeaders();
		ops.setBasicAuth("ops", "ops-test-secret");
		callers.put("ops", ops);
		String order = send("brandA", HttpMethod.POST, "/api/v1/orders", ORDER.formatted("MATRIX-1")).getBody();
		ids.put("{orderA}", order.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
		ids.put("{own}", String.valueOf(own));
		ids.put("{other}", String.valueOf(other));
	}

	private static final String ORDER = """
			{"externalOrderId":"%s","consumer":{"name":"李娜","phone":"13812345678","address":"文三路 90 号",
			"regionCode":"330106","location":{"lat":30.27,"lng":120.12}},
			"items":[{"sku":"DR-1","name":"Door","category":"DOOR","quantity":1}],
			"serviceType":"INSTALLATION","goods":{"status":"ARRIVED"}}""";

	private static final String INSTALLER = """
			{"name":"王师傅","phone":"13911112222","skills":["DOOR"],"homeBase":{"lat":30.28,"lng":120.11},"crewSize":1}""";

	static Stream<Arguments> matrix() {
		String order = ORDER.formatted("MATRIX-2");
		return Stream.of(
				// anonymous: only health, info and the API docs are open
				row("anonymous", "GET", "/api/v1/orders", null, 401),
				row("anonymous", "POST", "/api/v1/orders", order, 401),
				row("anonymous", "GET", "/api/v1/providers", null, 401),
				row("anonymous", "GET", "/api/v1/catalog/service-types", null, 401),
				row("anonymous", "GET", "/actuator/health", null, 200),
				row("anonymous", "GET", "/actuator/info", null, 200),
				row("anonymous", "GET", "/actuator/prometheus", null, 401),
				row("anonymous", "GET", "/actuator/env", null, 401),
				row("anonymous", "GET", "/engine-rest/engine", null, 401),
				row("anonymous", "GET", "/admin/instances", null, 401),
				row("anonymous", "GET", "/camunda/api/engine/engine/", null, 401),
				row("anonymous", "GET", "/v3/api-docs", null, 200),
				// a brand: its own orders, nothing else
				row("brandA", "GET", "/api/v1/orders/{orderA}", null, 200),
				row("brandA", "POST", "/api/v1/orders", order, 201),
				row("brandA", "GET", "/api/v1/catalog/service-types", null, 200),
				row("brandA", "GET", "/api/v1/brand/api-keys", null, 200),
				row("brandA", "GET", "/api/v1/providers", null, 403),
				row("brandA", "POST", "/api/v1/brands", "{\"code\":\"x-brand\",\"name\":\"X\"}", 403),
				row("brandA", "PUT", "/api/v1/catalog/service-types/REPAIR", "{\"defaultDurationMinutes\":60,\"crewSize\":1,\"requiredSkills\":[]}", 403),
				row("brandA", "GET", "/actuator/prometheus", null, 401),
				row("brandA", "GET", "/engine-rest/engine", null, 401),
				// another brand: the order does not exist for it
				row("brandB", "GET", "/api/v1/orders/{orderA}", null, 404),
				row("brandB", "POST", "/api/v1/orders/{orderA}/cancel", "{\"reason\":\"x\"}", 404),
				row("brandB", "POST", "/api/v1/orders/{orderA}/goods-status", "{\"status\":\"ARRIVED\"}", 404),
				row("brandB", "POST", "/api/v1/consumer-links/{orderA}/reissue", null, 404),
				// platform admin
				row("admin", "GET", "/api/v1/orders/{orderA}", null, 200),
				row("admin", "POST", "/api/v1/orders", order, 403),
				row("admin", "GET", "/api/v1/providers/{other}", null, 200),
				row("admin", "GET", "/api/v1/brands", null, 200),
				row("admin", "GET", "/actuator/metrics", null, 200),
				row("admin", "GET", "/actuator/prometheus", null, 200),
				row("admin", "GET", "/engine-rest/engine", null, 200),
				row("admin", "GET", "/admin/instances", null, 200),
				row("admin", "GET", "/camunda/api/engine/engine/", null, 200),
				// dispatcher: reads everything operational, administers nothing
				row("dispatcher", "GET", "/api/v1/orders/{orderA}", null, 200),
				row("dispatcher", "POST", "/api/v1/orders/{orderA}/cancel", "{\"reason\":\"x\"}", 403),
				row("dispatcher", "GET", "/api/v1/providers", null, 200),
				row("dispatcher", "POST", "/api/v1/providers/{own}/installers", INSTALLER, 403),
				row("dispatcher", "GET", "/api/v1/brands", null, 403),
				row("dispatcher", "GET", "/actuator/prometheus", null, 403),
				row("dispatcher", "GET", "/engine-rest/engine", null, 403),
				row("dispatcher", "GET", "/admin/instances", null, 403),
				row("dispatcher", "GET", "/camunda/api/engine/engine/", null, 200),
				// customer service
				row("service", "GET", "/api/v1/orders/{orderA}", null, 200),
				row("service", "GET", "/api/v1/providers", null, 403),
				row("service", "POST", "/api/v1/consumer-links/{orderA}/reissue", null, 403),
				// provider admin: its own provider and installers
				row("providerAdmin", "GET", "/api/v1/orders", null, 403),
				row("providerAdmin", "GET", "/api/v1/providers/{own}", null, 200),
				row("providerAdmin", "GET", "/api/v1/providers/{other}", null, 404),
				row("providerAdmin", "POST", "/api/v1/providers/{other}/installers", INSTALLER, 404),
				row("providerAdmin", "POST", "/api/v1/providers/{own}/suspend", null, 403),
				row("providerAdmin", "POST", "/api/v1/consumer-links/{orderA}/reissue", null, 403),
				row("providerAdmin", "POST", "/api/v1/providers/{own}/jobs/{orderA}/position", "{\"position\":{\"lat\":30.2,\"lng\":120.1}}", 404),
				row("providerAdmin", "GET", "/actuator/prometheus", null, 403),
				row("providerAdmin", "GET", "/camunda/api/engine/engine/", null, 403),
				// installer role is prepared for the mobile API and reaches nothing here yet
				row("installer", "GET", "/api/v1/orders", null, 403),
				row("installer", "GET", "/api/v1/providers", null, 403),
				// operations account: actuator and Spring Boot Admin only
				row("ops", "GET", "/actuator/metrics", null, 200),
				row("ops", "GET", "/actuator/prometheus", null, 200),
				row("ops", "GET", "/actuator/health", null, 200),
				row("ops", "GET", "/admin/instances", null, 200),
				row("ops", "GET", "/api/v1/orders", null, 403),
				row("ops", "GET", "/engine-rest/engine", null, 403));
	}

	@ParameterizedTest(name = "{0} {1} {2} -> {4}")
	@MethodSource("matrix")
	void eachRoleReachesOnlyWhatItMay(String caller, String method, String path, String body, int expected) {
		String resolved = path;
		for (var id : ids.entrySet()) {
			resolved = resolved.replace(id.getKey(), id.getValue());
		}
		var response = send(caller, HttpMethod.valueOf(method), resolved, body);

		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(expected);
		if (expected >= 400 && resolved.startsWith("/api/")) {
			assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		}
	}

	private static Arguments row(String caller, String method, String path, String body, int expected) {
		return Arguments.of(caller, method, path, body, expected);
	}

	private org.springframework.http.ResponseEntity<String> send(String caller, HttpMethod method, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(callers.get(caller));
		// Like a script would: JSON preferred, anything else accepted (Prometheus answers text).
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON,
				MediaType.parseMediaType("*/*;q=0.1")));
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	private long createProvider(HttpHeaders admin) {
		String body = """
				{"name":"Swift","type":"THIRD_PARTY","coverage":{"regionCodes":["330106"]},"dailyCapacity":{"INSTALLATION":5}}""";
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(admin);
		headers.setContentType(MediaType.APPLICATION_JSON);
		String created = rest.exchange("/api/v1/providers", HttpMethod.POST, new HttpEntity<>(body, headers), String.class).getBody();
		return Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
	}

	private static HttpHeaders apiKey(String key) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Api-Key", key);
		return headers;
	}

	private HttpHeaders user(Role role, Long providerId) {
		String username = unique(role.name().toLowerCase());
		accounts.createUser(username, PASSWORD, username, java.util.Set.of(role), providerId, null);
		if (role == Role.DISPATCHER) {
			inEveryCity(username);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(username, PASSWORD);
		return headers;
	}

}
