package dev.shifu.platform.workflow;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;
import org.springframework.test.context.support.DirtiesContextBeforeModesTestExecutionListener;
import org.springframework.test.context.support.DirtiesContextTestExecutionListener;

import dev.shifu.platform.ShifuApplication;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.MariaDb;
import dev.shifu.platform.support.MovableClock;
import dev.shifu.platform.support.ProcessDriver;
import dev.shifu.platform.webhook.internal.TestReceiver;
import dev.shifu.platform.webhook.internal.WebhookTestAccess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One order from posting to CLOSED on MariaDB through the REST APIs alone, run as in production: the job executor
 * is on and every timer fires when the test's clock passes its due date, never earlier and never by hand. This
 * context has its own database and profile ({@code real-timers}), so its job executor never touches other tests'
 * processes, and it is closed after the class. Halfway, once the day is planned and a dispatcher has pinned and
 * moved visits, the app is closed and a new one starts on the same database and clock: the walk goes on there.
 */
@ActiveProfiles("real-timers")
@ContextConfiguration(initializers = OrderLifecycleOnMariaDbTests.OwnDatabase.class)
@Import(MovableClock.Config.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// Only the listeners this test needs: the default ones that reset mocks, web drivers and mock servers after each
// test load the context again, and this test's first context is closed halfway on purpose.
@TestExecutionListeners(listeners = { DirtiesContextBeforeModesTestExecutionListener.class,
		DependencyInjectionTestExecutionListener.class, DirtiesContextTestExecutionListener.class,
		OrderLifecycleOnMariaDbTests.CurrentTestContext.class },
		mergeMode = TestExecutionListeners.MergeMode.REPLACE_DEFAULTS)
class OrderLifecycleOnMariaDbTests extends LifecycleFixture {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of(MariaDb.ownDatabase("lifecycle")).applyTo(context);
		}

	}

	/** Test contexts name their engines uniquely, so Camunda REST is addressed by engine name. */
	@Autowired
	private ProcessEngine engine;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MovableClock clock;

	/** The app started in place of the test's own, halfway through the walk. */
	private ConfigurableApplicationContext restarted;

	/** The test's context, so the test can close its app the way the framework expects (dirty, out of the cache). */
	static class CurrentTestContext implements TestExecutionListener {

		static volatile TestContext current;

		@Override
		public void beforeTestMethod(TestContext testContext) {
			current = testContext;
		}

	}

	@AfterEach
	void resetClock() {
		if (restarted != null) {
			restarted.close();
		}
		clock.reset();
	}

	@Test
	void anOrderWalksFromPostingToClosedWithTheRealTimersOnAMovedClock() {
		TestReceiver receiver = TestReceiver.start();
		String secret = brandApi.put("/api/v1/brand/webhook", Map.of("url", receiver.url())).json().get("secret").asText();
		long installerId = admin.post("/api/v1/providers/" + dealerId + "/installers", Map.of("name", "王师傅",
				"phone", String.format("139%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000)),
				"skills", List.of("DOOR"), "certificates", List.of(), "leaveDays", List.of(), "homeBase", Map.of("lat", 30.28, "lng", 120.11),
				"shifts", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY").stream()
					.map(day -> Map.of("day", day, "start", "08:00", "end", "18:00")).toList(),
				"crewSize", 1)).json().get("id").asLong();

		long order = post();
		await("booking link sent", () -> status(order).equals("AWAITING_BOOKING")
				&& notifications(order).findValuesAsText("template").contains("BOOKING_LINK"));

		// booking (a dispatcher's, with the consumer on the phone): never before the goods are due
		String token = consumerToken(order);
		Api.Reply tooEarly = admin.post("/api/v1/bookings/" + order, Map.of("date", TODAY.plusDays(1).toString()));
		assertThat(tooEarly.status()).isEqualTo(400);
		assertThat(tooEarly.json().get("field").asText()).isEqualTo("date");
		LocalDate day = TODAY.plusDays(3);
		Api.Reply booked = admin.post("/api/v1/bookings/" + order, Map.of("date", day.toString()));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		await("waiting for goods", () -> status(order).equals("AWAITING_GOODS"));

		// logistics: the goods arrive and dispatch offers the job to the brand's dealer, which accepts
		assertThat(brandApi.post("/api/v1/orders/" + order + "/goods-status", Map.of("status", "ARRIVED")).status()).isEqualTo(200);
		await("an offer", () -> openOffer(order) != null);
		JsonNode offer = openOffer(order);
		assertThat(offer.get("providerId").asLong()).as("the brand's own dealer is offered first").isEqualTo(dealerId);
		assertThat(dealerAdmin.post("/api/v1/offers/" + offer.get("id").asLong() + "/accept", null).status()).isEqualTo(200);
		await("scheduled", () -> status(order).equals("SCHEDULED"));

		// The installation-day timer waits for 00:00 of the booked day; installer events before it are refused.
		assertThat(timer(order, "InstallationDayTimer").getDuedate().toInstant()).isEqualTo(day.atStartOfDay(SHANGHAI).toInstant());
		assertThat(jobEvent(order, "EN_ROUTE").status()).isEqualTo(409);
		// planned for the booked day, on one of the accepting dealer's installers
		Api dispatcher = asNewUser(dev.shifu.platform.identity.Role.DISPATCHER, null);
		Long[] planned = new Long[1];
		await("planned on the booked day", () -> {
			planned[0] = plannedInstaller(dispatcher, day, order);
			return planned[0] != null;
		});
		assertThat(List.of(installerId, dealerInstallerId)).contains(planned[0]);

		// Two more visits that day, accepted by the dealer. A dispatcher pins one where it is (with the visits before it)
		// and moves a visit left free, pinned, to another installer's route behind its pinned head. Then the app
		// restarts: the pins and the plan must be as they were.
		long second = bookedAndAccepted(day);
		long third = bookedAndAccepted(day);
		JsonNode[] seen = new JsonNode[1];
		await("the three visits planned", () -> {
			seen[0] = dispatcher.get("/api/v1/schedules?region=330100&date=" + day).json();
			return jobIdOf(seen[0], order) != null && jobIdOf(seen[0], second) != null && jobIdOf(seen[0], third) != null;
		});
		// Pinning a visit pins the visits before it too, so the pin goes to a visit that heads its route: the other
		// two stay free (pinning the last of one route of three would leave nothing to move).
		DayPlan planned3 = DayPlan.of(seen[0]);
		long pinned = planned3.routes().values().stream()
			.filter(route -> !route.isEmpty() && List.of(second, third).contains(route.get(0)))
			.map(route -> route.get(0))
			.findFirst()
			.orElse(planned3.routes().values().stream().filter(route -> !route.isEmpty()).findFirst().orElseThrow().get(0));
		long other = pinned == second ? third : second;
		Api.Reply pin = dispatcher.post("/api/v1/schedules/330100/pins", Map.of("jobId", jobIdOf(seen[0], pinned)));
		assertThat(pin.status()).as(pin.body()).isEqualTo(202);
		await("the pin applied", () -> {
			seen[0] = dispatcher.get("/api/v1/schedules?region=330100&date=" + day).json();
			return DayPlan.of(seen[0]).pinned().contains(pinned);
		});
		DayPlan pinnedPlan = DayPlan.of(seen[0]);
		// the solver may have put a visit ahead of the pinned one before the pin applied: move one the pin left free
		long moved = java.util.stream.Stream.of(other, order, second, third)
			.filter(id -> id != pinned && !pinnedPlan.pinned().contains(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("a visit left free to move: " + seen[0]));
		String target = pinnedPlan.routes().keySet().stream()
			.filter(shift -> !pinnedPlan.routes().get(shift).contains(moved))
			.findFirst()
			.orElseThrow(() -> new AssertionError("one installer's route only: " + seen[0]));
		int behindPinnedHead = (int) pinnedPlan.routes().get(target).stream().takeWhile(pinnedPlan.pinned()::contains).count();
		Api.Reply move = dispatcher.post("/api/v1/schedules/330100/moves",
				Map.of("jobId", jobIdOf(seen[0], moved), "shiftId", target, "position", behindPinnedHead, "pin", true));
		assertThat(move.status()).as(move.body()).isEqualTo(202);
		await("the move applied", () -> {
			DayPlan plan = DayPlan.of(dispatcher.get("/api/v1/schedules?region=330100&date=" + day).json());
			return plan.pinned().containsAll(List.of(pinned, moved))
					&& plan.routes().getOrDefault(target, List.of()).contains(moved);
		});
		DayPlan beforeRestart = settled(dispatcher, day);

		restart();
		Api dispatcherAfter = asNewUser(dev.shifu.platform.identity.Role.DISPATCHER, null);

		DayPlan afterRestart = DayPlan.of(dispatcherAfter.get("/api/v1/schedules?region=330100&date=" + day).json());
		assertThat(afterRestart.pinned()).as("pins after the restart").isEqualTo(beforeRestart.pinned()).contains(pinned, moved);
		assertThat(afterRestart.routes()).as("each route's visits, in order, after the restart").isEqualTo(beforeRestart.routes());
		assertThat(afterRestart.crews()).as("each route's installers after the restart").isEqualTo(beforeRestart.crews());
		assertThat(afterRestart.routes().get(target)).contains(moved);
		assertThat(plannedInstaller(dispatcherAfter, day, order)).as("the walk's order on the same installer").isEqualTo(
				beforeRestart.installerOf(order));
		assertThat(status(order)).isEqualTo("SCHEDULED");

		// The clock crosses into the booked day: the (new) job executor fires the timer by itself.
		clock.set(day.atStartOfDay(SHANGHAI).plusMinutes(1).toInstant());
		await("in service on the booked day", () -> status(order).equals("IN_SERVICE"));
		// The plan rolled past midnight: yesterday dropped out (its routes are gone), the booked day is today.
		await("the plan rolled into the booked day", () -> !dispatcherAfter
			.get("/api/v1/schedules?region=330100&date=" + day.minusDays(1)).json().path("installers").elements().hasNext());
		// the day's route shows it in the morning
		clock.set(day.atTime(8, 0).atZone(SHANGHAI).toInstant());
		assertThat(plannedInstaller(dispatcherAfter, day, order)).as("on the route at 08:00").isNotNull();
		clock.set(day.atTime(9, 0).atZone(SHANGHAI).toInstant());

		// progress, a wrong code that does not complete, then the right one
		for (String step : List.of("EN_ROUTE", "ARRIVED", "STARTED")) {
			assertThat(jobEvent(order, step).status()).as(step).isEqualTo(200);
			await(step, () -> status(order).equals(step));
		}
		String code = verificationCode(order);
		Api.Reply wrong = dealerAdmin.post(jobEvents(order), Map.of("type", "COMPLETED", "verificationCode", "000000".equals(code) ? "111111" : "000000"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("field").asText()).isEqualTo("verificationCode");
		assertThat(status(order)).isEqualTo("STARTED");
		assertThat(dealerAdmin.post(jobEvents(order), Map.of("type", "COMPLETED", "verificationCode", code)).status()).isEqualTo(200);
		await("completed", () -> status(order).equals("COMPLETED"));
		// done by the installer the plan sent, and still on that day's route late in the day
		Long doneBy = plannedInstaller(dispatcherAfter, day, order);
		clock.set(day.atTime(17, 0).atZone(SHANGHAI).toInstant());
		assertThat(plannedInstaller(dispatcherAfter, day, order)).as("on the route at 17:00, done").isEqualTo(doneBy);

		// no cancelling a completed job
		Api.Reply lateCancel = consumer().post("/api/v1/consumer/" + token + "/cancel", Map.of("reason", "changed my mind"));
		assertThat(lateCancel.status()).isEqualTo(409);
		assertThat(lateCancel.contentType()).startsWith("application/problem+json");

		// the rating reaches the order, and the installer who did the visit
		JsonNode before = admin.get("/api/v1/providers/" + dealerId + "/installers/" + doneBy).json();
		assertThat(consumer().post("/api/v1/consumer/" + token + "/rating",
				Map.of("stars", 4, "tags", List.of("准时", "专业"), "comment", "很好")).status()).isEqualTo(200);
		await("rated", () -> status(order).equals("RATED"));
		// the installer who did the visit is credited with it
		JsonNode after = admin.get("/api/v1/providers/" + dealerId + "/installers/" + doneBy).json();
		assertThat(after.get("ratingCount").asInt()).isEqualTo(before.get("ratingCount").asInt() + 1);
		assertThat(after.path("rating").asDouble()).isNotEqualTo(before.path("rating").asDouble());

		// The return visit is due 7 days after completion: the clock passes it and the task appears by itself.
		Job returnVisitDue = timer(order, "ReturnVisitDueTimer");
		assertThat(returnVisitDue.getDuedate().toInstant()).isAfter(clock.instant().plus(Duration.ofDays(6)));
		clock.set(returnVisitDue.getDuedate().toInstant().plusSeconds(60));
		await("the return visit task", () -> driver.openTask(order, "ReturnVisitTask") != null);
		Api.Reply completed = admin.post("/engine-rest/engine/" + engine.getName() + "/task/"
				+ driver.openTask(order, "ReturnVisitTask") + "/complete",
				Map.of("variables", Map.of("returnVisitOutcome", Map.of("value", "SATISFIED"))));
		assertThat(completed.status()).as(completed.body()).isEqualTo(204);
		await("closed", () -> status(order).equals("CLOSED"));

		assertThat(history(order)).containsExactly("RECEIVED", "AWAITING_BOOKING", "BOOKED", "AWAITING_GOODS",
				"DISPATCHING", "ASSIGNED", "SCHEDULED", "IN_SERVICE", "EN_ROUTE", "ARRIVED", "STARTED", "COMPLETED",
				"RATED", "CLOSED");
		assertThat(driver.endedAt(order)).isEqualTo("OrderClosedEndEvent");
		assertThat(driver.incidents(order)).isZero();
		assertThat(notifications(order).findValuesAsText("template")).contains("RATING_REQUEST");

		// every step reached the brand, signed, in order (status events reach the outbox asynchronously)
		List<String> steps = history(order);
		await("every status delivered to the webhook", () -> {
			WebhookTestAccess.dispatchAllDue(context);
			return delivered(receiver, secret, order).size() == steps.size();
		});
		assertThat(delivered(receiver, secret, order)).containsExactlyElementsOf(steps);
		receiver.close();
	}

	private long post() {
		Api.Reply reply = brandApi.post("/api/v1/orders", Map.of("externalOrderId", unique("LIFE"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", "330106", "location", Map.of("lat", 30.2765, "lng", 120.1229)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD",
				"goods", Map.of("status", "SHIPPED", "expectedArrival", TODAY.plusDays(2).toString()),
				"promisedBy", TODAY.plusDays(9).toString()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asLong();
	}

	/** The installer whose route of {@code day} holds the order's visit, in the schedule a dispatcher reads. */
	private static Long plannedInstaller(Api dispatcher, LocalDate day, long order) {
		JsonNode plan = dispatcher.get("/api/v1/schedules?region=330100&date=" + day).json();
		for (JsonNode route : plan.path("installers")) {
			for (JsonNode visit : route.path("visits")) {
				if (visit.path("orderId").asLong() == order) {
					return route.path("installerIds").get(0).asLong();
				}
			}
		}
		return null;
	}

	private String jobEvents(long order) {
		return "/api/v1/providers/" + dealerId + "/jobs/" + order + "/events";
	}

	/** Unlike the fixture's, this never runs jobs by hand: the job executor does. */
	private Api.Reply jobEvent(long order, String type) {
		return dealerAdmin.post(jobEvents(order), Map.of("type", type));
	}

	private Job timer(long order, String activityId) {
		Job[] found = new Job[1];
		await("timer " + activityId, () -> {
			found[0] = management.createJobQuery()
				.processInstanceId(driver.instanceOf(order))
				.activityId(activityId)
				.timers()
				.singleResult();
			return found[0] != null;
		});
		return found[0];
	}

	private static List<String> delivered(TestReceiver receiver, String secret, long order) {
		return receiver.received()
			.stream()
			.filter(r -> r.signedWith(secret))
			.map(r -> r.json())
			.filter(json -> json.get("orderId").asLong() == order)
			// The brand also receives the consumer's messages (consumer.notification); count the status changes.
			.filter(json -> json.path("type").asText().equals("order.status_changed"))
			.sorted(Comparator.comparingInt(json -> json.at("/data/sequence").asInt()))
			.map(json -> json.at("/data/to").asText())
			.toList();
	}

	/** A door order of the brand, booked for {@code day} (by a dispatcher) and accepted by the dealer. */
	private long bookedAndAccepted(LocalDate day) {
		Api.Reply reply = brandApi.post("/api/v1/orders", Map.of("externalOrderId", unique("LIFE"),
				"consumer", Map.of("name", "张伟", "phone", "13812345679", "address", "杭州市西湖区文二路 88 号",
						"regionCode", "330106", "location", Map.of("lat", 30.2790, "lng", 120.1300)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED"),
				"promisedBy", TODAY.plusDays(9).toString()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		long id = reply.json().get("id").asLong();
		await("booking link of " + id, () -> status(id).equals("AWAITING_BOOKING"));
		Api.Reply booked = admin.post("/api/v1/bookings/" + id, Map.of("date", day.toString()));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		await("an offer of " + id, () -> openOffer(id) != null);
		assertThat(dealerAdmin.post("/api/v1/offers/" + openOffer(id).get("id").asLong() + "/accept", null).status()).isEqualTo(200);
		await("scheduled " + id, () -> status(id).equals("SCHEDULED"));
		return id;
	}

	/**
	 * The day's plan once the live solver has settled on it: the same in two reads a few store intervals apart, so
	 * what the dispatcher sees is what the app has stored when it stops.
	 */
	private static DayPlan settled(Api dispatcher, LocalDate day) {
		DayPlan[] last = { null };
		await("the plan settled", () -> {
			DayPlan now = DayPlan.of(dispatcher.get("/api/v1/schedules?region=330100&date=" + day).json());
			boolean same = now.equals(last[0]);
			last[0] = now;
			if (!same) {
				sleep(3_000);
			}
			return same;
		});
		return last[0];
	}

	/**
	 * Closes this app as a shutdown does (the framework drops it from its cache) and starts a new one on the same
	 * database and the same clock, with nothing of the first one's memory; the walk's clients then talk to it.
	 */
	private void restart() {
		org.springframework.core.env.Environment env = context.getEnvironment();
		// The new app rolls its plan on its own, every two seconds on the moved clock, as production does every
		// quarter hour: the booked day must stay on the route once it is today.
		List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--shifu.schedule.roll-cron=*/2 * * * * *"));
		for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
				"spring.datasource.driver-class-name")) {
			args.add("--" + key + "=" + env.getProperty(key, ""));
		}
		CurrentTestContext.current.markApplicationContextDirty(DirtiesContext.HierarchyMode.EXHAUSTIVE);
		assertThat(((ConfigurableApplicationContext) context).isActive()).as("the first app is closed").isFalse();

		restarted = new SpringApplicationBuilder(ShifuApplication.class).profiles("test", "real-timers")
			.initializers(app -> app.getBeanFactory().registerSingleton("movableClock", clock))
			.run(args.toArray(String[]::new));
		context = restarted;
		http = new TestRestTemplate(new RestTemplateBuilder()
			.rootUri("http://localhost:" + restarted.getEnvironment().getProperty("local.server.port")));
		useBeansOf(restarted);
		engine = restarted.getBean(ProcessEngine.class);
		management = engine.getManagementService();
		runtime = engine.getRuntimeService();
		history = engine.getHistoryService();
		taskService = engine.getTaskService();
		driver = new ProcessDriver(runtime, management, history, taskService);
		brandApi = asBrand(brand);
		admin = asNewUser(dev.shifu.platform.identity.Role.ADMIN, null);
		dealerAdmin = Api.user(http, dealerAdminName, PASSWORD);
	}

	/** One day of a region's plan: each route's visits in order, its installers, and which visits are pinned. */
	record DayPlan(Map<String, List<Long>> routes, Map<String, List<String>> crews, java.util.Set<Long> pinned) {

		static DayPlan of(JsonNode plan) {
			Map<String, List<Long>> routes = new java.util.TreeMap<>();
			Map<String, List<String>> crews = new java.util.TreeMap<>();
			java.util.Set<Long> pinned = new java.util.TreeSet<>();
			for (JsonNode route : plan.path("installers")) {
				String shift = route.path("shiftId").asText();
				routes.put(shift, new java.util.ArrayList<>());
				List<String> crew = new java.util.ArrayList<>();
				route.path("installerIds").forEach(id -> crew.add(id.asText()));
				crews.put(shift, crew);
				for (JsonNode visit : route.path("visits")) {
					routes.get(shift).add(visit.path("orderId").asLong());
					if (visit.path("pinned").asBoolean()) {
						pinned.add(visit.path("orderId").asLong());
					}
				}
			}
			return new DayPlan(routes, crews, pinned);
		}

		Long installerOf(long order) {
			return routes.entrySet().stream()
				.filter(route -> route.getValue().contains(order))
				.map(route -> Long.valueOf(crews.get(route.getKey()).get(0)))
				.findFirst()
				.orElse(null);
		}

	}

	private static String jobIdOf(JsonNode plan, long order) {
		for (JsonNode visit : plan.path("installers").findValues("visits")) {
			for (JsonNode v : visit) {
				if (v.path("orderId").asLong() == order) {
					return v.path("jobId").asText();
				}
			}
		}
		return null;
	}

	private static String shiftOf(JsonNode plan, long order) {
		for (JsonNode route : plan.path("installers")) {
			for (JsonNode visit : route.path("visits")) {
				if (visit.path("orderId").asLong() == order) {
					return route.path("shiftId").asText();
				}
			}
		}
		return null;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** Bounded wait for what the job executor and the outbox do in the background; never a timing assertion. */
	private static void await(String what, Supplier<Boolean> condition) {
		for (int i = 0; i < 1200; i++) {
			if (condition.get()) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("gave up waiting for " + what);
	}

}
