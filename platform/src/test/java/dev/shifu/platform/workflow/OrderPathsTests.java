package dev.shifu.platform.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform side of the process's other paths, through the real APIs on H2. */
@org.springframework.test.context.TestPropertySource(properties = LifecycleFixture.OWN_PLANNING_CONTEXT)
class OrderPathsTests extends LifecycleFixture {

	@org.springframework.beans.factory.annotation.Autowired
	private org.springframework.jdbc.core.JdbcTemplate jdbc;

	@org.springframework.boot.test.web.server.LocalServerPort
	private int port;

	@org.springframework.beans.factory.annotation.Autowired
	private dev.shifu.platform.dispatch.VisitRecords visitRecords;

	@org.springframework.beans.factory.annotation.Autowired
	private OrderProcess process;

	@Test
	void brandCancellationEndsTheProcessReleasesTheBookingAndTellsTheConsumer() {
		long order = postOrder("NOT_SHIPPED");
		book(order, TODAY.plusDays(4));

		Api.Reply cancelled = brandApi.post("/api/v1/orders/" + order + "/cancel", Map.of("reason", "consumer returned the goods"));
		driver.drainUntil(order, () -> driver.endedAt(order) != null, "process ended");

		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(driver.endedAt(order)).isEqualTo("OrderCancelledEndEvent");
		assertThat(history(order)).endsWith("CANCELLED").filteredOn("CANCELLED"::equals).hasSize(1);
		assertThat(notifications(order).findValuesAsText("template")).contains("ORDER_CANCELLED");
		assertThat(consumer().get("/api/v1/consumer/" + consumerToken(order)).json().has("bookedDate")).isFalse();
	}

	@Test
	void aDispatchersBookingAndItsMoveReachTheProcessAndTheConsumersOrder() {
		long order = postOrder("NOT_SHIPPED");
		String booking = "/api/v1/bookings/" + order;

		Api.Reply first = admin.post(booking, Map.of("date", TODAY.plusDays(4).toString()));

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("bookedDate").asText()).isEqualTo(TODAY.plusDays(4).toString());
		driver.drainUntil(order, () -> status(order).equals("AWAITING_GOODS"), "the booking taken");

		Api.Reply moved = admin.post(booking, Map.of("date", TODAY.plusDays(5).toString()));

		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().get("bookedDate").asText()).isEqualTo(TODAY.plusDays(5).toString());
		driver.drain(order);
		assertThat(consumer().get("/api/v1/consumer/" + consumerToken(order)).json().get("bookedDate").asText())
			.isEqualTo(TODAY.plusDays(5).toString());
		assertThat(process.bookedDay(order)).contains(TODAY.plusDays(5));
	}

	@Test
	void unbookedOrdersGetAReminderThenAWarningAndAPhoneTask() {
		long order = postOrder("ARRIVED");

		driver.fireTimer(order, "BookingReminderTimer");
		driver.fireTimer(order, "BookingEscalationTimer");

		assertThat(notifications(order).findValuesAsText("template")).contains("BOOKING_REMINDER");
		JsonNode warnings = admin.get("/api/v1/orders/" + order).json().get("warnings");
		assertThat(warnings.findValuesAsText("level")).containsExactly("WARN");
		assertThat(driver.openTask(order, "PhoneConsumerTask")).isNotNull();
	}

	@Test
	void aLowRatingOpensAComplaintAndAReworkTheConsumerBooksPlannedOnTheNewDayAvoidingTheOriginalInstaller() {
		long otherInstaller = addInstaller(dealerId, "师傅丙");
		long order = postOrder("ARRIVED");
		book(order, TODAY.plusDays(2));
		dispatchToDealer(order);
		storedCrew(order, List.of(dealerInstallerId, otherInstaller));
		serve(order);

		consumer().post("/api/v1/consumer/" + consumerToken(order) + "/rating", Map.of("stars", 2, "comment", "door scratched"));
		driver.drain(order);
		long original = rated(dealerInstallerId, otherInstaller);
		long other = original == dealerInstallerId ? otherInstaller : dealerInstallerId;

		JsonNode complaints = admin.get("/api/v1/complaints?orderId=" + order).json();
		assertThat(complaints.findValuesAsText("source")).containsExactly("LOW_RATING");
		assertThat(complaints.get(0).get("details").asText()).contains("door scratched");
		assertThat(complaints.get(0).get("installerId").asLong()).isEqualTo(original);
		assertThat(installer(dealerId, original).get("reworkCount").asInt()).as("counted against the installer").isEqualTo(1);
		assertThat(installer(dealerId, other).get("reworkCount").asInt()).isZero();
		assertThat(driver.isWaitingAt(order, "AwaitReworkBookingTask")).as("a rework is a new visit to book").isTrue();

		// within the planning horizon (the next three days), later than the original visit
		LocalDate reworkDay = TODAY.plusDays(3);
		book(order, reworkDay);

		assertThat(status(order)).isEqualTo("REWORK_SCHEDULED");
		JsonNode planned = null;
		for (int i = 0; i < 1200 && planned == null; i++) {
			planned = currentRoute(order, reworkDay, "I");
			pause();
		}
		assertThat(planned).as("planned on the rework's own day, not the past one").isNotNull();
		// With both installers free that day, the plan gives the rework to the other one (the brand's default policy).
		JsonNode byOther = null;
		for (int i = 0; i < 600 && byOther == null; i++) {
			byOther = currentRoute(order, reworkDay, "I" + other + "@");
			pause();
		}
		assertThat(byOther).as("the rework planned with the other installer, not " + original + ": "
				+ currentRoute(order, reworkDay, "")).isNotNull();
		// Where only the original installer is free that day, the plan still serves the rework and counts the
		// brand's policy against it (the solver's soft preference is the planner's to weigh).
		onLeave(dealerId, other, reworkDay);
		JsonNode fallback = plannedWith(order, reworkDay, original, "Rework by another installer");
		assertThat(fallback.get("reasons").findValuesAsText("reason"))
			.contains("rework by installer " + original + ", who did the original work");
	}

	@Test
	void aBrandCanWantTheSameInstallerForItsReworksAndTheReworkIsServedToTheOrdersClose() {
		long otherInstaller = addInstaller(dealerId, "师傅丁");
		assertThat(brandApi.put("/api/v1/brand/dispatch-settings", Map.of("reworkBySameInstaller", true)).status()).isEqualTo(200);
		long order = postOrder("ARRIVED");
		book(order, TODAY.plusDays(2));
		dispatchToDealer(order);
		storedCrew(order, List.of(dealerInstallerId, otherInstaller));
		serve(order);
		consumer().post("/api/v1/consumer/" + consumerToken(order) + "/rating", Map.of("stars", 1));
		driver.drain(order);
		long original = rated(dealerInstallerId, otherInstaller);
		long other = original == dealerInstallerId ? otherInstaller : dealerInstallerId;

		// The consumer agreed the day on the phone: a dispatcher books the rework for them (a brand may not).
		Map<String, String> reworkDay = Map.of("date", TODAY.plusDays(3).toString());
		assertThat(brandApi.post("/api/v1/bookings/" + order, reworkDay).status()).isEqualTo(403);
		Api.Reply booked = asNewUser(Role.DISPATCHER, null).post("/api/v1/bookings/" + order, reworkDay);
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		assertThat(booked.json().get("bookedDate").asText()).isEqualTo(TODAY.plusDays(3).toString());
		driver.drainUntil(order, () -> status(order).equals("REWORK_SCHEDULED"), "the rework booked");

		assertThat(runtime.getVariable(driver.instanceOf(order), "preferredInstallerId")).isEqualTo(String.valueOf(original));
		assertThat(runtime.getVariable(driver.instanceOf(order), "avoidedInstallerId")).isNull();
		onLeave(dealerId, original, TODAY.plusDays(3));
		JsonNode visit = plannedWith(order, TODAY.plusDays(3), other, "Same installer for revisit");
		assertThat(visit.get("reasons").findValuesAsText("constraint")).doesNotContain("Rework by another installer");

		// The installer the plan sent serves the rework through the job events, with the consumer's code.
		for (String step : List.of("EN_ROUTE", "ARRIVED")) {
			Api.Reply progress = jobEvent(order, Map.of("type", step, "installerId", other));
			assertThat(progress.status()).as(step + ": " + progress.body()).isEqualTo(200);
		}
		// The rework's code shows from its day on (a new code: the first visit's installer knew the old one).
		assertThat(consumer().get("/api/v1/consumer/" + consumerToken(order)).json().has("verificationCode"))
			.as("no code before the rework's day").isFalse();
		jdbc.update("update booking set booked_date = ? where order_id = ?", TODAY, order);
		String code = verificationCode(order);
		Api.Reply wrong = jobEvent(order, Map.of("type", "COMPLETED", "installerId", other, "verificationCode",
				code.equals("000000") ? "111111" : "000000"));
		assertThat(wrong.status()).as("a rework is completed with the consumer's code only").isEqualTo(400);
		assertThat(status(order)).isEqualTo("REWORK_SCHEDULED");
		Api.Reply done = jobEvent(order, Map.of("type", "COMPLETED", "installerId", other, "verificationCode", code));
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("REWORK_DONE"), "the rework done");
		assertThat(visitRecords.lastServed(order, dev.shifu.platform.dispatch.VisitRecord.Kind.REWORK).orElseThrow()
			.installerIds()).as("the rework visit is credited to who did it").containsExactly(other);

		// A week after the first visit customer service calls back: the order closes, with no incident on the way.
		driver.fireTimer(order, "ReturnVisitDueTimer");
		Api service = asNewUser(Role.CUSTOMER_SERVICE, null);
		String task = driver.openTask(order, "ReturnVisitTask");
		Api.Reply called = service.post("/api/v1/tasks/" + task + "/complete",
				Map.of("type", "RETURN_VISIT", "outcome", "SATISFIED"));
		assertThat(called.status()).as(called.body()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("CLOSED"), "closed");

		assertThat(history(order)).endsWith("RATED", "REWORK_SCHEDULED", "REWORK_DONE", "CLOSED");
		assertThat(driver.endedAt(order)).isEqualTo("OrderClosedEndEvent");
		assertThat(driver.incidents(order)).isZero();
		assertThat(installer(dealerId, original).get("reworkCount").asInt()).as("one rework, counted once").isEqualTo(1);
		assertThat(installer(dealerId, other).get("reworkCount").asInt()).isZero();
	}

	/**
	 * The order's visit on {@code day} in the live plan, on the installer's route, explained with {@code constraint}:
	 * a bounded wait for the solver.
	 */
	private JsonNode plannedWith(long order, LocalDate day, long installer, String constraint) {
		String shift = "I" + installer + "@" + day;
		for (int i = 0; i < 1200; i++) {
			JsonNode route = currentRoute(order, day, shift);
			if (route != null) {
				for (JsonNode visit : route.get("visits")) {
					List<String> constraints = visit.get("reasons").findValuesAsText("constraint");
					boolean explained = constraints.contains(constraint);
					if (visit.get("orderId").asLong() == order && explained) {
						return visit;
					}
				}
			}
			pause();
		}
		throw new AssertionError("order " + order + " never planned on " + shift + " with " + constraint + ": "
				+ currentRoute(order, day, ""));
	}

	/** The installer takes the day off (the network API); the live plan drops their shift. */
	private void onLeave(long providerId, long installerId, LocalDate day) {
		JsonNode i = installer(providerId, installerId);
		List<String> skills = new java.util.ArrayList<>();
		i.get("skills").forEach(skill -> skills.add(skill.asText()));
		List<Map<String, String>> shifts = new java.util.ArrayList<>();
		i.get("shifts").forEach(sh -> shifts.add(Map.of("day", sh.get("day").asText(), "start", sh.get("start").asText(),
				"end", sh.get("end").asText())));
		Api.Reply reply = admin.put("/api/v1/providers/" + providerId + "/installers/" + installerId, Map.of("name",
				i.get("name").asText(), "phone", installerPhones.get(installerId), "skills", skills, "homeBase",
				Map.of("lat", i.get("homeBase").get("lat").asDouble(), "lng", i.get("homeBase").get("lng").asDouble()),
				"shifts", shifts, "crewSize", i.get("crewSize").asInt(), "leaveDays", List.of(day.toString())));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
	}

	/** The one of the two installers the rating was credited to: the one recorded for the visit. */
	private long rated(long first, long second) {
		int firstCount = installer(dealerId, first).get("ratingCount").asInt();
		int secondCount = installer(dealerId, second).get("ratingCount").asInt();
		assertThat(firstCount + secondCount).as("exactly one installer did the visit").isEqualTo(1);
		return firstCount == 1 ? first : second;
	}

	private JsonNode currentRoute(long order, LocalDate day, String shift) {
		JsonNode plan = admin.get("/api/v1/schedules?region=330100&date=" + day).json();
		for (JsonNode route : plan.get("installers")) {
			for (JsonNode visit : route.get("visits")) {
				if (visit.get("orderId").asLong() == order && route.get("shiftId").asText().startsWith(shift)) {
					return route;
				}
			}
		}
		return null;
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void aDeclinedOfferGoesToTheNextCandidateAndAnotherProviderCannotAnswerIt() {
		long next = addProvider("DEALER", "330106", Map.of("INSTALLATION", 5));
		addInstaller(next, "师傅戊");
		long order = postOrder("ARRIVED");
		book(order, TODAY.plusDays(2));
		driver.drainUntil(order, () -> openOffer(order) != null, "an offer");
		long first = openOffer(order).get("id").asLong();
		long otherProvider = admin.post("/api/v1/providers", Map.of("name", "Elsewhere", "type", "THIRD_PARTY",
				"coverage", Map.of("regionCodes", java.util.List.of("330108")), "dailyCapacity", Map.of("INSTALLATION", 1)))
			.json().get("id").asLong();
		Api stranger = asNewUser(Role.PROVIDER_ADMIN, otherProvider);

		assertThat(stranger.post("/api/v1/offers/" + first + "/accept", null).status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/offers?orderId=" + order).json()).isEmpty();
		assertThat(dealerAdmin.post("/api/v1/offers/" + first + "/decline", Map.of("reason", "no capacity")).status()).isEqualTo(200);
		assertThat(dealerAdmin.post("/api/v1/offers/" + first + "/accept", null).status()).isEqualTo(409);
		driver.drain(order);

		JsonNode offered = openOffer(order);
		assertThat(offered).as("offered to the next candidate").isNotNull();
		assertThat(offered.get("providerId").asLong()).isEqualTo(next);
		assertThat(offered.get("attempt").asInt()).isEqualTo(1);
		assertThat(String.valueOf(runtime.getVariable(driver.instanceOf(order), "candidateProviderIds")))
			.startsWith(dealerId + "," + next);
		assertThat(driver.openTask(order, "AssignManuallyTask")).isNull();
	}

	@Test
	void aConsumerLinkOpensOnlyItsOwnOrder() {
		long order = postOrder("ARRIVED");

		assertThat(consumer().get("/api/v1/consumer/" + consumerToken(order)).json().get("status").asText())
			.isEqualTo("AWAITING_BOOKING");
		assertThat(consumer().get("/api/v1/consumer/not-a-real-token-at-all-000000").status()).isEqualTo(404);
		assertThat(consumer().post("/api/v1/consumer/not-a-real-token-at-all-000000/booking",
				Map.of("date", TODAY.plusDays(3).toString())).status()).isEqualTo(404);
	}

	@Test
	void guessingTheCompletionCodeLocksCompletion() throws Exception {
		long order = postOrder("ARRIVED");
		book(order, TODAY.plusDays(2));
		dispatchToDealer(order);
		driver.fireTimer(order, "InstallationDayTimer");
		String right = verificationCode(order);
		String wrong = right.equals("000000") ? "111111" : "000000";

		for (int i = 0; i < 5; i++) {
			assertThat(jobEvent(order, Map.of("type", "COMPLETED", "verificationCode", wrong)).status()).isEqualTo(400);
		}
		// The JDK client does not wait out Retry-After as Apache's would: we want to see the answer itself.
		var locked = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/providers/" + dealerId + "/jobs/" + order + "/events"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString((dealerAdminName + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"COMPLETED\",\"verificationCode\":\"" + right + "\"}"))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After")).isPresent();
		assertThat(status(order)).isEqualTo("IN_SERVICE");
		assertThat(admin.get("/api/v1/orders/" + order).json().get("warnings").findValuesAsText("reason"))
			.contains("VERIFICATION_CODE_LOCKED");
	}

	@Test
	void installerEventsBeforeTheInstallationDayAreRefused() {
		long order = postOrder("ARRIVED");
		book(order, TODAY.plusDays(2));
		dispatchToDealer(order);

		Api.Reply early = jobEvent(order, Map.of("type", "EN_ROUTE"));

		assertThat(early.status()).isEqualTo(409);
		assertThat(status(order)).isEqualTo("SCHEDULED");
	}

}
