package dev.shifu.platform.dispatch;

import static dev.shifu.platform.dispatch.BoardFixture.edit;
import static dev.shifu.platform.dispatch.BoardFixture.lane;
import static dev.shifu.platform.dispatch.BoardFixture.laneOf;
import static dev.shifu.platform.dispatch.BoardFixture.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;

/**
 * What-if for a PIN: the preview's score difference is exactly the change the commit makes, and the preview commits
 * nothing. In a city of its own (998600, V286), so the live solver holds only this class's jobs.
 */
class BoardPinPreviewTests extends PlatformIntegrationTest {

	private static final String CITY = "998600";

	private static final String DISTRICT = "998601";

	private static final String EDITS = "/api/v1/dispatch/board/" + CITY + "/edits";

	private static final String PREVIEW = "/api/v1/dispatch/board/" + CITY + "/preview";

	private static final AtomicInteger PHONES = new AtomicInteger(
			(int) (System.currentTimeMillis() / 1000 % 1000) * 10000 + 7000);

	private static final Pattern LEVEL = Pattern.compile("(-?\\d+)([a-zA-Z]+)");

	@Autowired
	private StaffRegions staffRegions;

	@Test
	void aPinsPreviewedScoreDifferenceIsTheChangeItsCommitMakesAndThePreviewCommitsNothing() {
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
		Api admin = asNewUser(Role.ADMIN, null);
		String name = unique("dispatcher");
		accounts.createUser(name, PASSWORD, name, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(name, Set.of(CITY));
		Api dispatcher = Api.user(http, name, PASSWORD);
		var brand = newBrand();
		long provider = admin.post("/api/v1/providers", Map.of("name", unique("Pin dealer"), "type", "DEALER",
				"brandId", brand.brandId(), "coverage", Map.of("regionCodes", List.of(DISTRICT)),
				"dailyCapacity", Map.of("INSTALLATION", 500))).json().get("id").asLong();
		long first = installer(admin, provider, day, 31.39, 121.39);
		long second = installer(admin, provider, day, 31.41, 121.42);
		Api brandApi = asBrand(brand);
		List<String> jobs = List.of(order(brandApi, 31.395, 121.395), order(brandApi, 31.40, 121.40),
				order(brandApi, 31.405, 121.41), order(brandApi, 31.412, 121.418));
		String firstShift = "I" + first + "@" + day;
		String secondShift = "I" + second + "@" + day;
		String job = jobs.get(1);

		// The live solver may publish another plan between the reads: a pair counts only when the plan read before
		// the preview, the preview's base, the plan read after it and the commit's starting score are one version.
		JsonNode before = null;
		JsonNode unchanged = null;
		JsonNode preview = null;
		JsonNode committed = null;
		boolean onePlan = false;
		for (int attempt = 0; attempt < 8 && !onePlan; attempt++) {
			before = settled(dispatcher, day, b -> jobs.stream().allMatch(j -> visit(b, j) != null)
					&& lane(b, firstShift) != null && lane(b, secondShift) != null);
			Api.Reply previewed = dispatcher.post(PREVIEW, edit("PIN", job, null, null, false, null));
			assertThat(previewed.status()).as(previewed.body()).isEqualTo(200);
			preview = previewed.json();
			unchanged = board(dispatcher, day);
			long version = before.get("version").asLong();
			onePlan = preview.get("baseVersion").asLong() == version && unchanged.get("version").asLong() == version;
			if (onePlan) {
				Api.Reply reply = dispatcher.post(EDITS, edit("PIN", job, null, null, false, null));
				assertThat(reply.status()).as(reply.body()).isEqualTo(200);
				committed = reply.json().get("committed");
				onePlan = committed.get("scoreBefore").asText().equals(preview.get("scoreBefore").asText());
				if (!onePlan) {
					// The commit started from a newer plan: unpin and try the pair again.
					Api.Reply undo = dispatcher.post(EDITS, edit("UNPIN", job, null, null, false, null));
					assertThat(undo.status()).as(undo.body()).isEqualTo(200);
				}
			}
		}

		assertThat(onePlan).as("a preview and a commit read from one plan version").isTrue();
		// The preview committed nothing: same plan version, the job where it was and not pinned.
		assertThat(visit(unchanged, job).get("pinned").asBoolean()).isFalse();
		assertThat(laneOf(unchanged, job)).isEqualTo(laneOf(before, job));
		assertThat(visit(unchanged, job).get("position").asInt()).isEqualTo(visit(before, job).get("position").asInt());
		assertThat(preview.get("scoreBefore").asText()).isEqualTo(before.get("score").asText());
		// The previewed difference is the commit's after minus before, level by level.
		assertThat(levels(preview.get("difference").asText())).isEqualTo(
				minus(levels(committed.get("scoreAfter").asText()), levels(committed.get("scoreBefore").asText())));
		assertThat(committed.get("scoreAfter").asText()).isEqualTo(preview.get("scoreAfter").asText());
		assertThat(preview.get("summary").toString()).contains(job);
		// And the commit did pin it.
		JsonNode after = board(dispatcher, day);
		assertThat(visit(after, job).get("pinned").asBoolean()).isTrue();
	}

	private long installer(Api admin, long provider, LocalDate day, double lat, double lng) {
		Api.Reply reply = admin.post("/api/v1/providers/" + provider + "/installers", Map.of("name", unique("周敏"),
				"phone", "136" + String.format("%08d", PHONES.incrementAndGet()), "skills", List.of("DOOR"),
				"homeBase", Map.of("lat", lat, "lng", lng),
				"shifts", List.of(Map.of("day", day.getDayOfWeek().name(), "start", "08:00", "end", "18:00")),
				"crewSize", 1));
		assertThat(reply.status()).as(reply.body()).isIn(200, 201);
		return reply.json().get("id").asLong();
	}

	private static String order(Api brand, double lat, double lng) {
		Api.Reply reply = brand.post("/api/v1/orders", Map.of("externalOrderId", "PIN-" + UUID.randomUUID(),
				"consumer", Map.of("name", "张伟", "phone", "13812345678", "address", "测试固定区 1 号",
						"regionCode", DISTRICT, "location", Map.of("lat", lat, "lng", lng)),
				"items", List.of(Map.of("sku", "SKU-1", "name", "Item", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "goods", Map.of("status", "ARRIVED")));
		assertThat(reply.status()).as(reply.body()).isIn(200, 201);
		return "O" + reply.json().get("id").asLong();
	}

	private static JsonNode board(Api dispatcher, LocalDate day) {
		Api.Reply reply = dispatcher.get("/api/v1/dispatch/board?region=" + CITY + "&date=" + day);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	/** The board once two reads a moment apart show the same plan version and the condition holds. */
	private static JsonNode settled(Api dispatcher, LocalDate day, Predicate<JsonNode> condition) {
		long[] version = { -1 };
		JsonNode[] last = new JsonNode[1];
		BoardFixture.await(() -> {
			last[0] = board(dispatcher, day);
			boolean same = last[0].get("version").asLong() == version[0];
			version[0] = last[0].get("version").asLong();
			return same && condition.test(last[0]);
		}, "the plan of " + CITY + " settled with our jobs");
		return last[0];
	}

	/** A score's levels by name, e.g. {hard=0, medium=-1, soft=-1234}. */
	private static Map<String, Long> levels(String score) {
		Map<String, Long> levels = new LinkedHashMap<>();
		Matcher m = LEVEL.matcher(score);
		while (m.find()) {
			levels.put(m.group(2), Long.parseLong(m.group(1)));
		}
		assertThat(levels).as(score).isNotEmpty();
		return levels;
	}

	private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
		Map<String, Long> difference = new LinkedHashMap<>();
		after.forEach((level, value) -> difference.put(level, value - before.getOrDefault(level, 0L)));
		return difference;
	}

}
