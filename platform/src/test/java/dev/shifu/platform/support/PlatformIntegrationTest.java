package dev.shifu.platform.support;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.identity.BrandAccounts;
import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;

/**
 * The whole app on a random port with real HTTP. Tests share one context per database, so every fixture gets
 * unique names instead of relying on an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(AwayFromMidnight.class)
public abstract class PlatformIntegrationTest {

	protected static final String PASSWORD = "correct-horse-battery";

	@Autowired
	protected TestRestTemplate http;

	@Autowired
	protected BrandAccounts accounts;

	@Autowired
	private StaffRegions staffRegionsOfTests;

	@Autowired
	private Regions regionsOfTests;

	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	protected IssuedBrand newBrand() {
		String code = unique("brand");
		return accounts.createBrand(code, "Brand " + code);
	}

	protected Api asBrand(IssuedBrand brand) {
		return Api.brand(http, brand.apiKey());
	}

	/** A new platform user with these roles; returns an API client signed in as that user. */
	protected Api asNewUser(Role role, Long providerId) {
		String username = unique(role.name().toLowerCase());
		accounts.createUser(username, PASSWORD, username, Set.of(role), providerId, null);
		if (role == Role.DISPATCHER) {
			inEveryCity(username);
		}
		return Api.user(http, username, PASSWORD);
	}

	/**
	 * Assigns every known city to a dispatcher: regions fail closed, so a dispatcher with none sees nothing. For
	 * tests that need a dispatcher but do not test region limits.
	 */
	protected void inEveryCity(String username) {
		staffRegionsOfTests.assign(username, regionsOfTests.all().stream().map(Regions.Region::code)
			.filter(code -> code.matches("\\d{4}00") && !code.endsWith("0000")).collect(Collectors.toSet()));
	}

	/**
	 * Points the fixture's beans at another running app of the same database, for tests that close their own context
	 * halfway and go on in a restarted one.
	 */
	protected void useBeansOf(org.springframework.context.ApplicationContext app) {
		accounts = app.getBean(BrandAccounts.class);
		staffRegionsOfTests = app.getBean(StaffRegions.class);
		regionsOfTests = app.getBean(Regions.class);
	}

	protected Api anonymous() {
		return Api.anonymous(http);
	}

}
