package dev.shifu.platform.shared;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document as Swagger UI reads it. */
class ApiDocsTests extends PlatformIntegrationTest {

	@Test
	void declaresTheThreeSecuritySchemesAndAppliesThemToOperations() {
		JsonNode doc = anonymous().get("/v3/api-docs").json();

		JsonNode schemes = doc.at("/components/securitySchemes");
		assertThat(schemes.at("/apiKey/type").asText()).isEqualTo("apiKey");
		assertThat(schemes.at("/apiKey/in").asText()).isEqualTo("header");
		assertThat(schemes.at("/apiKey/name").asText()).isEqualTo("X-Api-Key");
		assertThat(schemes.at("/basic/scheme").asText()).isEqualTo("basic");
		assertThat(schemes.at("/bearer/scheme").asText()).isEqualTo("bearer");
		JsonNode postOrder = doc.at("/paths/~1api~1v1~1orders/post/security");
		assertThat(postOrder.toString()).contains("\"apiKey\"", "\"basic\"", "\"bearer\"");
		assertThat(doc.at("/paths/~1api~1v1~1schedules/get/security").toString()).contains("\"basic\"");
		assertThat(doc.at("/paths/~1api~1v1~1consumer~1{token}/get/security").isArray()).isTrue();
		assertThat(doc.at("/paths/~1api~1v1~1consumer~1{token}/get/security")).as("the link's token is the credential")
			.isEmpty();
	}

	@Test
	void hasARealTitleAndTheBuildVersion() {
		JsonNode info = anonymous().get("/v3/api-docs").json().get("info");

		assertThat(info.get("title").asText()).isEqualTo("Shifu platform API");
		assertThat(info.get("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*").isNotEqualTo("v0");
	}

}
