package dev.shifu.platform.webhook.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSigningTests {

	@Test
	void hmacMatchesTheRfc4231TestVector() {
		assertThat(WebhookSigning.hmacSha256Hex("Jefe", "what do ya want for nothing?"))
			.isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void signatureIsVersionedHmacOfTimestampDotBody() {
		String body = "{\"eventId\":\"e-1\"}";

		assertThat(WebhookSigning.signature("whsec_k", 1767225600L, body))
			.isEqualTo("v1=" + WebhookSigning.hmacSha256Hex("whsec_k", "1767225600." + body));
	}

	@Test
	void secretsAreRandomAndTheHintRevealsOnlyTheLastFourCharacters() {
		String one = WebhookSigning.newSecret();
		String two = WebhookSigning.newSecret();

		assertThat(one).matches("whsec_[0-9a-f]{64}").isNotEqualTo(two);
		assertThat(WebhookSigning.hint(one)).isEqualTo("whsec_…" + one.substring(one.length() - 4));
	}

}
