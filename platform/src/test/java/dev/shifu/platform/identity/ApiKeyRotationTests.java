package dev.shifu.platform.identity;

import org.junit.jupiter.api.Test;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyRotationTests extends PlatformIntegrationTest {

	@Test
	void rotatedKeyWorksAlongsideTheOldOneUntilTheOldOneIsRevoked() {
		IssuedBrand brand = newBrand();
		Api old = asBrand(brand);

		String fresh = old.post("/api/v1/brand/api-keys", null).json().get("apiKey").asText();
		Api renewed = Api.brand(http, fresh);
		assertThat(renewed.get("/api/v1/orders").status()).isEqualTo(200);
		assertThat(old.get("/api/v1/orders").status()).isEqualTo(200);

		String oldKeyId = brand.apiKey().split("_")[1];
		assertThat(renewed.delete("/api/v1/brand/api-keys/" + oldKeyId).status()).isEqualTo(204);

		assertThat(old.get("/api/v1/orders").status()).isEqualTo(401);
		assertThat(renewed.get("/api/v1/orders").status()).isEqualTo(200);
		assertThat(renewed.get("/api/v1/brand/api-keys").json().findValuesAsText("keyId")).contains(oldKeyId);
	}

	@Test
	void theLastActiveKeyCannotBeRevoked() {
		IssuedBrand brand = newBrand();

		Api.Reply reply = asBrand(brand).delete("/api/v1/brand/api-keys/" + brand.apiKey().split("_")[1]);

		assertThat(reply.status()).isEqualTo(409);
	}

	@Test
	void aForgedSecretWithARealKeyIdIsRejected() {
		IssuedBrand brand = newBrand();
		String forged = "sk_" + brand.apiKey().split("_")[1] + "_" + "0".repeat(48);

		assertThat(Api.brand(http, forged).get("/api/v1/orders").status()).isEqualTo(401);
	}

}
