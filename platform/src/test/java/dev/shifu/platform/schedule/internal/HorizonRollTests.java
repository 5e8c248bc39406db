package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;
import java.time.LocalTime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.shifu.platform.support.Api;

import dev.shifu.platform.order.OrderStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan covers the day of service and moves with the clock: across midnight and through the day. */
@org.springframework.test.context.TestPropertySource(properties = LivePlanTest.OWN_DATABASE)
class HorizonRollTests extends LivePlanTest {

	private static final String CITY = "330300";

	private static final String SUZHOU = "320500";

	@Test
	void acrossMidnightYesterdayDropsOutTodayStaysAndANewDayComesIn() {
		LocalDate day = LocalDate.now(HANGZHOU).plusDays(20);
		// Booked the day before (a consumer books from tomorrow on), then the day of the first visit.
		at(day.minusDays(2).atTime(7, 0).atZone(HANGZHOU));
		long provider = provider("320506");
		long installer = installer(provider, 31.26, 120.63);
		long yesterdays = order("320506", 31.261, 120.631);
		long todays = order("320506", 31.262, 120.632);
		book(yesterdays, day.minusDays(1));
		book(todays, day);
		at(day.minusDays(1).atTime(7, 0).atZone(HANGZHOU));
		planWhen(SUZHOU, day.minusDays(1), plan -> visit(plan, yesterdays) != null, "the visit of the day before planned");
		planWhen(SUZHOU, day, plan -> visit(plan, todays) != null, "the visit of the day planned");
		await(() -> storedDays(todays).contains(day), "the visit stored");

		at(day.atTime(0, 30).atZone(HANGZHOU));

		JsonNode yesterday = plan(SUZHOU, day.minusDays(1));
		assertThat(yesterday.get("installers")).as("yesterday dropped out").isEmpty();
		JsonNode today = plan(SUZHOU, day);
		assertThat(visit(today, todays)).as("the day of service is still planned").isNotNull();
		assertThat(shiftOf(today, todays)).isEqualTo(ShiftIds.of(installer, day));
		JsonNode newDay = plan(SUZHOU, day.plusDays(3));
		assertThat(newDay.get("installers").findValuesAsText("shiftId")).as("a new day came in")
			.contains(ShiftIds.of(installer, day.plusDays(3)));
		// The store rewrites the region's plan after the roll; today's visit must be in it.
		await(() -> !storedDays(yesterdays).contains(day.minusDays(1)), "the stored plan rolled");
		assertThat(storedDays(todays)).as("no stored visit of today is lost").containsExactly(day);
	}

	@Test
	void todaysUnstartedWorkMovesPastNowWhileWorkUnderWayAndDoneStaysAtTheHeadOfTheRoute() {
		LocalDate day = LocalDate.now(HANGZHOU).plusDays(30);
		at(day.minusDays(1).atTime(7, 0).atZone(HANGZHOU));
		long provider = provider("330303");
		long installer = installer(provider, 28.0, 120.65);
		long first = order("330303", 28.01, 120.66);
		long second = order("330303", 28.02, 120.67);
		book(first, day);
		book(second, day);
		at(day.atTime(7, 0).atZone(HANGZHOU));
		String shift = ShiftIds.of(installer, day);
		planWhen(CITY, day, plan -> route(plan, shift).size() == 2, "both visits on the installer's route");
		// The installer sets out for the second visit of the route first: the head follows what really happens.
		long started = route(plan(CITY, day), shift).get(1);
		long waiting = started == first ? second : first;

		status(started, OrderStatus.EN_ROUTE);
		planWhen(CITY, day, plan -> visit(plan, started) != null && visit(plan, started).get("pinned").asBoolean(),
				"the visit under way pinned");
		status(started, OrderStatus.COMPLETED);
		await(() -> jobs.findById(started).map(ScheduleJob::isDone).orElse(false), "the visit done");
		at(day.atTime(15, 0).atZone(HANGZHOU));

		JsonNode afternoon = planWhen(CITY, day, plan -> visit(plan, waiting) != null, "the waiting visit planned");
		assertThat(route(afternoon, shift)).as("the done visit heads the route").startsWith(started);
		assertThat(visit(afternoon, started).get("pinned").asBoolean()).isTrue();
		assertThat(visit(afternoon, waiting).get("pinned").asBoolean()).as("the rest of the day stays free").isFalse();
		assertThat(LocalTime.parse(visit(afternoon, waiting).get("start").asText().substring(11)))
			.as("nothing unstarted is planned before now")
			.isAfterOrEqualTo(LocalTime.of(15, 0));
	}

	/**
	 * A region's days are its own zone's (the test district 990101 is on New York time): at noon in New York it is
	 * already 01:00 of the next day in Hangzhou, and New York's today is still planned, from its own noon on.
	 */
	@Test
	void aRegionPlansTodayByItsOwnZone() {
		java.time.ZoneId newYork = java.time.ZoneId.of("America/New_York");
		LocalDate day = LocalDate.now(newYork).plusDays(40);
		// Booked the day before, New York time (a consumer books from tomorrow on).
		at(day.minusDays(1).atTime(12, 0).atZone(newYork));
		long provider = provider("990101");
		long installer = installer(provider, 40.71, -74.0);
		long order = order("990101", 40.711, -74.001);
		book(order, day);

		at(day.atTime(12, 0).atZone(newYork));
		assertThat(LocalDate.now(clock.withZone(HANGZHOU))).as("already the next day in Hangzhou").isEqualTo(day.plusDays(1));

		JsonNode today = planWhen("990100", day, plan -> visit(plan, order) != null, "New York's today planned");
		assertThat(shiftOf(today, order)).isEqualTo(ShiftIds.of(installer, day));
		assertThat(LocalTime.parse(visit(today, order).get("start").asText().substring(11)))
			.as("not before now, New York time")
			.isAfterOrEqualTo(LocalTime.of(12, 0));
	}

	/**
	 * The installer's app shows the day's route all day: signed in through the mobile API, the installer reads the
	 * route of the day of service just after midnight and in the afternoon, and finds the booked visit both times and
	 * the day before's gone.
	 */
	@Test
	void theInstallersAppShowsTodaysRouteAllDayAcrossMidnight() {
		LocalDate day = LocalDate.now(HANGZHOU).plusDays(50);
		at(day.minusDays(2).atTime(7, 0).atZone(HANGZHOU));
		long provider = provider("320507");
		long installer = installer(provider, 31.30, 120.60);
		long yesterdays = order("320507", 31.301, 120.601);
		long todays = order("320507", 31.302, 120.602);
		book(yesterdays, day.minusDays(1));
		book(todays, day);
		accepted(yesterdays, provider);
		accepted(todays, provider);
		Api.Reply login = admin.put("/api/v1/providers/" + provider + "/installers/" + installer + "/mobile-login",
				Map.of("password", MOBILE_PASSWORD, "providerAdmin", false));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		// Two days ahead both days are on the app's routes, whether or not the plan covers its own today.
		await(() -> routeJobs(signIn(installer), day.minusDays(1)).contains(yesterdays), "the day before on the app's route");
		await(() -> routeJobs(signIn(installer), day).contains(todays), "the day of service on the app's route");

		at(day.atTime(0, 30).atZone(HANGZHOU));
		String night = signIn(installer);
		// The day before leaves the app when the store rewrites the rolled plan: today's visit must outlast that.
		await(() -> !routeJobs(night, day.minusDays(1)).contains(yesterdays), "the day before gone from the app");
		assertThat(routeJobs(night, null)).as("today's route just after midnight").contains(todays).doesNotContain(yesterdays);
		assertThat(routeJobs(night, day)).as("the route of the day of service at 00:30").contains(todays);

		at(day.atTime(15, 0).atZone(HANGZHOU));
		String afternoon = signIn(installer);
		await(() -> routeJobs(afternoon, null).contains(todays), "today's route in the afternoon");
		assertThat(routeJobs(afternoon, day)).as("the route of the day of service at 15:00").contains(todays);
		assertThat(routeJobs(afternoon, day.minusDays(1))).as("the day before stays gone").doesNotContain(yesterdays);
	}

	private static final String MOBILE_PASSWORD = "installer-secret-1";

	/** The installer signs in to the app as it does each morning: the access token. */
	private String signIn(long installer) {
		Api.Reply reply = anonymous().post("/mobile/v1/auth/login",
				Map.of("phone", phoneOf(installer), "password", MOBILE_PASSWORD, "deviceName", "test"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().get("accessToken").asText();
	}

	/** The order ids on the installer's route in the app, of the day (today's when none is given). */
	private java.util.List<Long> routeJobs(String token, LocalDate day) {
		Api.Reply reply = Api.bearer(http, token).get("/mobile/v1/route" + (day == null ? "" : "?date=" + day));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		java.util.List<Long> ids = new java.util.ArrayList<>();
		reply.json().get("jobs").forEach(job -> ids.add(job.get("jobId").asLong()));
		return ids;
	}

	private java.util.List<LocalDate> storedDays(long order) {
		return jdbc.queryForList("select plan_date from planned_visit where order_id = ?", java.sql.Date.class, order)
			.stream()
			.map(java.sql.Date::toLocalDate)
			.toList();
	}

}
