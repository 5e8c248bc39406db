package dev.shifu.platform.harness;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/** The brands' webhook endpoint: counts deliveries per event id (Shifu-Event-Id), to find any event sent twice. */
final class Receiver implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, AtomicLong> perEvent = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> perType = new ConcurrentHashMap<>();

	private final AtomicLong requests = new AtomicLong();

	Receiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.createContext("/hook", exchange -> {
			try (InputStream body = exchange.getRequestBody()) {
				body.readAllBytes();
			}
			String id = exchange.getRequestHeaders().getFirst("Shifu-Event-Id");
			String type = exchange.getRequestHeaders().getFirst("Shifu-Event-Type");
			requests.incrementAndGet();
			if (id != null) {
				perEvent.computeIfAbsent(id, k -> new AtomicLong()).incrementAndGet();
			}
			if (type != null) {
				perType.computeIfAbsent(type, k -> new AtomicLong()).incrementAndGet();
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
	}

	String url(String brand) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + brand;
	}

	long requests() {
		return requests.get();
	}

	long distinctEvents() {
		return perEvent.size();
	}

	/** Event ids that arrived more than once. */
	long duplicated() {
		return perEvent.values().stream().filter(n -> n.get() > 1).count();
	}

	Map<String, AtomicLong> perType() {
		return perType;
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
