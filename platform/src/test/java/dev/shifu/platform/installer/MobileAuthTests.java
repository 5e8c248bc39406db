package dev.shifu.platform.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.client.RestClientResponseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.shifu.mobile.client.api.AuthApi;
import dev.shifu.mobile.client.api.ProfileApi;
import dev.shifu.mobile.client.model.CodeLogin;
import dev.shifu.mobile.client.model.CodeRequest;
import dev.shifu.mobile.client.model.Me;
import dev.shifu.mobile.client.model.PasswordLogin;
import dev.shifu.mobile.client.model.RefreshRequest;
import dev.shifu.mobile.client.model.TokenPair;
import dev.shifu.platform.support.Api;

/** Installer sign-in through the generated client: passwords, one-time codes, refresh rotation, lock-outs. */
class MobileAuthTests extends MobileClients {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JwtEncoder jwt;

	long providerId;

	long installerId;

	String phone;

	@BeforeEach
	void installer() {
		providerId = newProvider("THIRD_PARTY", null);
		installerId = newInstaller(providerId, "王师傅", false);
		phone = phones.get(installerId);
	}

	@Test
	void passwordLoginGivesAShortLivedTokenForMe() {
		TokenPair tokens = login(phone);
		assertThat(tokens.getTokenType()).isEqualTo(TokenPair.TokenTypeEnum.BEARER);
		assertThat(tokens.getExpiresInSeconds()).isBetween(60, 3600);

		Me me = new ProfileApi(client(tokens.getAccessToken())).getMe();
		assertThat(me.getId()).isEqualTo(installerId);
		assertThat(me.getName()).isEqualTo("王师傅");
		assertThat(me.getProvider().getId()).isEqualTo(providerId);
		assertThat(me.getSkills()).containsExactly("DOOR", "MEASURING", "REPAIR");
		assertThat(me.getCanAnswerOffers()).as("works alone").isTrue();
		assertThat(me.getTodayShift().getStart()).isEqualTo("08:00");

		assertStatus(() -> new AuthApi(client()).login(new PasswordLogin().phone(phone).password("wrong-password-9")), 401);
		assertStatus(() -> new ProfileApi(client()).getMe(), 401);
	}

	@Test
	void refreshTokensRotateAndAReusedOneRevokesTheSession() {
		TokenPair first = login(phone);
		TokenPair second = new AuthApi(client()).refresh(new RefreshRequest().refreshToken(first.getRefreshToken()));
		assertThat(second.getRefreshToken()).isNotEqualTo(first.getRefreshToken());
		assertThat(new ProfileApi(client(second.getAccessToken())).getMe().getId()).isEqualTo(installerId);

		// The first refresh token again: a copy is about, so the whole session ends, for the rightful holder too.
		assertStatus(() -> new AuthApi(client()).refresh(new RefreshRequest().refreshToken(first.getRefreshToken())), 401);
		assertStatus(() -> new ProfileApi(client(second.getAccessToken())).getMe(), 401);
		assertStatus(() -> new AuthApi(client()).refresh(new RefreshRequest().refreshToken(second.getRefreshToken())), 401);

		// Another session of the same installer is not touched.
		TokenPair other = login(phone);
		assertThat(new ProfileApi(client(other.getAccessToken())).getMe().getId()).isEqualTo(installerId);
		assertThat(jdbc.queryForObject("select count(*) from installer_refresh_token where token_hash = ?", Integer.class,
				first.getRefreshToken())).as("only hashes are stored").isZero();
	}

	@Test
	void logoutEndsTheSession() {
		TokenPair tokens = login(phone);
		new AuthApi(client(tokens.getAccessToken())).logout();
		assertStatus(() -> new ProfileApi(client(tokens.getAccessToken())).getMe(), 401);
		assertStatus(() -> new AuthApi(client()).refresh(new RefreshRequest().refreshToken(tokens.getRefreshToken())), 401);
	}

	@Test
	void oneTimeCodeComesThroughTheOutboxAndWorksOnce() {
		new AuthApi(client()).requestCode(new CodeRequest().phone(phone));
		String text = jdbc.queryForObject("select text_en from notification where recipient = ? order by id desc limit 1",
				String.class, "+86" + phone);
		Matcher digits = Pattern.compile("(\\d{6})").matcher(text);
		assertThat(digits.find()).as(text).isTrue();
		String code = digits.group(1);
		String shown = jdbc.queryForObject("select shown_en from notification where recipient = ? order by id desc limit 1",
				String.class, "+86" + phone);
		assertThat(shown).as("staff views and logs see the code masked").doesNotContain(code);

		String wrong = code.equals("000000") ? "111111" : "000000";
		assertStatus(() -> new AuthApi(client()).loginWithCode(new CodeLogin().phone(phone).code(wrong)), 401);
		TokenPair tokens = new AuthApi(client()).loginWithCode(new CodeLogin().phone(phone).code(code));
		assertThat(new ProfileApi(client(tokens.getAccessToken())).getMe().getId()).isEqualTo(installerId);
		assertStatus(() -> new AuthApi(client()).loginWithCode(new CodeLogin().phone(phone).code(code)), 401);

		// An unknown phone gets the same answer and no message.
		// (Other tests of this context may message the same number as a consumer, so count what this request adds.)
		String unknown = "13900000001";
		String countCodes = "select count(*) from notification where recipient = ? and template = 'INSTALLER_LOGIN_CODE'";
		Integer before = jdbc.queryForObject(countCodes, Integer.class, "+86" + unknown);
		new AuthApi(client()).requestCode(new CodeRequest().phone(unknown));
		assertThat(jdbc.queryForObject(countCodes, Integer.class, "+86" + unknown)).isEqualTo(before);
	}

	@Test
	void anExpiredTokenIsA401Problem() throws Exception {
		TokenPair tokens = login(phone);
		String sid = jdbc.queryForObject("select id from installer_session where installer_id = ? order by created_at desc limit 1",
				String.class, installerId);
		Instant past = Instant.now().minusSeconds(3600);
		String expired = jwt.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
				JwtClaimsSet.builder().subject(String.valueOf(installerId)).issuedAt(past.minusSeconds(900))
					.expiresAt(past).claim("sid", sid).build())).getTokenValue();
		RestClientResponseException ex = assertStatus(() -> new ProfileApi(client(expired)).getMe(), 401);
		assertThat(ex.getResponseHeaders().getContentType().toString()).startsWith("application/problem+json");
		JsonNode problem = new ObjectMapper().readTree(ex.getResponseBodyAsString());
		assertThat(problem.get("type").asText()).endsWith("/invalid-token");
		assertThat(ex.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		assertThat(new ProfileApi(client(tokens.getAccessToken())).getMe().getId()).isEqualTo(installerId);
	}

	@Test
	void suspendedInstallersAndProvidersAreLockedOutAtOnce() {
		TokenPair tokens = login(phone);
		assertThat(admin.post("/api/v1/providers/" + providerId + "/installers/" + installerId + "/suspend", null).status())
			.isEqualTo(200);
		assertStatus(() -> new ProfileApi(client(tokens.getAccessToken())).getMe(), 401);
		assertStatus(() -> login(phone), 401);
		assertThat(admin.post("/api/v1/providers/" + providerId + "/installers/" + installerId + "/activate", null).status())
			.isEqualTo(200);
		assertThat(new ProfileApi(client(tokens.getAccessToken())).getMe().getId()).isEqualTo(installerId);

		assertThat(admin.post("/api/v1/providers/" + providerId + "/suspend", null).status()).isEqualTo(200);
		assertStatus(() -> new ProfileApi(client(tokens.getAccessToken())).getMe(), 401);
		assertStatus(() -> new AuthApi(client()).refresh(new RefreshRequest().refreshToken(tokens.getRefreshToken())), 401);
	}

	@Test
	void anInstallerTokenOpensNoStaffOrBrandEndpoint() {
		TokenPair tokens = login(phone);
		for (String path : new String[] { "/api/v1/orders", "/api/v1/brand/webhook", "/api/v1/providers", "/engine-rest/task" }) {
			Api.Reply reply = Api.anonymous(http).get(path);
			org.springframework.http.ResponseEntity<String> withToken = http.exchange(
					org.springframework.http.RequestEntity.get(java.net.URI.create(path))
						.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.getAccessToken())
						.build(), String.class);
			assertThat(withToken.getStatusCode().value()).as(path).isEqualTo(401).isEqualTo(reply.status());
		}
	}

	@Test
	void failedSignInsArePerPhoneLimitedWithA429AndRetryAfterEvenForTheRightPassword() throws Exception {
		java.net.InetAddress from = loopback(20);
		String body = "{\"phone\":\"" + phone + "\",\"password\":\"wrong-password-9\"}";
		for (int i = 0; i < 5; i++) {
			assertThat(raw(from, "/mobile/v1/auth/login", body).status()).isEqualTo(401);
		}

		Raw limited = raw(from, "/mobile/v1/auth/login",
				"{\"phone\":\"" + phone + "\",\"password\":\"" + MOBILE_PASSWORD + "\"}");

		assertThat(limited.status()).as(limited.body()).isEqualTo(429);
		assertThat(limited.headers()).containsKey("content-type");
		assertThat(limited.headers().get("content-type")).startsWith("application/problem+json");
		assertThat(limited.body()).contains("\"field\":\"phone\"");
		assertThat(Long.parseLong(limited.headers().get("retry-after"))).isBetween(1L, 15 * 60L + 1);
		// one-time codes are behind the same budget of the phone
		assertThat(raw(from, "/mobile/v1/auth/code/login", "{\"phone\":\"" + phone + "\",\"code\":\"123456\"}")
			.status()).isEqualTo(429);
		// another installer's phone is not limited
		long other = newInstaller(providerId, "李师傅", false);
		assertThat(raw(from, "/mobile/v1/auth/login", "{\"phone\":\"" + phones.get(other) + "\",\"password\":\""
				+ MOBILE_PASSWORD + "\"}").status()).isEqualTo(200);
	}

	@Test
	void oneAddressTryingManyPhonesAndRequestingManyCodesIsLimited() throws Exception {
		java.net.InetAddress from = loopback(40);
		int status = 0;
		int sent = 0;
		while (sent < 25 && status != 429) {
			// unknown phones: each one a failure of that address
			status = raw(from, "/mobile/v1/auth/login", "{\"phone\":\"13900" + String.format("%06d", sent++)
					+ "\",\"password\":\"guess-guess-1\"}").status();
		}
		assertThat(sent).as("20 failures an address, then 429").isEqualTo(21);
		Raw limited = raw(from, "/mobile/v1/auth/login", "{\"phone\":\"" + phone + "\",\"password\":\""
				+ MOBILE_PASSWORD + "\"}");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.body()).contains("\"field\":\"address\"");
		assertThat(limited.headers()).containsKey("retry-after");
		assertThat(login(phone).getAccessToken()).as("other addresses sign in").isNotBlank();

		java.net.InetAddress texter = loopback(60);
		for (int i = 0; i < 10; i++) {
			assertThat(raw(texter, "/mobile/v1/auth/code", "{\"phone\":\"13911" + String.format("%06d", i) + "\"}")
				.status()).isEqualTo(202);
		}
		Raw tooMany = raw(texter, "/mobile/v1/auth/code", "{\"phone\":\"13911999999\"}");
		assertThat(tooMany.status()).isEqualTo(429);
		assertThat(tooMany.headers()).containsKey("retry-after");
		assertThat(tooMany.body()).contains("\"field\":\"address\"");
	}

	record Raw(int status, java.util.Map<String, String> headers, String body) {
	}

	/** A loopback address of its own per JVM and test, so no other test's budget is spent. */
	static java.net.InetAddress loopback(int offset) throws java.io.IOException {
		return java.net.InetAddress.getByName("127.0." + (offset + (int) (ProcessHandle.current().pid() % 50)) + "."
				+ (1 + (int) (ProcessHandle.current().pid() % 200)));
	}

	/** A JSON POST over a socket bound to {@code from}: the app sees that client address (and nothing retries a 429). */
	Raw raw(java.net.InetAddress from, String path, String json) throws java.io.IOException {
		byte[] payload = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port, from, 0)) {
			java.io.OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Accept: application/json\r\nConnection: close\r\nContent-Length: " + payload.length + "\r\n\r\n")
				.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			out.write(payload);
			out.flush();
			java.io.BufferedReader in = new java.io.BufferedReader(
					new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
			int status = Integer.parseInt(in.readLine().split(" ")[1]);
			java.util.Map<String, String> headers = new java.util.HashMap<>();
			for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
				int colon = header.indexOf(':');
				headers.put(header.substring(0, colon).trim().toLowerCase(), header.substring(colon + 1).trim());
			}
			StringBuilder body = new StringBuilder();
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				body.append(line).append('\n');
			}
			return new Raw(status, headers, body.toString());
		}
	}

	@Test
	void badSignInInputIsA400NamingTheField() {
		RestClientResponseException ex = assertStatus(
				() -> new AuthApi(client()).login(new PasswordLogin().phone("12").password("x")), 400);
		assertThat(ex.getResponseBodyAsString()).contains("\"field\":\"phone\"");
	}

	static RestClientResponseException assertStatus(Runnable call, int status) {
		Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call::run);
		assertThat(thrown).isInstanceOf(RestClientResponseException.class);
		RestClientResponseException ex = (RestClientResponseException) thrown;
		assertThat(ex.getStatusCode().value()).as(ex.getResponseBodyAsString()).isEqualTo(status);
		return ex;
	}

}
