package dev.shifu.platform.support;

import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import dev.shifu.platform.identity.BrandAccounts;
import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;

/**
 * The whole app on a random port with real HTTP. Tests share one context per database, so every fixture gets
 * unique names instead of relying on an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class PlatformIntegrationTest {

	protected static final String PASSWORD = "correct-horse-battery";

	@Autowired
	protected TestRestTemplate http;

	@Autowired
	protected BrandAccounts accounts;

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
		return Api.user(http, username, PASSWORD);
	}

	protected Api anonymous() {
		return Api.anonymous(http);
	}

}
