package dev.shifu.platform.shared;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title, version and security: a brand's API key, a user's basic credentials and bearer tokens
 * (for the installer app to come) are declared as schemes and applied to every operation, so Swagger UI's "Authorize"
 * sends them. The consumer's link needs none: its token is in the path.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

	static final String API_KEY = "apiKey";

	static final String BASIC = "basic";

	static final String BEARER = "bearer";

	private static final String CONSUMER_PATHS = "/api/v1/consumer/";

	@Bean
	OpenAPI shifuOpenApi(@Value("${info.app.version:unknown}") String version) {
		return new OpenAPI()
			.info(new Info().title("Shifu platform API")
				.version(version)
				.description("After-sales service orders, the installer network, dispatch, schedules and the "
						+ "consumer's link. Errors are RFC 9457 problem+json naming the field."))
			.components(new Components()
				.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.HEADER)
					.name("X-Api-Key")
					.description("A brand's API key, e.g. sk_demomulan_… (rotate under /api/v1/brand/api-keys)"))
				.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("basic")
					.description("A platform user: admin, dispatcher, customer service, provider admin"))
				.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("JWT")
					.description("A signed token, for installers' mobile clients")));
	}

	/** Any one of the schemes will do (OpenAPI: each requirement in the list is an alternative). */
	@Bean
	GlobalOpenApiCustomizer securityOnEveryOperation() {
		List<SecurityRequirement> anyScheme = List.of(new SecurityRequirement().addList(API_KEY),
				new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER));
		return api -> {
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
				operation.setSecurity(path.startsWith(CONSUMER_PATHS) ? List.of() : anyScheme);
			}));
		};
	}

}
