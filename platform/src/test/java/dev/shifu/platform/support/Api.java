package dev.shifu.platform.support;

import java.net.URI;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

/** Real HTTP calls against the running app, as one caller (API key, basic credentials, or nobody). */
public final class Api {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TestRestTemplate http;

	private final Consumer<HttpHeaders> credentials;

	private Api(TestRestTemplate http, Consumer<HttpHeaders> credentials) {
		this.http = http;
		this.credentials = credentials;
	}

	public static Api brand(TestRestTemplate http, String apiKey) {
		return new Api(http, h -> h.set("X-Api-Key", apiKey));
	}

	public static Api user(TestRestTemplate http, String username, String password) {
		return new Api(http, h -> h.setBasicAuth(username, password));
	}

	/** The mobile app's caller: an installer's access token. */
	public static Api bearer(TestRestTemplate http, String token) {
		return new Api(http, h -> h.setBearerAuth(token));
	}

	public static Api anonymous(TestRestTemplate http) {
		return new Api(http, h -> {
		});
	}

	public Reply get(String path) {
		return send(HttpMethod.GET, path, null, null, h -> {
		});
	}

	public Reply post(String path, Object body) {
		return send(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON, h -> {
		});
	}

	public Reply post(String path, Object body, Consumer<HttpHeaders> headers) {
		return send(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON, headers);
	}

	public Reply put(String path, Object body) {
		return send(HttpMethod.PUT, path, body, MediaType.APPLICATION_JSON, h -> {
		});
	}

	public Reply delete(String path) {
		return send(HttpMethod.DELETE, path, null, null, h -> {
		});
	}

	/** A binary answer (a photo), with the caller's credentials. */
	public ResponseEntity<byte[]> getBytes(String path) {
		HttpHeaders headers = new HttpHeaders();
		credentials.accept(headers);
		return http.exchange(new RequestEntity<>(headers, HttpMethod.GET, URI.create(path)), byte[].class);
	}

	public Reply postRaw(String path, String body, MediaType type) {
		return send(HttpMethod.POST, path, body, type, h -> {
		});
	}

	private Reply send(HttpMethod method, String path, Object body, MediaType type, Consumer<HttpHeaders> extra) {
		HttpHeaders headers = new HttpHeaders();
		credentials.accept(headers);
		extra.accept(headers);
		if (type != null) {
			headers.setContentType(type);
		}
		try {
			Object payload = body instanceof String || body == null ? body : JSON.writeValueAsString(body);
			RequestEntity<Object> request = new RequestEntity<>(payload, headers, method, URI.create(path));
			ResponseEntity<String> response = http.exchange(request, String.class);
			return new Reply(response.getStatusCode().value(), response.getHeaders(), response.getBody());
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	public record Reply(int status, HttpHeaders headers, String body) {

		public JsonNode json() {
			try {
				return body == null ? JSON.nullNode() : JSON.readTree(body);
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
				throw new AssertionError("not JSON (" + status + "): " + body, ex);
			}
		}

		public String contentType() {
			return headers.getContentType() == null ? null : headers.getContentType().toString();
		}

	}

}
