package dev.shifu.platform.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.MovableClock;
import dev.shifu.platform.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The brand's booking policies through the consumer's link: its window catalogue per service type, the horizon of
 * windows, and its cancel rule, whose allowed cancels end the order's process cancelled.
 *
 * <p>In the movable-clock context (shared with a few clock tests that plan only Hangzhou, Shanghai and the test
 * city), and each test in a city of its own: the live plan pencils a city's unaccepted jobs on any installer there,
 * so tests sharing a city fill each other's windows. The brands' policies are in {@code application-test.yml}.
 */
@Import(MovableClock.Config.class)
class BookingPolicyTests extends WindowFixture {

	/** Shaoxing's Yuecheng. */
	private static final Place SHAOXING = new Place("330602", 29.989, 120.582);

	/** Huzhou's Wuxing. */
	private static final Place HUZHOU = new Place("330502", 30.857, 120.185);

	/** Jiaxing's Nanhu. */
	private static final Place JIAXING = new Place("330402", 30.747, 120.785);

	/** Jinhua's Wucheng. */
	private static final Place JINHUA = new Place("330702", 29.087, 119.571);

	/** Ningbo's Yinzhou. */
	private static final Place NINGBO = new Place("330212", 29.817, 121.547);

	record Place(String district, double lat, double lng) {
	}

	@Autowired
	MovableClock clock;

	@Autowired
	Regions regions;

	@BeforeEach
	void now() {
		clock.reset();
	}

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	@Test
	void aBrandsCatalogueGivesItsInstallationOtherWindowsThanItsRepairAndOnlyThoseCanBeBooked() {
		setUpBrand();
		// The default catalogue in the same district, for contrast.
		long defaultDealer = dealer(SHAOXING);
		installer(defaultDealer, SHAOXING, "07:00", "20:00");
		String byDefault = awaitingBooking(order(SHAOXING, "INSTALLATION"));
		brand = accounts.createBrand("policycatalogue", "Own windows");
		long dealer = dealer(SHAOXING);
		installer(dealer, SHAOXING, "07:00", "20:00");
		String installation = awaitingBooking(order(SHAOXING, "INSTALLATION"));
		String repair = awaitingBooking(order(SHAOXING, "REPAIR"));
		LocalDate day = today(SHAOXING).plusDays(3);

		// The first days are the live plan's: their room shows once the new installers reached the running solver.
		JsonNode installationWindows = windowsOn(installation, day, "EARLY");
		JsonNode repairWindows = windowsOn(repair, day.plusDays(1), "ALLDAY");
		JsonNode defaultWindows = windowsOn(byDefault, day, "MORNING");

		assertThat(codes(installationWindows)).containsExactlyInAnyOrder("EARLY", "LUNCH");
		assertThat(codes(repairWindows)).containsExactly("ALLDAY");
		assertThat(codes(defaultWindows)).as("another brand keeps the default catalogue (GOLD: no evening)")
			.containsExactlyInAnyOrder("MORNING", "AFTERNOON");
		JsonNode early = window(installationWindows, day, "EARLY");
		assertThat(LocalTime.parse(early.get("start").asText())).isEqualTo(LocalTime.of(7, 30));
		assertThat(LocalTime.parse(early.get("end").asText())).isEqualTo(LocalTime.of(10, 0));

		// Only the order's own catalogue books: not the default's MORNING, not the repair's ALLDAY.
		for (String other : List.of("MORNING", "ALLDAY")) {
			Api.Reply refused = book(installation, day, other);
			assertThat(refused.status()).as(other).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("field").asText()).isEqualTo("window");
		}
		assertThat(anonymous().get("/api/v1/consumer/" + installation + "/appointment").status()).isEqualTo(404);
		Api.Reply booked = book(installation, day, "EARLY");
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		assertThat(booked.json().get("start").asText()).startsWith("07:30");
		Api.Reply repaired = book(repair, day.plusDays(1), "ALLDAY");
		assertThat(repaired.status()).as(repaired.body()).isEqualTo(200);
		assertThat(repaired.json().get("start").asText()).startsWith("09:00");
		assertThat(repaired.json().get("end").asText()).startsWith("17:00");
	}

	@Test
	void noWindowIsOfferedBeyondTheHorizonAndADayBeyondItOrAWindowNeverOfferedIsRefusedNamingTheField() {
		setUpBrand();
		installer(dealer(HUZHOU), HUZHOU, "08:00", "20:00");
		String token = awaitingBooking(order(HUZHOU, "INSTALLATION"));
		LocalDate last = today(HUZHOU).plusDays(14);

		JsonNode windows = windows(token);

		assertThat(windows).isNotEmpty();
		for (JsonNode w : windows) {
			assertThat(LocalDate.parse(w.get("date").asText())).as("within the default 14 days").isBeforeOrEqualTo(last);
		}
		assertThat(offers(windows, last, "MORNING")).as("the horizon's last day is offered").isTrue();

		Api.Reply beyond = book(token, last.plusDays(1), "MORNING");
		assertThat(beyond.status()).isEqualTo(400);
		assertThat(beyond.contentType()).startsWith("application/problem+json");
		assertThat(beyond.json().get("field").asText()).isEqualTo("date");
		Api.Reply never = book(token, last.minusDays(4), "NIGHT");
		assertThat(never.status()).isEqualTo(400);
		assertThat(never.contentType()).startsWith("application/problem+json");
		assertThat(never.json().get("field").asText()).isEqualTo("window");
		assertThat(anonymous().get("/api/v1/consumer/" + token + "/appointment").status()).as("nothing booked")
			.isEqualTo(404);

		Api.Reply onTheLastDay = book(token, last, "MORNING");
		assertThat(onTheLastDay.status()).as(onTheLastDay.body()).isEqualTo(200);
	}

	@Test
	void aBrandsOwnHorizonOfFiveDaysOffersNoWindowBeyondItAndRefusesTheDayAfterNamingTheDate() {
		setUpBrand();
		brand = accounts.createBrand("policyhorizon", "Five days ahead");
		installer(dealer(HUZHOU), HUZHOU, "08:00", "20:00");
		String token = awaitingBooking(order(HUZHOU, "INSTALLATION"));
		LocalDate last = today(HUZHOU).plusDays(5);

		JsonNode windows = windows(token);

		assertThat(windows).isNotEmpty();
		for (JsonNode w : windows) {
			assertThat(LocalDate.parse(w.get("date").asText())).as("within the brand's 5 days").isBeforeOrEqualTo(last);
		}
		assertThat(offers(windows, last, "MORNING")).as("the horizon's last day is offered: " + windows).isTrue();
		Api.Reply beyond = book(token, last.plusDays(1), "MORNING");
		assertThat(beyond.status()).isEqualTo(400);
		assertThat(beyond.contentType()).startsWith("application/problem+json");
		assertThat(beyond.json().get("field").asText()).isEqualTo("date");
		assertThat(beyond.body()).contains("5 days");
		assertThat(anonymous().get("/api/v1/consumer/" + token + "/appointment").status()).as("nothing booked")
			.isEqualTo(404);
	}

	@Test
	void beforeDispatchAllowsCancellingWhileTheJobIsOfferedAndRefusesOnceAProviderAcceptedIt() {
		setUpBrand();
		brand = accounts.createBrand("policybeforedispatch", "Cancels before dispatch");
		long dealer = dealer(JIAXING);
		installer(dealer, JIAXING, "08:00", "20:00");
		installer(dealer, JIAXING, "08:00", "20:00");
		LocalDate tomorrow = today(JIAXING).plusDays(1);
		long offered = order(JIAXING, "INSTALLATION");
		String offeredToken = awaitingBooking(offered);
		assertThat(book(offeredToken, tomorrow, "MORNING").status()).isEqualTo(200);
		driver.drainUntil(offered, () -> openOffer(offered) != -1, "an offer");
		assertThat(status(offered)).isEqualTo("DISPATCHING");

		Api.Reply cancelled = cancel(offeredToken);

		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		driver.drainUntil(offered, () -> status(offered).equals("CANCELLED"), "cancelled");
		assertThat(driver.endedAt(offered)).as("the workflow's cancellation ended the process")
			.isEqualTo("OrderCancelledEndEvent");

		long accepted = order(JIAXING, "INSTALLATION");
		String acceptedToken = awaitingBooking(accepted);
		scheduled(dealer, accepted, acceptedToken, tomorrow, "AFTERNOON");

		Api.Reply refused = cancel(acceptedToken);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("type").asText()).endsWith("cancel-not-allowed");
		driver.drain(accepted);
		assertThat(status(accepted)).isEqualTo("SCHEDULED");
		assertThat(driver.endedAt(accepted)).as("the process goes on").isNull();
	}

	@Test
	void beforeTheDayAllowsCancellingAnAcceptedJobUntilTheDayBeforeAndRefusesOnTheDay() {
		setUpBrand();
		brand = accounts.createBrand("policybeforeday", "Cancels before the day");
		long dealer = dealer(JINHUA);
		installer(dealer, JINHUA, "08:00", "20:00");
		installer(dealer, JINHUA, "08:00", "20:00");
		LocalDate tomorrow = today(JINHUA).plusDays(1);
		long dayBefore = order(JINHUA, "INSTALLATION");
		String dayBeforeToken = awaitingBooking(dayBefore);
		scheduled(dealer, dayBefore, dayBeforeToken, tomorrow, "MORNING");

		Api.Reply cancelled = cancel(dayBeforeToken);

		assertThat(cancelled.status()).as("after dispatch, the day before: " + cancelled.body()).isEqualTo(200);
		driver.drainUntil(dayBefore, () -> status(dayBefore).equals("CANCELLED"), "cancelled");
		assertThat(driver.endedAt(dayBefore)).isEqualTo("OrderCancelledEndEvent");

		long onTheDay = order(JINHUA, "INSTALLATION");
		String onTheDayToken = awaitingBooking(onTheDay);
		scheduled(dealer, onTheDay, onTheDayToken, tomorrow, "AFTERNOON");
		// The visit's morning in the region; no process job runs meanwhile (Camunda's clock moves too).
		clock.set(tomorrow.atTime(8, 0).atZone(zone(JINHUA)));

		Api.Reply refused = cancel(onTheDayToken);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("type").asText()).endsWith("cancel-not-allowed");
		clock.reset();
		assertThat(status(onTheDay)).isEqualTo("SCHEDULED");
		assertThat(driver.endedAt(onTheDay)).isNull();
	}

	@Test
	void neverRefusesABookedOrdersCancelAndChangesNothing() {
		setUpBrand();
		brand = accounts.createBrand("policynever", "Takes no cancellations by link");
		installer(dealer(NINGBO), NINGBO, "08:00", "20:00");
		long order = order(NINGBO, "INSTALLATION");
		String token = awaitingBooking(order);
		assertThat(book(token, today(NINGBO).plusDays(2), "MORNING").status()).isEqualTo(200);
		driver.drain(order);
		String before = status(order);

		Api.Reply refused = cancel(token);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("type").asText()).endsWith("cancel-not-allowed");
		driver.drain(order);
		assertThat(status(order)).isEqualTo(before).isNotEqualTo("CANCELLED");
		assertThat(driver.endedAt(order)).isNull();
		assertThat(anonymous().get("/api/v1/consumer/" + token + "/appointment").status()).as("the window stays booked")
			.isEqualTo(200);
	}

	/** Books the window, lets the dealer accept the offer, and waits for SCHEDULED. */
	private void scheduled(long dealer, long order, String token, LocalDate day, String window) {
		Api.Reply booked = book(token, day, window);
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		driver.drainUntil(order, () -> openOffer(order) != -1, "an offer");
		Api provider = asNewUser(Role.PROVIDER_ADMIN, dealer);
		assertThat(provider.post("/api/v1/offers/" + openOffer(order) + "/accept", null).status()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("SCHEDULED"), "scheduled");
	}

	private Api.Reply book(String token, LocalDate day, String window) {
		return anonymous().post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", day.toString(), "window", window));
	}

	private Api.Reply cancel(String token) {
		return anonymous().post("/api/v1/consumer/" + token + "/cancel", Map.of("reason", "changed my mind"));
	}

	private JsonNode windows(String token) {
		Api.Reply reply = anonymous().get("/api/v1/consumer/" + token + "/windows");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().get("windows");
	}

	private static JsonNode window(JsonNode windows, LocalDate day, String code) {
		for (JsonNode w : windows) {
			if (w.get("date").asText().equals(day.toString()) && w.get("window").asText().equals(code)) {
				return w;
			}
		}
		throw new AssertionError("no " + code + " on " + day + " in " + windows);
	}

	private long openOffer(long order) {
		for (JsonNode offer : admin.get("/api/v1/offers?orderId=" + order).json()) {
			if (offer.get("status").asText().equals("OFFERED")) {
				return offer.get("id").asLong();
			}
		}
		return -1;
	}

	private String status(long order) {
		return asBrand(brand).get("/api/v1/orders/" + order).json().get("status").asText();
	}

	private ZoneId zone(Place place) {
		return regions.zoneOf(place.district());
	}

	/** The region's today on the app's clock, read at the call. */
	private LocalDate today(Place place) {
		return LocalDate.ofInstant(clock.instant(), zone(place));
	}

	/** The brand's dealer in the district, taking installations and repairs. */
	private long dealer(Place place) {
		Api.Reply reply = admin.post("/api/v1/providers", Map.of("name", unique("Policy dealer"), "type", "DEALER",
				"brandId", brand.brandId(), "coverage", Map.of("regionCodes", List.of(place.district())), "dailyCapacity",
				Map.of("INSTALLATION", 50, "REPAIR", 50)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asLong();
	}

	/** An installer of doors and repairs working every day {@code start}–{@code end}, based in the district. */
	private void installer(long provider, Place place, String start, String end) {
		List<Map<String, String>> shifts = new java.util.ArrayList<>();
		for (DayOfWeek day : EnumSet.allOf(DayOfWeek.class)) {
			shifts.add(Map.of("day", day.name(), "start", start, "end", end));
		}
		Map<String, Object> body = new HashMap<>(Map.of("name", "陈师傅", "phone", TestPhones.next("134"), "skills",
				List.of("DOOR", "REPAIR"), "homeBase", Map.of("lat", place.lat(), "lng", place.lng()), "shifts", shifts,
				"crewSize", 1));
		Api.Reply reply = admin.post("/api/v1/providers/" + provider + "/installers", body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
	}

	/** A GOLD member's door order of the brand, goods on site. */
	private long order(Place place, String serviceType) {
		Api.Reply reply = asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("POLICY"), "consumer",
				Map.of("name", "李娜", "phone", TestPhones.next("138"), "address", "浙江省某市某路 1 号", "regionCode",
						place.district(), "location", Map.of("lat", place.lat() + 0.001, "lng", place.lng() + 0.001)),
				"items", List.of(Map.of("sku", "DR-1", "name", "Door", "category", "DOOR", "quantity", 1)), "serviceType",
				serviceType, "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED")));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asLong();
	}


	/** The order's windows once they offer {@code code} on {@code day}; one read a second, at most 90. */
	private JsonNode windowsOn(String token, LocalDate day, String code) {
		JsonNode windows = windows(token);
		for (int i = 0; i < 90; i++) {
			for (JsonNode w : windows) {
				if (w.get("date").asText().equals(day.toString()) && w.get("window").asText().equals(code)) {
					return windows;
				}
			}
			sleep(1000);
			windows = windows(token);
		}
		return windows;
	}

}
