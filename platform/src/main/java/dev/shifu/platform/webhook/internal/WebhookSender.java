package dev.shifu.platform.webhook.internal;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import org.springframework.stereotype.Component;

/**
 * POSTs one signed event with the JDK HTTP client: short connect and read timeouts, no redirects, and only the
 * first few hundred bytes of the answer kept for the delivery log.
 */
@Component
class WebhookSender {

	static final String EVENT_ID = "Shifu-Event-Id";

	static final String EVENT_TYPE = "Shifu-Event-Type";

	static final String TIMESTAMP = "Shifu-Timestamp";

	static final String SIGNATURE = "Shifu-Signature";

	private static final int MAX_TEXT = 500;

	private final HttpClient client;

	private final WebhookProperties properties;

	private final WebhookUrls urls;

	WebhookSender(WebhookProperties properties, WebhookUrls urls) {
		this.properties = properties;
		this.urls = urls;
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	record Request(String url, String eventId, String eventType, String body, String secret, long timestamp) {
	}

	/** What an attempt came to: a status code, or an error when there was no HTTP answer. */
	record Outcome(Integer statusCode, String error, long durationMs, String responseExcerpt) {

		boolean delivered() {
			return statusCode != null && statusCode >= 200 && statusCode < 300;
		}

	}

	CompletableFuture<Outcome> send(Request request) {
		long started = System.nanoTime();
		HttpRequest http;
		try {
			URI uri = URI.create(request.url());
			Optional<String> refusal = urls.refusal(uri);
			if (refusal.isPresent()) {
				return CompletableFuture.completedFuture(new Outcome(null, refusal.get(), millisSince(started), null));
			}
			http = HttpRequest.newBuilder(uri)
				.timeout(properties.readTimeout())
				.header("Content-Type", "application/json; charset=utf-8")
				.header("User-Agent", "Shifu-Webhooks/1")
				.header(EVENT_ID, request.eventId())
				.header(EVENT_TYPE, request.eventType())
				.header(TIMESTAMP, Long.toString(request.timestamp()))
				.header(SIGNATURE, WebhookSigning.signature(request.secret(), request.timestamp(), request.body()))
				.POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8))
				.build();
		}
		catch (IllegalArgumentException ex) {
			return CompletableFuture.completedFuture(new Outcome(null, "invalid URL", millisSince(started), null));
		}
		long limit = properties.connectTimeout().plus(properties.readTimeout()).plusSeconds(1).toMillis();
		return client.sendAsync(http, info -> new Excerpt())
			.orTimeout(limit, TimeUnit.MILLISECONDS)
			.handle((response, failure) -> failure == null
					? new Outcome(response.statusCode(), statusError(response.statusCode()), millisSince(started), response.body())
					: new Outcome(null, describe(failure), millisSince(started), null));
	}

	private static String statusError(int status) {
		if (status >= 200 && status < 300) {
			return null;
		}
		return status >= 300 && status < 400 ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status;
	}

	static String describe(Throwable failure) {
		Throwable cause = failure;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		String text;
		if (cause instanceof HttpConnectTimeoutException) {
			text = "connect timed out";
		}
		else if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
			text = "timed out waiting for the response";
		}
		else if (cause instanceof ConnectException) {
			text = "connection refused or unreachable";
		}
		else if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
			text = "unknown host";
		}
		else if (cause instanceof SSLException) {
			text = "TLS failed: " + cause.getMessage();
		}
		else {
			text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
		}
		return clip(text);
	}

	static String clip(String text) {
		if (text == null) {
			return null;
		}
		String clean = text.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "");
		return clean.length() <= MAX_TEXT ? clean : clean.substring(0, MAX_TEXT);
	}

	private static long millisSince(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
	}

	/** Keeps the first bytes of the response body and stops reading after that. */
	private static final class Excerpt implements HttpResponse.BodySubscriber<String> {

		private static final int LIMIT = 2048;

		private final CompletableFuture<String> result = new CompletableFuture<>();

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private Flow.Subscription subscription;

		@Override
		public CompletionStage<String> getBody() {
			return result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			for (ByteBuffer buffer : buffers) {
				int take = Math.min(buffer.remaining(), LIMIT - bytes.size());
				byte[] chunk = new byte[take];
				buffer.get(chunk);
				bytes.write(chunk, 0, take);
				if (bytes.size() >= LIMIT) {
					subscription.cancel();
					finish();
					return;
				}
			}
		}

		@Override
		public void onError(Throwable throwable) {
			// The status line has arrived; a body cut short does not change the outcome.
			finish();
		}

		@Override
		public void onComplete() {
			finish();
		}

		private void finish() {
			String text = bytes.size() == 0 ? null : new String(bytes.toByteArray(), StandardCharsets.UTF_8);
			result.complete(clip(text));
		}

	}

}
