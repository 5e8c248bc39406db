package dev.shifu.platform.schedule.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.order.OrderEvents.OrderStatusChanged;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.MovableClock;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live plan through the running app on a clock the test moves: a network of one provider per test in a city of
 * its own (so no other test's jobs or installers share the routes), orders through the API, and the schedule API to
 * read the plan. A booking goes through the consumer's link as in production (the process takes it and the
 * schedule hears of it through the booking's day booking); progress on site is the order context's published
 * status event, which reaches the schedule through its event listener after the publishing transaction.
 */
@Import(MovableClock.Config.class)
abstract class LivePlanTest extends PlatformIntegrationTest {

	/**
	 * A database of its own for the H2 tests of the live plan: every test context plans all regions it finds in its
	 * database, and two contexts planning one region would both store its plan.
	 */
	static final String OWN_DATABASE = "spring.datasource.url=jdbc:h2:mem:shifu-live-plan;MODE=MySQL;DB_CLOSE_DELAY=-1";

	/** The zone of the Zhejiang regions these tests plan (each region has its own; see the catalog). */
	protected static final java.time.ZoneId HANGZHOU = java.time.ZoneId.of("Asia/Shanghai");

	/** Distinct phones for every installer of the JVM, so no two fixtures collide. */
	private static final AtomicInteger PHONES = new AtomicInteger((int) (Instant.now().getEpochSecond() % 1000) * 10000);

	@Autowired
	protected MovableClock clock;

	@Autowired
	protected HorizonRoll roll;

	@Autowired
	private org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	private org.springframework.transaction.PlatformTransactionManager transactions;

	@Autowired
	private org.camunda.bpm.engine.ProcessEngine engine;

	/** Runs the orders' processes by hand (the job executor is off in tests). */
	protected dev.shifu.platform.support.ProcessDriver driver;

	@Autowired
	protected SchedulePlanner planner;

	@Autowired
	protected RegionLifecycle lifecycle;

	@Autowired
	protected ScheduleJobRepository jobs;

	@Autowired
	protected JdbcTemplate jdbc;

	protected Api admin;

	private final Map<Long, Map<String, Object>> installers = new java.util.HashMap<>();

	protected Api dispatcher;

	protected String dispatcherName;

	protected IssuedBrand brand;

	@BeforeEach
	void users() {
		admin = asNewUser(Role.ADMIN, null);
		dispatcherName = unique("dispatcher");
		accounts.createUser(dispatcherName, PASSWORD, dispatcherName, java.util.Set.of(Role.DISPATCHER), null, null);
		inEveryCity(dispatcherName);
		dispatcher = Api.user(http, dispatcherName, PASSWORD);
		brand = newBrand();
		driver = new dev.shifu.platform.support.ProcessDriver(engine.getRuntimeService(), engine.getManagementService(),
				engine.getHistoryService(), engine.getTaskService());
	}

	@AfterEach
	void backToNow() {
		clock.reset();
		roll.roll();
	}

	/** What the app does at shutdown and at start-up, in this app: every region from what is stored. */
	protected Api restartPlanning() {
		lifecycle.stopAll();
		lifecycle.startAll();
		return dispatcher;
	}

	/** Moves the app's time and rolls the plans along, as the scheduled roll does. */
	protected void at(ZonedDateTime time) {
		clock.set(time);
		roll.roll();
	}

	protected long provider(String regionCode) {
		return admin.post("/api/v1/providers", Map.of("name", unique("Crew"), "type", "DEALER", "brandId", brand.brandId(),
				"coverage", Map.of("regionCodes", List.of(regionCode)), "dailyCapacity", Map.of("INSTALLATION", 20)))
			.json()
			.get("id")
			.asLong();
	}

	/** An installer who works every day 08:00–18:00. */
	protected long installer(long provider, double lat, double lng) {
		List<Map<String, String>> everyDay = Arrays.stream(DayOfWeek.values())
			.map(day -> Map.of("day", day.name(), "start", "08:00", "end", "18:00"))
			.toList();
		Map<String, Object> body = Map.of("name", unique("师傅"),
				"phone", "136" + String.format("%08d", PHONES.incrementAndGet()), "skills", List.of("DOOR"),
				"homeBase", Map.of("lat", lat, "lng", lng), "shifts", everyDay, "crewSize", 1);
		Api.Reply reply = admin.post("/api/v1/providers/" + provider + "/installers", body);
		if (reply.status() != 201 && reply.status() != 200) {
			throw new AssertionError(reply.body());
		}
		long id = reply.json().get("id").asLong();
		installers.put(id, body);
		return id;
	}

	/** The installer's phone, the mobile sign-in's user name. */
	protected String phoneOf(long installer) {
		return (String) installers.get(installer).get("phone");
	}

	/** The installer's days of leave, as the provider edits them. */
	protected void leave(long provider, long installer, List<LocalDate> days) {
		Map<String, Object> body = new java.util.HashMap<>(installers.get(installer));
		body.put("leaveDays", days.stream().map(LocalDate::toString).toList());
		Api.Reply reply = admin.put("/api/v1/providers/" + provider + "/installers/" + installer, body);
		if (reply.status() != 200) {
			throw new AssertionError(reply.body());
		}
	}

	protected long order(String regionCode, double lat, double lng) {
		return order(regionCode, lat, lng, "DOOR");
	}

	/** An order through the brand's API, its process run until the consumer's booking link is out. */
	protected long order(String regionCode, double lat, double lng, String category) {
		long order = asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("LIVE"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "文三路 90 号", "regionCode", regionCode,
						"location", Map.of("lat", lat, "lng", lng)),
				"items", List.of(Map.of("sku", "D", "name", "Door", "category", category, "quantity", 1)),
				"serviceType", "INSTALLATION", "goods", Map.of("status", "ARRIVED")))
			.json()
			.get("id")
			.asLong();
		driver.drainUntil(order, () -> "AWAITING_BOOKING".equals(orderStatus(order)), "booking link of " + order);
		await(() -> jobs.findById(order).isPresent(), "the schedule took order " + order);
		return order;
	}

	protected String orderStatus(long order) {
		return admin.get("/api/v1/orders/" + order).json().path("status").asText();
	}

	/**
	 * A dispatcher books the day for the consumer (staff booking: the whole day, no window); the process takes it.
	 * These tests need a booked job on a day, not the consumer's window.
	 */
	protected void book(long order, LocalDate day) {
		Api.Reply reply = admin.post("/api/v1/bookings/" + order, Map.of("date", day.toString()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		driver.drain(order);
		await(() -> day.equals(jobs.findById(order).map(ScheduleJob::getBookedDate).orElse(null)), "booked " + order);
	}

	/**
	 * The provider's admin accepts the order's offer, as the app's route shows only orders its provider accepted.
	 */
	protected void accepted(long order, long provider) {
		Api providerAdmin = asNewUser(dev.shifu.platform.identity.Role.PROVIDER_ADMIN, provider);
		JsonNode[] offer = new JsonNode[1];
		driver.drainUntil(order, () -> {
			for (JsonNode candidate : admin.get("/api/v1/offers?orderId=" + order).json()) {
				if (candidate.get("status").asText().equals("OFFERED") && candidate.get("providerId").asLong() == provider) {
					offer[0] = candidate;
					return true;
				}
			}
			return false;
		}, "an offer of " + order + " to " + provider);
		Api.Reply reply = providerAdmin.post("/api/v1/offers/" + offer[0].get("id").asLong() + "/accept", null);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		driver.drainUntil(order, () -> "SCHEDULED".equals(orderStatus(order)), "scheduled " + order);
	}

	/**
	 * The order's status moved on: the order context's event, published in a transaction as the order context does,
	 * so the schedule hears it through its own listener after the commit.
	 */
	protected void status(long order, OrderStatus to) {
		new org.springframework.transaction.support.TransactionTemplate(transactions)
			.executeWithoutResult(tx -> events.publishEvent(new OrderStatusChanged(order, brand.brandId(), "x", 1,
					OrderStatus.SCHEDULED, to, "test", null, clock.instant())));
	}

	protected JsonNode plan(String region, LocalDate day) {
		return plan(dispatcher, region, day);
	}

	protected static JsonNode plan(Api dispatcher, String region, LocalDate day) {
		Api.Reply reply = dispatcher.get("/api/v1/schedules?region=" + region + "&date=" + day);
		if (reply.status() != 200) {
			throw new AssertionError(reply.body());
		}
		return reply.json();
	}

	protected JsonNode planWhen(String region, LocalDate day, Predicate<JsonNode> condition, String what) {
		JsonNode[] last = new JsonNode[1];
		await(() -> condition.test(last[0] = plan(region, day)), what + " on " + day);
		return last[0];
	}

	protected static JsonNode visit(JsonNode plan, long order) {
		for (JsonNode installer : plan.get("installers")) {
			for (JsonNode visit : installer.get("visits")) {
				if (visit.get("orderId").asLong() == order) {
					return visit;
				}
			}
		}
		return null;
	}

	protected static String shiftOf(JsonNode plan, long order) {
		for (JsonNode installer : plan.get("installers")) {
			for (JsonNode visit : installer.get("visits")) {
				if (visit.get("orderId").asLong() == order) {
					return installer.get("shiftId").asText();
				}
			}
		}
		return null;
	}

	protected static List<Long> route(JsonNode plan, String shiftId) {
		List<Long> orders = new ArrayList<>();
		for (JsonNode installer : plan.get("installers")) {
			if (installer.get("shiftId").asText().equals(shiftId)) {
				installer.get("visits").forEach(v -> orders.add(v.get("orderId").asLong()));
			}
		}
		return orders;
	}

	/** Plan, pin, move with a pin, restart the way the app does, and find pins and routes as before. */
	protected void restartKeepsPinsMovesAndRoutes(String code, double lat, double lng, Supplier<Api> restart) {
		String city = ProblemFactory.regionOf(code);
		long provider = provider(code);
		long first = installer(provider, lat, lng);
		long second = installer(provider, lat + 0.01, lng + 0.01);
		long pinned = order(code, lat + 0.001, lng + 0.001);
		long moved = order(code, lat + 0.002, lng + 0.002);
		long free = order(code, lat + 0.003, lng + 0.003);
		LocalDate day = LocalDate.now(HANGZHOU).plusDays(1);
		for (long order : List.of(pinned, moved, free)) {
			book(order, day);
		}
		JsonNode plan = planWhen(city, day, p -> visit(p, pinned) != null && visit(p, moved) != null
				&& visit(p, free) != null, "all three planned");
		String pinnedShift = shiftOf(plan, pinned);
		String target = shiftOf(plan, moved).equals(ShiftIds.of(first, day)) ? ShiftIds.of(second, day)
				: ShiftIds.of(first, day);

		assertThat(dispatcher.post("/api/v1/schedules/" + city + "/pins", Map.of("jobId", "O" + pinned)).status()).isEqualTo(202);
		assertThat(dispatcher.post("/api/v1/schedules/" + city + "/moves",
				Map.of("jobId", "O" + moved, "shiftId", target, "position", 0, "pin", true)).status()).isEqualTo(202);
		JsonNode before = planWhen(city, day, p -> isPinned(p, pinned) && isPinned(p, moved) && target.equals(shiftOf(p, moved)),
				"pin and move applied");
		String freeShift = shiftOf(before, free);

		Api restarted = restart.get();

		JsonNode after = plan(restarted, city, day);
		assertThat(shiftOf(after, pinned)).isEqualTo(pinnedShift);
		assertThat(shiftOf(after, moved)).isEqualTo(target);
		assertThat(isPinned(after, pinned)).isTrue();
		assertThat(isPinned(after, moved)).isTrue();
		assertThat(route(after, pinnedShift)).isEqualTo(route(before, pinnedShift));
		assertThat(route(after, target)).isEqualTo(route(before, target));
		assertThat(shiftOf(after, free)).as("an unpinned job stays where it was").isEqualTo(freeShift);
	}

	protected static boolean isPinned(JsonNode plan, long order) {
		JsonNode visit = visit(plan, order);
		return visit != null && visit.get("pinned").asBoolean();
	}

	/** Polls the outcome for up to 30 seconds; the live solver publishes asynchronously. */
	protected static void await(Supplier<Boolean> condition, String what) {
		for (int i = 0; i < 150; i++) {
			if (condition.get()) {
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

}
