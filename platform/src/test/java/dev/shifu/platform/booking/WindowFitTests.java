package dev.shifu.platform.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.shifu.platform.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A window is offered only where an installer who can take the job has room in it, by the planner's own insertion
 * check: not on a day whose only installer lacks the skill or the crew, not on a day of leave, and not where the
 * route has no room once travel is counted. One fictional city per test (994200-994500).
 */
class WindowFitTests extends WindowFixture {

	@Test
	void noWindowOnADayWhoseOnlyWorkingInstallerLacksTheSkill() {
		setUpBrand();
		long dealer = dealer("994201");
		LocalDate day = today().plusDays(3);
		// Every day: a door fitter; only on the day's weekday: one who also fits lights.
		installer(dealer, EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", Set.of("DOOR"), 1, List.of(), 40.20, 100.20);
		installer(dealer, EnumSet.of(day.getDayOfWeek()), "08:00", "20:00", Set.of("DOOR", "LIGHTING"), 1, List.of(),
				40.20, 100.20);
		String token = awaitingBooking(order("994201", "LIGHTING", 40.201, 100.201));

		JsonNode windows = windows(token);

		assertThat(offers(windows, day, "MORNING")).as(windows.toString()).isTrue();
		assertThat(days(windows)).as(windows.toString()).allMatch(d -> d.getDayOfWeek() == day.getDayOfWeek());
	}

	@Test
	void noWindowOnADayWhoseOnlyWorkingCrewIsTooSmall() {
		setUpBrand();
		long dealer = dealer("994301");
		LocalDate day = today().plusDays(3);
		// A sofa is heavy: two people. Every day: one sofa fitter alone; only on the day's weekday: a crew of two.
		installer(dealer, EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", Set.of("SOFA"), 1, List.of(), 40.30, 100.30);
		installer(dealer, EnumSet.of(day.getDayOfWeek()), "08:00", "20:00", Set.of("SOFA"), 2, List.of(), 40.30, 100.30);
		String token = awaitingBooking(order("994301", "SOFA", 40.301, 100.301));

		JsonNode windows = windows(token);

		assertThat(offers(windows, day, "MORNING")).as(windows.toString()).isTrue();
		assertThat(days(windows)).as(windows.toString()).allMatch(d -> d.getDayOfWeek() == day.getDayOfWeek());
	}

	@Test
	void noWindowOnTheInstallersDayOfLeave() {
		setUpBrand();
		long dealer = dealer("994401");
		LocalDate leave = today().plusDays(3);
		installer(dealer, EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", Set.of("DOOR"), 1,
				List.of(leave.toString()), 40.40, 100.40);
		String token = awaitingBooking(order("994401", "DOOR", 40.401, 100.401));

		JsonNode windows = windows(token);

		assertThat(offers(windows, leave.minusDays(1), "MORNING")).as(windows.toString()).isTrue();
		assertThat(offers(windows, leave.plusDays(1), "MORNING")).as(windows.toString()).isTrue();
		assertThat(days(windows)).as(windows.toString()).doesNotContain(leave);
	}

	@Test
	void noWindowWhereTheRouteIsFullOnceTravelIsCounted() {
		setUpBrand();
		long dealer = dealer("994501");
		LocalDate day = today().plusDays(3);
		// Mornings only, 09:00-12:30: room for two 90-minute jobs, not for them and the driving between (about
		// 17 minutes to each from the base, 25 between them).
		installer(dealer, EnumSet.allOf(DayOfWeek.class), "09:00", "12:30", Set.of("DOOR"), 1, List.of(), 40.50, 100.50);
		String first = awaitingBooking(order("994501", "DOOR", 40.55, 100.50));
		Api.Reply booked = anonymous().post("/api/v1/consumer/" + first + "/appointment",
				Map.of("date", day.toString(), "window", "MORNING"));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		String second = awaitingBooking(order("994501", "DOOR", 40.50, 100.566));

		JsonNode windows = windows(second);

		assertThat(offers(windows, day, "MORNING")).as(windows.toString()).isFalse();
		assertThat(offers(windows, day.plusDays(1), "MORNING")).as(windows.toString()).isTrue();
		Api.Reply taken = anonymous().post("/api/v1/consumer/" + second + "/appointment",
				Map.of("date", day.toString(), "window", "MORNING"));
		assertThat(taken.status()).as(taken.body()).isIn(400, 409);
	}

	/** Half a day: an installer working 09:00-12:00 fits the morning window and is offered in no other. City 998900. */
	@Test
	void aMorningShiftOffersTheMorningAndNoAfternoon() {
		setUpBrand();
		long dealer = dealer("998901");
		LocalDate day = today().plusDays(3);
		installer(dealer, EnumSet.allOf(DayOfWeek.class), "09:00", "12:00", Set.of("DOOR"), 1, List.of(), 41.89, 101.89);
		String token = awaitingBooking(order("998901", "DOOR", 41.891, 101.891));

		JsonNode windows = windows(token);
		for (int i = 0; i < 60 && !offers(windows, day, "MORNING"); i++) {
			sleep(500);
			windows = windows(token);
		}

		assertThat(offers(windows, day, "MORNING")).as(windows.toString()).isTrue();
		assertThat(codes(windows)).as(windows.toString()).containsOnly("MORNING");
		Api.Reply afternoon = anonymous().post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", day.toString(), "window", "AFTERNOON"));
		assertThat(afternoon.status()).as(afternoon.body()).isIn(400, 409);
		assertThat(afternoon.contentType()).startsWith("application/problem+json");
		assertThat(anonymous().get("/api/v1/consumer/" + token + "/appointment").status()).as("nothing booked")
			.isEqualTo(404);
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	private JsonNode windows(String token) {
		return anonymous().get("/api/v1/consumer/" + token + "/windows").json().get("windows");
	}

	private static List<LocalDate> days(JsonNode windows) {
		List<LocalDate> days = new ArrayList<>();
		windows.forEach(w -> days.add(LocalDate.parse(w.get("date").asText())));
		return days;
	}

	private long installer(long provider, Set<DayOfWeek> days, String start, String end, Set<String> skills, int crew,
			List<String> leaveDays, double lat, double lng) {
		List<Map<String, String>> shifts = new ArrayList<>();
		for (DayOfWeek d : days) {
			shifts.add(Map.of("day", d.name(), "start", start, "end", end));
		}
		Api.Reply reply = admin.post("/api/v1/providers/" + provider + "/installers", Map.of("name", "吴师傅", "phone",
				dev.shifu.platform.support.TestPhones.next("135"), "skills", List.copyOf(skills), "homeBase",
				Map.of("lat", lat, "lng", lng), "shifts", shifts, "crewSize", crew, "leaveDays", leaveDays));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asLong();
	}

	/** A GOLD member's order of one item of the category (GOLD: windows from tomorrow), goods arrived. */
	private long order(String district, String category, double lat, double lng) {
		return asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("FIT"), "consumer",
				Map.of("name", "王芳", "phone", dev.shifu.platform.support.TestPhones.next("136"), "address",
						"某省某市某路 2 号", "regionCode", district, "location", Map.of("lat", lat, "lng", lng)),
				"items", List.of(Map.of("sku", "IT-1", "name", "Item", "category", category, "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED")))
			.json()
			.get("id")
			.asLong();
	}

}
