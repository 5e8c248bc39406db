package dev.shifu.platform.workflow;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer's link over real HTTP: replaced, finished and expired links, the rate limits, the language of the
 * messages, and what the tracking view shows while the installer comes.
 */
class ConsumerLinkTests extends LifecycleFixture {

	private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@Test
	void aReissuedLinkReplacesTheOldOneAndOnlyTheOwningBrandSeesTheNewOne() {
		long order = postOrder("ARRIVED");
		String old = consumerToken(order);

		Api.Reply reissued = brandApi.post("/api/v1/consumer-links/" + order + "/reissue", null);

		assertThat(reissued.status()).as(reissued.body()).isEqualTo(200);
		String link = reissued.json().get("consumerLink").asText();
		String fresh = link.substring(link.indexOf("/c/") + 3);
		assertThat(fresh).isNotEqualTo(old).isEqualTo(consumerToken(order));
		Api.Reply oldLink = consumer().get("/api/v1/consumer/" + old);
		assertThat(oldLink.status()).isEqualTo(410);
		assertThat(oldLink.contentType()).startsWith("application/problem+json");
		assertThat(oldLink.json().get("type").asText()).endsWith("/link-revoked");
		assertThat(oldLink.json().get("field").asText()).isEqualTo("token");
		assertThat(consumer().post("/api/v1/consumer/" + old + "/cancel", Map.of("reason", "x")).status()).isEqualTo(410);
		assertThat(consumer().get("/api/v1/consumer/" + fresh).status()).isEqualTo(200);

		Api.Reply byDispatcher = asNewUser(Role.DISPATCHER, null).post("/api/v1/consumer-links/" + order + "/reissue", null);
		assertThat(byDispatcher.status()).isEqualTo(200);
		assertThat(byDispatcher.json().has("consumerLink")).as("staff never see the link").isFalse();
		assertThat(consumer().get("/api/v1/consumer/" + fresh).status()).isEqualTo(410);
		assertThat(asBrand(newBrand()).post("/api/v1/consumer-links/" + order + "/reissue", null).status())
			.as("another tenant's order").isEqualTo(404);
		assertThat(notifications(order).findValuesAsText("template")).contains("LINK_REISSUED");
		assertThat(admin.get("/api/v1/notifications?orderId=" + order).body()).doesNotContain(fresh).doesNotContain(old);
	}

	@Test
	void aFinishedOrdersLinkShowsTheOutcomeAcceptsNothingAndExpires() {
		long order = postOrder("ARRIVED");
		String token = consumerToken(order);
		assertThat(consumer().post("/api/v1/consumer/" + token + "/cancel", Map.of("reason", "changed my mind")).status())
			.isEqualTo(200);

		Api.Reply read = consumer().get("/api/v1/consumer/" + token);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("status").asText()).isEqualTo("CANCELLED");
		assertThat(consumer().get("/api/v1/consumer/" + token + "/tracking").json().get("readOnly").asBoolean()).isTrue();
		Api.Reply book = consumer().post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", TODAY.plusDays(3).toString(), "window", "MORNING"));
		assertThat(book.status()).isEqualTo(409);
		assertThat(book.json().get("type").asText()).endsWith("/link-read-only");
		Api.Reply rate = consumer().post("/api/v1/consumer/" + token + "/rating", Map.of("stars", 5));
		assertThat(rate.status()).as("every context behind the link is read-only").isEqualTo(409);

		// 31 days after the cancellation (the default expiry is 30 days).
		jdbc.update("update order_status_change set changed_at = ? where order_id = ? and to_status = 'CANCELLED'",
				Timestamp.from(Instant.now().minus(31, ChronoUnit.DAYS)), order);
		Api.Reply expired = consumer().get("/api/v1/consumer/" + token);
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.json().get("type").asText()).endsWith("/link-expired");
	}

	/** With the JDK's client: the test's own HTTP client would retry a 429 after its Retry-After by itself. */
	@Test
	void oneLinkGetsAtMostItsLimitPerMinuteThenA429WithRetryAfter() throws Exception {
		String token = "guess" + UUID.randomUUID().toString().replace("-", "");
		java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
		java.util.function.Function<String, java.net.http.HttpResponse<String>> get = t -> {
			try {
				return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
						+ "/api/v1/consumer/" + t)).header("Accept", "application/json").build(),
						java.net.http.HttpResponse.BodyHandlers.ofString());
			}
			catch (java.io.IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		};
		for (int i = 0; i < 100; i++) {
			assertThat(get.apply(token).statusCode()).isEqualTo(404);
		}

		java.net.http.HttpResponse<String> limited = get.apply(token);

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(limited.body()).contains("\"field\":\"token\"");
		assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		assertThat(get.apply("other" + token).statusCode()).as("other links are not limited").isEqualTo(404);
	}

	/** From another loopback address, so the other tests (all from 127.0.0.1) keep their budget. */
	@Test
	void oneAddressWalkingThroughGuessedLinksIsLimited() throws Exception {
		InetAddress client = InetAddress.getByName("127.0.0." + (10 + (int) (ProcessHandle.current().pid() % 200)));
		int lastStatus = 0;
		String retryAfter = null;
		String contentType = null;
		int sent = 0;
		// Tomcat closes a keep-alive connection after 100 requests: a new connection (same address) every 90.
		while (sent < 1500 && lastStatus != 429) {
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, client, 0)) {
				OutputStream out = socket.getOutputStream();
				BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
				for (int i = 0; i < 90 && sent < 1500 && lastStatus != 429; i++, sent++) {
					out.write(("HEAD /c/guess-" + sent + "-" + UUID.randomUUID() + " HTTP/1.1\r\nHost: localhost\r\n"
							+ "\r\n").getBytes(StandardCharsets.US_ASCII));
					out.flush();
					lastStatus = Integer.parseInt(in.readLine().split(" ")[1]);
					for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
						String lower = header.toLowerCase();
						if (lower.startsWith("retry-after:")) {
							retryAfter = header.substring(12).trim();
						}
						if (lower.startsWith("content-type:")) {
							contentType = header.substring(13).trim();
						}
					}
					// HEAD: headers only.
				}
			}
		}
		// The limit (500 a minute in tests) is reached even if its minute turned over once during the walk.
		assertThat(sent).isGreaterThanOrEqualTo(500);
		assertThat(lastStatus).isEqualTo(429);
		assertThat(retryAfter).isNotNull();
		assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
		assertThat(contentType).startsWith("application/problem+json");
		// The same address's next call, read whole: the problem names what was limited (the address, not a link).
		String refused;
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, client, 0)) {
			socket.getOutputStream().write(("GET /api/v1/consumer/guess-" + UUID.randomUUID() + " HTTP/1.1\r\n"
					+ "Host: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			refused = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(refused).startsWith("HTTP/1.1 429").containsIgnoringCase("content-type: application/problem+json")
			.containsIgnoringCase("retry-after:").contains("\"field\":\"address\"").contains("too-many-requests");
	}

	@Test
	void eachMessageGoesOutWhollyInTheOrdersLanguageAndBothAreRecorded() {
		long english = postOrder("ARRIVED", "en");
		JsonNode link = first(english, "BOOKING_LINK", "SMS");
		assertThat(link.get("locale").asText()).isEqualTo("en");
		assertThat(link.get("text").asText()).startsWith("[Shifu]").doesNotContainPattern(CJK);
		assertThat(link.get("textZh").asText()).startsWith("【师傅】");

		// No language from the brand: the consumer's browser decides for later messages.
		long browser = postOrder("ARRIVED", null);
		assertThat(first(browser, "BOOKING_LINK", "SMS").get("locale").asText()).isEqualTo("zh-CN");
		HttpHeaders headers = new HttpHeaders();
		headers.set("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5");
		assertThat(http.exchange("/api/v1/consumer/" + consumerToken(browser), HttpMethod.GET, new HttpEntity<>(headers),
				String.class).getStatusCode().value()).isEqualTo(200);
		book(browser, TODAY.plusDays(3));
		driver.drainUntil(browser, () -> has(browser, "BOOKING_CONFIRMED"), "booking confirmed");
		JsonNode confirmed = first(browser, "BOOKING_CONFIRMED", "SMS");
		assertThat(confirmed.get("locale").asText()).isEqualTo("en");
		assertThat(confirmed.get("text").asText()).contains(TODAY.plusDays(3).toString()).doesNotContainPattern(CJK)
			.contains("/c/******");
	}

	@Test
	void theTrackingViewShowsTheStepsWhoComesAndAnEtaThatFollowsThePosition() {
		long order = postOrder("ARRIVED");
		String token = consumerToken(order);
		book(order, TODAY.plusDays(2));
		dispatchToDealer(order);
		assertThat(consumer().get("/api/v1/consumer/" + token).json().has("verificationCode"))
			.as("no code before the visit's day").isFalse();

		driver.fireTimer(order, "InstallationDayTimer");
		assertThat(jobEvent(order, Map.of("type", "EN_ROUTE")).status()).isEqualTo(200);
		Api.Reply position = dealerAdmin.post("/api/v1/providers/" + dealerId + "/jobs/" + order + "/position",
				Map.of("position", Map.of("lat", 30.30, "lng", 120.15)));
		assertThat(position.status()).as(position.body()).isEqualTo(204);
		assertThat(asNewUser(Role.PROVIDER_ADMIN, addProvider("THIRD_PARTY", "330106", Map.of("INSTALLATION", 5)))
			.post("/api/v1/providers/" + dealerId + "/jobs/" + order + "/position",
					Map.of("position", Map.of("lat", 30.30, "lng", 120.15))).status())
			.as("another provider's admin").isEqualTo(404);

		// Until the accept reached the plan, the job may still be pencilled in on another provider's installer (a
		// solo installer of another test's brand covers the district too): the page names nobody then, never them.
		JsonNode tracking = null;
		for (int i = 0; i < 300 && (tracking == null || !tracking.path("installer").isObject()); i++) {
			tracking = consumer().get("/api/v1/consumer/" + token + "/tracking").json().get("tracking");
			assertThat(tracking.path("installer").path("firstName").asText("师")).as("only the dealer's installer").isEqualTo("师");
			sleep();
		}
		assertThat(tracking.get("steps").findValuesAsText("status")).contains("AWAITING_BOOKING", "BOOKED", "SCHEDULED",
				"IN_SERVICE", "EN_ROUTE");
		assertThat(tracking.get("steps").findValuesAsText("at")).allMatch(at -> !at.isBlank());
		JsonNode installer = tracking.get("installer");
		assertThat(installer.get("firstName").asText()).isEqualTo("师");
		assertThat(installer.get("latinName").asText()).as("the English page's Installer Shi").isEqualTo("Shi");
		assertThat(tracking.get("zoneId").asText()).as("step times on the region's clock").isEqualTo("Asia/Shanghai");
		assertThat(installer.get("crewSize").asInt()).isEqualTo(1);
		String phone = installerPhones.get(dealerInstallerId);
		assertThat(installer.get("phone").asText()).isNotEqualTo(phone).contains("****").endsWith(phone.substring(7));
		assertThat(tracking.get("eta").get("source").asText()).isEqualTo("POSITION");
		assertThat(tracking.get("eta").get("window").asText()).matches("\\d{2}:\\d{2}-\\d{2}:\\d{2}");
		assertThat(consumer().get("/api/v1/consumer/" + token).json().get("verificationCode").asText()).hasSize(6);
		driver.drainUntil(order, () -> has(order, "INSTALLER_EN_ROUTE"), "en-route message");

		for (String step : List.of("ARRIVED", "STARTED")) {
			assertThat(jobEvent(order, Map.of("type", step)).status()).isEqualTo(200);
		}
		assertThat(jobEvent(order, Map.of("type", "COMPLETED", "verificationCode", verificationCode(order))).status())
			.isEqualTo(200);
		assertThat(consumer().get("/api/v1/consumer/" + token).json().has("verificationCode")).as("none after completion")
			.isFalse();
		driver.drainUntil(order, () -> has(order, "SERVICE_COMPLETED"), "completion message");
	}

	@Test
	void aRatingIsOneToFiveOnceBoundedAndAScriptInItStaysText() {
		long order = postOrder("ARRIVED");
		String token = consumerToken(order);
		book(order, TODAY.plusDays(2));
		dispatchToDealer(order);
		serve(order);
		String rating = "/api/v1/consumer/" + token + "/rating";

		for (int stars : List.of(0, 6)) {
			Api.Reply out = consumer().post(rating, Map.of("stars", stars));
			assertThat(out.status()).isEqualTo(400);
			assertThat(out.json().get("field").asText()).isEqualTo("stars");
		}
		Api.Reply tooLong = consumer().post(rating, Map.of("stars", 4, "comment", "好".repeat(1001)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("field").asText()).isEqualTo("comment");
		assertThat(status(order)).isEqualTo("COMPLETED");

		String script = "<script>window.__pwned=1</script><img src=x onerror=alert(1)>";
		Api.Reply rated = consumer().post(rating, Map.of("stars", 1, "tags", List.of("LATE"), "comment", script));
		assertThat(rated.status()).as(rated.body()).isEqualTo(200);
		assertThat(rated.json().get("comment").asText()).isEqualTo(script);
		Api.Reply twice = consumer().post(rating, Map.of("stars", 5));
		assertThat(twice.status()).isEqualTo(409);
		driver.drainUntil(order, () -> admin.get("/api/v1/complaints?orderId=" + order).json().size() > 0, "a complaint");

		Api.Reply complaints = asNewUser(Role.CUSTOMER_SERVICE, null).get("/api/v1/complaints?orderId=" + order);
		assertThat(complaints.contentType()).startsWith("application/json");
		assertThat(complaints.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(complaints.json().get(0).get("details").asText()).contains(script);
		assertThat(complaints.body()).as("the staff view's bytes hold no markup: HTML-inert wherever it is pasted")
			.doesNotContain("<script>").doesNotContain("<img");
	}

	private long postOrder(String goods, String locale) {
		Map<String, Object> consumer = new java.util.HashMap<>(Map.of("name", "Li Na", "phone", "13812345678",
				"address", "杭州市西湖区文三路 90 号", "regionCode", "330106", "location", Map.of("lat", 30.2765, "lng", 120.1229)));
		if (locale != null) {
			consumer.put("locale", locale);
		}
		Api.Reply reply = brandApi.post("/api/v1/orders", Map.of("externalOrderId", unique("LANG"), "consumer", consumer,
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "goods", Map.of("status", goods)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		long id = reply.json().get("id").asLong();
		driver.instanceOf(id);
		driver.drainUntil(id, () -> status(id).equals("AWAITING_BOOKING") && has(id, "BOOKING_LINK"), "booking link sent");
		return id;
	}

	private boolean has(long order, String template) {
		return notifications(order).findValuesAsText("template").contains(template);
	}

	private JsonNode first(long order, String template, String channel) {
		for (JsonNode n : notifications(order)) {
			if (n.get("template").asText().equals(template) && n.get("channel").asText().equals(channel)) {
				return n;
			}
		}
		throw new AssertionError("no " + template + " on " + channel + " for order " + order);
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
