package dev.shifu.platform.webhook.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A brand's webhook receiver: a real HTTP server on 127.0.0.1 that records what it gets and can be told to fail.
 * Each receiver listens on its own random path, so a late delivery of an earlier test to a reused port is not
 * counted here.
 */
public final class TestReceiver implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;

	private final String path = "/hooks/" + UUID.randomUUID();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private volatile boolean failAlways;

	private TestReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	public static TestReceiver start() {
		try {
			return new TestReceiver();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	/** The next {@code times} requests get a 503, later ones a 200. */
	void failNext(int times) {
		failuresLeft.set(times);
	}

	void failAlways(boolean fail) {
		failAlways = fail;
	}

	public List<Received> received() {
		return List.copyOf(received);
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			if (!exchange.getRequestURI().getPath().equals(path)) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			var headers = exchange.getRequestHeaders();
			received.add(new Received(exchange.getRequestMethod(), headers.getFirst("Content-Type"),
					headers.getFirst("Shifu-Event-Id"), headers.getFirst("Shifu-Event-Type"),
					headers.getFirst("Shifu-Timestamp"), headers.getFirst("Shifu-Signature"), body));
			boolean fail = failAlways || failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
			byte[] answer = (fail ? "{\"error\":\"try later\"}" : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(fail ? 503 : 200, answer.length);
			exchange.getResponseBody().write(answer);
		}
		finally {
			exchange.close();
		}
	}

	public record Received(String method, String contentType, String eventId, String eventType, String timestamp,
			String signature, String body) {

		public JsonNode json() {
			try {
				return JSON.readTree(body);
			}
			catch (IOException ex) {
				throw new AssertionError("not JSON: " + body, ex);
			}
		}

		/** How a brand verifies: HMAC-SHA256 with the secret over timestamp + "." + raw body, hex, after "v1=". */
		public boolean signedWith(String secret) {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
				byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
				return java.security.MessageDigest.isEqual(
						("v1=" + HexFormat.of().formatHex(expected)).getBytes(StandardCharsets.UTF_8),
						signature.getBytes(StandardCharsets.UTF_8));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
