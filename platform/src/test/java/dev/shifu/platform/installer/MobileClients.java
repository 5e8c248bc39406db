package dev.shifu.platform.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.mobile.client.ApiClient;
import dev.shifu.mobile.client.api.AuthApi;
import dev.shifu.mobile.client.model.PasswordLogin;
import dev.shifu.mobile.client.model.TokenPair;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;

/**
 * The generated Java client of {@code mobile-api/openapi.yaml} against the running app, and a provider with
 * installers who have a mobile sign-in (given through the provider API).
 */
abstract class MobileClients extends PlatformIntegrationTest {

	static final String MOBILE_PASSWORD = "installer-secret-1";

	private static final AtomicInteger PHONES = new AtomicInteger();

	@LocalServerPort
	int port;

	Api admin;

	/** The generated client, without a token. */
	ApiClient client() {
		ApiClient client = new ApiClient();
		client.setBasePath("http://localhost:" + port + "/mobile/v1");
		return client;
	}

	/** The generated client carrying the access token. */
	ApiClient client(String accessToken) {
		ApiClient client = client();
		client.setBearerToken(accessToken);
		return client;
	}

	TokenPair login(String phone) {
		return new AuthApi(client()).login(new PasswordLogin().phone(phone).password(MOBILE_PASSWORD).deviceName("test"));
	}

	long newProvider(String type, Long brandId) {
		if (admin == null) {
			admin = asNewUser(Role.ADMIN, null);
		}
		Map<String, Object> request = new java.util.HashMap<>(Map.of("name", unique(type), "type", type,
				"contactPhone", "0571-88004321", "coverage", Map.of("regionCodes", List.of("330106"), "centre", Map.of("lat", 30.25, "lng", 120.15), "radiusKm", 30),
				"dailyCapacity", Map.of("INSTALLATION", 20)));
		if (brandId != null) {
			request.put("brandId", brandId);
		}
		Api.Reply reply = admin.post("/api/v1/providers", request);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asLong();
	}

	/** Each added installer's phone as sent. */
	final Map<Long, String> phones = new java.util.HashMap<>();

	/** An installer every day 08:00-18:00 with doors, measuring and repairs, given a mobile password. */
	long newInstaller(long providerId, String name, boolean providerAdmin) {
		return newInstaller(providerId, name, providerAdmin, Map.of("crewSize", 1));
	}

	/** As {@link #newInstaller(long, String, boolean)}, with the given fields of the installer record replaced. */
	long newInstaller(long providerId, String name, boolean providerAdmin, Map<String, Object> fields) {
		Api.Reply reply = addInstaller(providerId, name, fields);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		long id = reply.json().get("id").asLong();
		Api providerAdminUser = asNewUser(Role.PROVIDER_ADMIN, providerId);
		Api.Reply login = providerAdminUser.put("/api/v1/providers/" + providerId + "/installers/" + id + "/mobile-login",
				Map.of("password", MOBILE_PASSWORD, "providerAdmin", providerAdmin));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return id;
	}

	/**
	 * Posts an installer record (every day 08:00-18:00 unless the fields say otherwise) without a mobile sign-in; a
	 * created one's phone as sent goes into {@link #phones}.
	 */
	Api.Reply addInstaller(long providerId, String name, Map<String, Object> fields) {
		List<Map<String, String>> everyDay = new ArrayList<>();
		for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
			everyDay.add(Map.of("day", day.name(), "start", "08:00", "end", "18:00"));
		}
		String phone = String.format("135%08d", (ProcessHandle.current().pid() % 1000) * 100000 + PHONES.incrementAndGet());
		Map<String, Object> request = new java.util.HashMap<>(Map.of("name", name, "phone", phone,
				"skills", List.of("DOOR", "MEASURING", "REPAIR"), "homeBase", Map.of("lat", 30.28, "lng", 120.12),
				"shifts", everyDay, "crewSize", 1));
		request.putAll(fields);
		if (admin == null) {
			admin = asNewUser(Role.ADMIN, null);
		}
		Api.Reply reply = admin.post("/api/v1/providers/" + providerId + "/installers", request);
		if (reply.status() == 201) {
			phones.put(reply.json().get("id").asLong(), phone);
		}
		return reply;
	}

}
