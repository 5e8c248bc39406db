package dev.shifu.platform.webhook.internal;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.shifu.platform.shared.InvalidFieldException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookUrlsTests {

	private final WebhookUrls production = new WebhookUrls(false);

	private final WebhookUrls local = new WebhookUrls(true);

	@ParameterizedTest
	@ValueSource(strings = { "https://hooks.example.com/shifu", "http://hooks.example.com:8080/a?b=c",
			"HTTPS://hooks.example.com", "https://203.0.113.10/hook" })
	void publicHttpAndHttpsUrlsAreAccepted(String url) {
		assertThat(production.check(url)).isEqualTo(URI.create(url));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:9000/hook", "http://localhost/hook", "https://10.1.2.3/",
			"https://192.168.0.8/", "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://0.0.0.0/",
			"http://[fd00::1]/", "http://api.localhost/" })
	void privateLoopbackAndLinkLocalAddressesAreRefusedInProduction(String url) {
		assertThatThrownBy(() -> production.check(url)).isInstanceOfSatisfying(InvalidFieldException.class,
				ex -> assertThat(ex.errors().get(0).field()).isEqualTo("url"));
		assertThat(local.check(url)).as("allowed when private networks are").isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:9000/hook", "http://localhost:8080/" })
	void sendingToAPrivateAddressIsRefusedBeforeConnecting(String url) {
		assertThat(production.refusal(URI.create(url))).get().asString().startsWith("refused");
		assertThat(local.refusal(URI.create(url))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://hooks.example.com/", "mailto:ops@example.com", "hooks.example.com/shifu",
			"https://hooks.example.com/#frag", "https://hooks.example.com:0/", "https://u:p@hooks.example.com/" })
	void otherSchemesAndOddUrlsAreRefusedNamingUrl(String url) {
		assertThatThrownBy(() -> local.check(url)).isInstanceOfSatisfying(InvalidFieldException.class,
				ex -> assertThat(ex.errors().get(0).field()).isEqualTo("url"));
	}

}
