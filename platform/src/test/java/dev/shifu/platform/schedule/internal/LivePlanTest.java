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

import dev.shifu.platform.booking.BookingEvents.VisitBooked;
import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.order.OrderEvents.OrderStatusChanged;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.MovableClock;
import dev.shifu.platform.support.PlatformIntegrationTest;

/**
 * The live plan through the running app on a clock the test moves: a network of one provider per test in a city of
 * its own (so no other test's jobs or installers share the routes), orders through the API, and the schedule API to
 * read the plan. Events of other contexts (a booking, progress on site) go to the schedule's own listener.
 */
@Import(MovableClock.Config.class)
abstract class LivePlanTest extends PlatformIntegrationTest {

	/** Distinct phones for every installer of the JVM, so no two fixtures collide. */
	private static final AtomicInteger PHONES = new AtomicInteger((int) (Instant.now().getEpochSecond() % 1000) * 10000);

	@Autowired
	protected MovableClock clock;

	@Autowired
	protected HorizonRoll roll;

	@Autowired
	protected ScheduleUpdates updates;

	@Autowired
	protected SchedulePlanner planner;

	@Autowired
	protected RegionLifecycle lifecycle;

	@Autowired
	protected ScheduleJobRepository jobs;

	@Autowired
	protected JdbcTemplate jdbc;

	protected Api admin;

	protected Api dispatcher;

	protected IssuedBrand brand;

	@BeforeEach
	void users() {
		admin = asNewUser(Role.ADMIN, null);
		dispatcher = asNewUser(Role.DISPATCHER, null);
		brand = newBrand();
	}

	@AfterEach
	void backToNow() {
		clock.reset();
		roll.roll();
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
		Api.Reply reply = admin.post("/api/v1/providers/" + provider + "/installers", Map.of("name", unique("师傅"),
				"phone", "136" + String.format("%08d", PHONES.incrementAndGet()), "skills", List.of("DOOR"),
				"homeBase", Map.of("lat", lat, "lng", lng), "shifts", everyDay, "crewSize", 1));
		if (reply.status() != 201 && reply.status() != 200) {
			throw new AssertionError(reply.body());
		}
		return reply.json().get("id").asLong();
	}

	protected long order(String regionCode, double lat, double lng) {
		long order = asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("LIVE"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "文三路 90 号", "regionCode", regionCode,
						"location", Map.of("lat", lat, "lng", lng)),
				"items", List.of(Map.of("sku", "D", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "goods", Map.of("status", "ARRIVED")))
			.json()
			.get("id")
			.asLong();
		await(() -> jobs.findById(order).isPresent(), "the schedule took order " + order);
		return order;
	}

	/** The consumer booked the day (what the booking context announces). */
	protected void book(long order, LocalDate day) {
		updates.on(new VisitBooked(order, day));
		await(() -> day.equals(jobs.findById(order).map(ScheduleJob::getBookedDate).orElse(null)), "booked " + order);
	}

	/** The order's status moved on (what the order context announces). */
	protected void status(long order, OrderStatus to) {
		updates.on(new OrderStatusChanged(order, brand.brandId(), "x", 1, OrderStatus.SCHEDULED, to, "test", null,
				clock.instant()));
	}

	protected JsonNode plan(String region, LocalDate day) {
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
