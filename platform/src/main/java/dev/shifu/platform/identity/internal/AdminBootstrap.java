package dev.shifu.platform.identity.internal;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.shifu.platform.identity.Role;

/** First start of a real environment: the admin comes from SHIFU_ADMIN_USERNAME / SHIFU_ADMIN_PASSWORD. */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AccountService identity;

	private final String username;

	private final String password;

	AdminBootstrap(AccountService identity, @Value("${SHIFU_ADMIN_USERNAME:admin}") String username,
			@Value("${SHIFU_ADMIN_PASSWORD:}") String password) {
		this.identity = identity;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (password.isBlank() || identity.anyAdmin()) {
			return;
		}
		identity.createUser(username, password, "Administrator", Set.of(Role.ADMIN), null, null);
		log.info("Created the first admin user '{}' from SHIFU_ADMIN_PASSWORD", username);
	}

}
