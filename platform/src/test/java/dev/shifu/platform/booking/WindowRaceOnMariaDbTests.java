package dev.shifu.platform.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.UsesMariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty consumers race over real HTTP for the last room of an area (one installer whose day has room for one job):
 * exactly one booking commits on MariaDB, the others get 409 window-taken with fresh windows that no longer offer it.
 */
@UsesMariaDb
class WindowRaceOnMariaDbTests extends WindowFixture {

	private static final String DISTRICT = "330213";

	private static final int RACERS = 50;

	@LocalServerPort
	private int port;

	@Test
	void fiftyConsumersRacingForTheLastSlotYieldExactlyOneBooking() throws Exception {
		setUpBrand();
		LocalDate day = TODAY.plusDays(3);
		long dealer = dealer(DISTRICT);
		// Works only on that weekday, 09:00–11:00: room for one 90-minute job next door, no second.
		installer(dealer, EnumSet.of(day.getDayOfWeek()), "09:00", "11:00", 29.6554, 121.4069);
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < RACERS; i++) {
			long order = order(DISTRICT, "NORMAL", 29.6555, 121.4070, "1381000" + String.format("%04d", i));
			tokens.add(awaitingBooking(order));
		}
		assertThat(offers(anonymous().get("/api/v1/consumer/" + tokens.get(0) + "/windows").json().get("windows"), day,
				"MORNING")).isTrue();

		// The JDK client opens a connection per request in flight: all fifty really are at the server at once.
		java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
			.version(java.net.http.HttpClient.Version.HTTP_1_1)
			.build();
		String body = "{\"date\":\"" + day + "\",\"window\":\"MORNING\"}";
		ExecutorService pool = Executors.newFixedThreadPool(RACERS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Api.Reply>> replies = new ArrayList<>();
		for (String token : tokens) {
			java.net.http.HttpRequest request = java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/consumer/" + token + "/appointment"))
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
				.build();
			replies.add(pool.submit(() -> {
				start.await();
				java.net.http.HttpResponse<String> response = client.send(request,
						java.net.http.HttpResponse.BodyHandlers.ofString());
				org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
				response.headers().map().forEach(headers::addAll);
				return new Api.Reply(response.statusCode(), headers, response.body());
			}));
		}
		start.countDown();
		int booked = 0;
		int taken = 0;
		for (Future<Api.Reply> future : replies) {
			Api.Reply reply = future.get(5, TimeUnit.MINUTES);
			if (reply.status() == 200) {
				booked++;
			}
			else {
				assertThat(reply.status()).as(reply.body()).isEqualTo(409);
				assertThat(reply.contentType()).startsWith("application/problem+json");
				JsonNode problem = reply.json();
				assertThat(problem.get("type").asText()).endsWith("window-taken");
				assertThat(problem.get("windows").isArray()).isTrue();
				assertThat(offers(problem.get("windows"), day, "MORNING")).isFalse();
				taken++;
			}
		}
		pool.shutdownNow();

		assertThat(booked).isEqualTo(1);
		assertThat(taken).isEqualTo(RACERS - 1);
		int appointments = 0;
		for (String token : tokens) {
			if (anonymous().get("/api/v1/consumer/" + token + "/appointment").status() == 200) {
				appointments++;
			}
		}
		assertThat(appointments).isEqualTo(1);
	}

}
