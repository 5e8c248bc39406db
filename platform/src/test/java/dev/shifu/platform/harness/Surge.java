package dev.shifu.platform.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts service orders as fast as the nodes take them (closed loop: each client sends its next order when the last
 * is answered), or paced at a set rate. 5 % of orders are posted again with the same Idempotency-Key and body (a
 * client that lost the answer), 1 % again with the same key and another body (a client bug), which must be a 409.
 * A client whose node is down or answers 503/429 waits (Retry-After) and sends the same request again, to another
 * node where there is one: what a brand's integration with retries does.
 */
final class Surge {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	/** 429 waits of one order (Retry-After, at most 5 s each) before its client gives up on it. */
	private static final int MAX_QUOTA_WAITS = 720;

	record Brand(String code, String apiKey) {
	}

	/** What the surge saw; every count is of HTTP answers or orders, never of what the app says about itself. */
	static final class Outcome {

		final Latencies latencies = new Latencies();

		/** externalOrderId to the id the first 2xx answer gave. */
		final Map<String, Long> acknowledged = new ConcurrentHashMap<>();

		final AtomicInteger retriesSent = new AtomicInteger();

		final AtomicInteger retriesGivenTheOriginal = new AtomicInteger();

		final AtomicInteger conflictsSent = new AtomicInteger();

		final AtomicInteger conflictsRefused = new AtomicInteger();

		final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

		final AtomicInteger connectionFailures = new AtomicInteger();

		final AtomicInteger timeouts = new AtomicInteger();

		final AtomicInteger gaveUp = new AtomicInteger();

		/** 503 answers that carried Retry-After, and those that did not. */
		final AtomicInteger unavailableWithRetryAfter = new AtomicInteger();

		final AtomicInteger unavailableWithout = new AtomicInteger();

		final AtomicLong firstSentNanos = new AtomicLong();

		final AtomicLong lastAcknowledgedNanos = new AtomicLong();

		/** Per brand code: 429 answers (over its intake quota), orders acknowledged, and the last acknowledgement. */
		final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();

		final Map<String, AtomicInteger> acknowledgedOf = new ConcurrentHashMap<>();

		final Map<String, AtomicLong> lastAcknowledgedOf = new ConcurrentHashMap<>();

		int throttled(String brand) {
			AtomicInteger n = throttled.get(brand);
			return n == null ? 0 : n.get();
		}

		int acknowledgedOf(String brand) {
			AtomicInteger n = acknowledgedOf.get(brand);
			return n == null ? 0 : n.get();
		}

		/** Seconds from the first order sent to this brand's last acknowledgement. */
		double secondsOf(String brand) {
			AtomicLong last = lastAcknowledgedOf.get(brand);
			return last == null ? Double.NaN : (last.get() - firstSentNanos.get()) / 1e9;
		}

		double seconds() {
			return (lastAcknowledgedNanos.get() - firstSentNanos.get()) / 1e9;
		}

		int status(int code) {
			AtomicInteger n = statuses.get(code);
			return n == null ? 0 : n.get();
		}

	}

	private final List<Node> nodes;

	private final List<Brand> brands;

	private final String runId;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(3))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final AtomicInteger roundRobin = new AtomicInteger();

	Surge(List<Node> nodes, List<Brand> brands, String runId) {
		this.nodes = nodes;
		this.brands = brands;
		this.runId = runId;
	}

	/**
	 * Sends orders {@code from} (inclusive) to {@code to} with {@code clients} threads; {@code perSecond} 0 means as
	 * fast as answered. {@code progress} sees the count of orders done, every 1,000.
	 */
	Outcome run(int from, int to, int clients, double perSecond, IntConsumer progress) throws InterruptedException {
		Outcome outcome = new Outcome();
		AtomicInteger next = new AtomicInteger(from);
		AtomicInteger done = new AtomicInteger();
		long start = System.nanoTime();
		outcome.firstSentNanos.set(start);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			pool.execute(() -> {
				for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
					if (perSecond > 0) {
						long due = start + (long) ((i - from) * 1e9 / perSecond);
						long wait = due - System.nanoTime();
						if (wait > 0) {
							sleepNanos(wait);
						}
					}
					order(i, outcome);
					int n = done.incrementAndGet();
					if (n % 1000 == 0) {
						progress.accept(n);
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(6, TimeUnit.HOURS);
		return outcome;
	}

	private void order(int i, Outcome outcome) {
		Brand brand = brands.get(i % brands.size());
		String external = "S" + runId + "-" + i;
		String key = "surge-" + runId + "-" + i;
		String body = body(i, external, 9);
		Answer first = send(brand, key, body, outcome);
		if (first == null || first.status / 100 != 2) {
			return;
		}
		outcome.acknowledged.put(external, first.id);
		long now = System.nanoTime();
		outcome.lastAcknowledgedNanos.accumulateAndGet(now, Math::max);
		outcome.acknowledgedOf.computeIfAbsent(brand.code(), k -> new AtomicInteger()).incrementAndGet();
		outcome.lastAcknowledgedOf.computeIfAbsent(brand.code(), k -> new AtomicLong()).accumulateAndGet(now, Math::max);
		if (i % 20 == 7) {
			outcome.retriesSent.incrementAndGet();
			Answer again = send(brand, key, body, outcome);
			if (again != null && again.status / 100 == 2 && again.id == first.id) {
				outcome.retriesGivenTheOriginal.incrementAndGet();
			}
		}
		if (i % 100 == 13) {
			outcome.conflictsSent.incrementAndGet();
			Answer conflicting = send(brand, key, body(i, external, 12), outcome);
			if (conflicting != null && conflicting.status == 409) {
				outcome.conflictsRefused.incrementAndGet();
			}
		}
	}

	private record Answer(int status, long id) {
	}

	/**
	 * Sends until an answer that is not "try again" (connection failure, 503, 429): at most 40 tries, not counting
	 * waits for the brand's quota (a brand over its quota is slowed, and its client keeps waiting, up to an hour).
	 */
	private Answer send(Brand brand, String key, String body, Outcome outcome) {
		int quotaWaits = 0;
		for (int attempt = 0; attempt < 40; attempt++) {
			Node node = pick();
			HttpRequest request = HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/orders"))
				.timeout(REQUEST_TIMEOUT)
				.header("Content-Type", "application/json")
				.header("X-Api-Key", brand.apiKey())
				.header("Idempotency-Key", key)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			long sent = System.nanoTime();
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				int status = response.statusCode();
				outcome.statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
				if (status == 503 || status == 429) {
					boolean retryAfter = response.headers().firstValue("Retry-After").isPresent();
					if (status == 503) {
						(retryAfter ? outcome.unavailableWithRetryAfter : outcome.unavailableWithout).incrementAndGet();
					}
					else if (retryAfter && quotaWaits++ < MAX_QUOTA_WAITS) {
						outcome.throttled.computeIfAbsent(brand.code(), k -> new AtomicInteger()).incrementAndGet();
						attempt--;
					}
					sleepNanos(TimeUnit.SECONDS.toNanos(
							Math.min(5, response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L))));
					continue;
				}
				outcome.latencies.add((System.nanoTime() - sent) / 1000);
				long id = -1;
				Matcher m = ID.matcher(response.body());
				if (status / 100 == 2 && m.find()) {
					id = Long.parseLong(m.group(1));
				}
				return new Answer(status, id);
			}
			catch (HttpTimeoutException ex) {
				outcome.timeouts.incrementAndGet();
			}
			catch (IOException ex) {
				outcome.connectionFailures.incrementAndGet();
				sleepNanos(TimeUnit.MILLISECONDS.toNanos(500));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
		outcome.gaveUp.incrementAndGet();
		return null;
	}

	private Node pick() {
		List<Node> live = nodes.stream().filter(Node::alive).toList();
		List<Node> from = live.isEmpty() ? nodes : live;
		return from.get(Math.floorMod(roundRobin.getAndIncrement(), from.size()));
	}

	/** A district of each city in the reference data, with its centre: a surge spreads over the country. */
	private static final String[][] DISTRICTS = { { "330102", "30.2425", "120.1693" }, { "330203", "29.8596", "121.5509" },
			{ "330302", "28.0150", "120.6550" }, { "330402", "30.7470", "120.7850" }, { "330502", "30.8570", "120.1850" },
			{ "330602", "29.9890", "120.5820" }, { "330702", "29.0870", "119.5710" }, { "310101", "31.2317", "121.4846" },
			{ "320505", "31.2950", "120.5660" }, { "110101", "39.9288", "116.4160" } };

	/** A door installation in one of the districts; {@code promisedInDays} makes the conflicting body differ. */
	private static String body(int i, String external, int promisedInDays) {
		LocalDate promised = LocalDate.now().plusDays(promisedInDays);
		String[] district = DISTRICTS[(i / 3) % DISTRICTS.length];
		return "{\"externalOrderId\":\"" + external + "\",\"consumer\":{\"name\":\"李娜\",\"phone\":\"13812345678\","
				+ "\"address\":\"文三路 90 号\",\"regionCode\":\"" + district[0] + "\",\"location\":{\"lat\":"
				+ district[1] + ",\"lng\":" + district[2] + "}},"
				+ "\"items\":[{\"sku\":\"DR-800\",\"name\":\"Walnut door\",\"category\":\"DOOR\",\"quantity\":1}],"
				+ "\"serviceType\":\"INSTALLATION\",\"memberTier\":\"NORMAL\",\"goods\":{\"status\":\"ARRIVED\"},"
				+ "\"promisedBy\":\"" + promised + "\"}";
	}

	private static void sleepNanos(long nanos) {
		try {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
