package dev.shifu.platform.dispatch;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.support.Api;

/**
 * A small network in Shanghai (310100), or in a test city of the caller's own: one dealer whose installers work only on
 * tomorrow's weekday, so every open job of the city is planned on tomorrow, and orders through the brand API.
 */
public final class BoardFixture {

	public static final String CITY = "310100";

	public static final String DISTRICT = "310104";

	/** Tomorrow in Shanghai, read again by each new fixture (a suite may cross midnight). */
	public static LocalDate DAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);

	private static final AtomicInteger PHONES = new AtomicInteger((int) (Instant.now().getEpochSecond() % 1000) * 10000 + 5000);

	private final Api admin;

	private final Api brandApi;

	private final IssuedBrand brand;

	public final long providerId;

	/** The city the network plans in, and the district its dealer covers and its orders come from. */
	public final String city;

	private final String district;

	public BoardFixture(Api admin, Api brandApi, IssuedBrand brand, String name) {
		this(admin, brandApi, brand, name, CITY, DISTRICT);
	}

	/** A network in a test city of the caller's own (a test-data migration's city and one of its districts). */
	public BoardFixture(Api admin, Api brandApi, IssuedBrand brand, String name, String city, String district) {
		DAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
		this.admin = admin;
		this.brandApi = brandApi;
		this.brand = brand;
		this.city = city;
		this.district = district;
		this.providerId = admin.post("/api/v1/providers", Map.of("name", name, "type", "DEALER", "brandId", brand.brandId(),
				"coverage", Map.of("regionCodes", List.of(district)), "dailyCapacity", Map.of("INSTALLATION", 500)))
			.json()
			.get("id")
			.asLong();
	}

	/** An installer with the DOOR skill who works tomorrow's weekday 08:00–18:00. */
	public long installer(String name, double lat, double lng) {
		Api.Reply reply = admin.post("/api/v1/providers/" + providerId + "/installers", Map.of("name", name,
				"phone", "137" + String.format("%08d", PHONES.incrementAndGet()), "skills", List.of("DOOR"),
				"homeBase", Map.of("lat", lat, "lng", lng),
				"shifts", List.of(Map.of("day", DAY.getDayOfWeek().name(), "start", "08:00", "end", "18:00")),
				"crewSize", 1));
		if (reply.status() != 201 && reply.status() != 200) {
			throw new AssertionError(reply.body());
		}
		return reply.json().get("id").asLong();
	}

	/** An installer with these skills who works only the given weekday 08:00–18:00. */
	long installerOn(String name, double lat, double lng, DayOfWeek day, List<String> skills) {
		Api.Reply reply = admin.post("/api/v1/providers/" + providerId + "/installers", Map.of("name", name,
				"phone", "137" + String.format("%08d", PHONES.incrementAndGet()), "skills", skills,
				"homeBase", Map.of("lat", lat, "lng", lng),
				"shifts", List.of(Map.of("day", day.name(), "start", "08:00", "end", "18:00")), "crewSize", 1));
		if (reply.status() != 201 && reply.status() != 200) {
			throw new AssertionError(reply.body());
		}
		return reply.json().get("id").asLong();
	}

	public String order(String category, double lat, double lng) {
		Api.Reply reply = brandApi.post("/api/v1/orders", Map.of("externalOrderId", "BOARD-" + java.util.UUID.randomUUID(),
				"consumer", Map.of("name", "张伟", "phone", "13812345678", "address", "上海市徐汇区漕溪北路 1 号",
						"regionCode", district, "location", Map.of("lat", lat, "lng", lng)),
				"items", List.of(Map.of("sku", "SKU-1", "name", "Item", "category", category, "quantity", 1)),
				"serviceType", "INSTALLATION", "goods", Map.of("status", "ARRIVED")));
		if (reply.status() != 201 && reply.status() != 200) {
			throw new AssertionError(reply.body());
		}
		return "O" + reply.json().get("id").asLong();
	}

	public static JsonNode board(Api dispatcher) {
		return board(dispatcher, CITY);
	}

	public static JsonNode board(Api dispatcher, String city) {
		Api.Reply reply = dispatcher.get("/api/v1/dispatch/board?region=" + city + "&date=" + DAY);
		if (reply.status() != 200) {
			throw new AssertionError(reply.status() + " " + reply.body());
		}
		return reply.json();
	}

	public static JsonNode boardWhen(Api dispatcher, java.util.function.Predicate<JsonNode> condition, String what) {
		return boardWhen(dispatcher, CITY, condition, what);
	}

	public static JsonNode boardWhen(Api dispatcher, String city, java.util.function.Predicate<JsonNode> condition,
			String what) {
		JsonNode[] last = new JsonNode[1];
		try {
			await(() -> condition.test(last[0] = board(dispatcher, city)), what);
		}
		catch (AssertionError never) {
			// The message is built after the wait: the last board read, not the empty one before the first.
			throw new AssertionError(never.getMessage() + ": " + last[0], never);
		}
		return last[0];
	}

	/** The board once the live solver has settled: two reads a moment apart show the same plan version. */
	public static JsonNode settled(Api dispatcher, java.util.function.Predicate<JsonNode> condition) {
		return settled(dispatcher, CITY, condition);
	}

	public static JsonNode settled(Api dispatcher, String city, java.util.function.Predicate<JsonNode> condition) {
		long[] version = { -1 };
		return boardWhen(dispatcher, city, board -> {
			boolean same = board.get("version").asLong() == version[0];
			version[0] = board.get("version").asLong();
			return condition.test(board) && same;
		}, "the plan settled");
	}

	public static JsonNode visit(JsonNode board, String jobId) {
		for (JsonNode lane : board.get("lanes")) {
			for (JsonNode visit : lane.get("visits")) {
				if (visit.get("jobId").asText().equals(jobId)) {
					return visit;
				}
			}
		}
		return null;
	}

	public static String laneOf(JsonNode board, String jobId) {
		for (JsonNode lane : board.get("lanes")) {
			for (JsonNode visit : lane.get("visits")) {
				if (visit.get("jobId").asText().equals(jobId)) {
					return lane.get("shiftId").asText();
				}
			}
		}
		return null;
	}

	public static JsonNode lane(JsonNode board, String shiftId) {
		for (JsonNode lane : board.get("lanes")) {
			if (lane.get("shiftId").asText().equals(shiftId)) {
				return lane;
			}
		}
		return null;
	}

	public static JsonNode unassigned(JsonNode board, String jobId) {
		for (JsonNode job : board.get("unassigned")) {
			if (job.get("jobId").asText().equals(jobId)) {
				return job;
			}
		}
		return null;
	}

	public static List<String> route(JsonNode board, String shiftId) {
		List<String> route = new ArrayList<>();
		JsonNode lane = lane(board, shiftId);
		if (lane != null) {
			lane.get("visits").forEach(v -> route.add(v.get("jobId").asText()));
		}
		return route;
	}

	public static String shiftId(long installerId) {
		return "I" + installerId + "@" + DAY;
	}

	public static boolean planned(JsonNode board, List<String> jobs) {
		return jobs.stream().allMatch(job -> visit(board, job) != null);
	}

	public static void await(BooleanSupplier condition, String what) {
		for (int i = 0; i < 300; i++) {
			if (condition.getAsBoolean()) {
				return;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("never happened: " + what);
	}

	public static Map<String, Object> edit(String kind, String jobId, String shiftId, Integer position, boolean pin, String from) {
		Map<String, Object> edit = new java.util.LinkedHashMap<>();
		edit.put("kind", kind);
		if (jobId != null) {
			edit.put("jobId", jobId);
		}
		if (shiftId != null) {
			edit.put("shiftId", shiftId);
		}
		if (position != null) {
			edit.put("position", position);
		}
		edit.put("pin", pin);
		if (from != null) {
			edit.put("from", from);
		}
		return Map.of("edits", List.of(edit));
	}

	public static DayOfWeek weekday() {
		return DAY.getDayOfWeek();
	}

}
