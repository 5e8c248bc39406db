package dev.shifu.platform.identity.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * No operations password is committed for real profiles: when none is configured, a random one is made for this
 * run, so Spring Boot Admin can still register and read actuator inside the same process.
 */
class OpsPasswordDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String configured = environment.getProperty("shifu.ops.password");
		if (configured == null || configured.isBlank()) {
			byte[] secret = new byte[18];
			new SecureRandom().nextBytes(secret);
			environment.getPropertySources()
				.addFirst(new MapPropertySource("shifuGeneratedOpsPassword",
						Map.of("shifu.ops.password", HexFormat.of().formatHex(secret))));
		}
	}

}
