package dev.shifu.platform.dispatch;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's live feed over real SSE: while a dispatcher of the region watches, an installer's reports on a job and
 * the flagged completion that puts it on the review list arrive as {@code job-event} and {@code review} events of
 * that order, so the console reads the board again without polling.
 */
class BoardLiveFeedTests extends BoardStaffFixture {

	@LocalServerPort
	private int port;

	/** One received server-sent event. */
	record Received(String name, String data) {
	}

	@Test
	void aDispatcherWatchingTheRegionHearsTheInstallersReportsAndTheFlaggedReview() throws Exception {
		// The region's plan exists once it has a job: the job under way, the installer about to complete it.
		long order = orderStarted();
		List<Received> received = new CopyOnWriteArrayList<>();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dispatch/board/"
				+ HANGZHOU + "/stream"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((dispatcherName + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		Thread reader = new Thread(() -> {
			String name = null;
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (line.startsWith("event:")) {
						name = line.substring(6).trim();
					}
					else if (line.startsWith("data:")) {
						received.add(new Received(name, line.substring(5).trim()));
					}
				}
			}
			catch (java.io.IOException closed) {
				// the test ended the stream
			}
		}, "board-feed-reader");
		reader.setDaemon(true);
		reader.start();
		BoardFixture.await(() -> received.stream().anyMatch(r -> "best-score".equals(r.name())), "the stream open");

		String code = verificationCode(order);
		Api.Reply completed = jobEvent(order, Map.of("type", "COMPLETED", "verificationCode", code));
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		assertThat(completed.body()).as("flagged: no photos").contains(FLAG);

		String ofOrder = "\"orderId\":" + order;
		BoardFixture.await(() -> received.stream().anyMatch(r -> "job-event".equals(r.name())
				&& r.data().contains(ofOrder) && r.data().contains("\"type\":\"COMPLETED\"")), "the completion on the feed");
		BoardFixture.await(() -> received.stream().anyMatch(r -> "review".equals(r.name()) && r.data().contains(ofOrder)),
				"the review on the feed");
		assertThat(received).as("no secret on the feed").noneMatch(r -> r.data().contains(code));
		response.body().close();
	}

}
