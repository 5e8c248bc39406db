package dev.shifu.platform.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import dev.shifu.mobile.client.api.OffersApi;
import dev.shifu.mobile.client.api.RouteApi;
import dev.shifu.mobile.client.model.Offer;
import dev.shifu.mobile.client.model.OfferDecline;
import dev.shifu.mobile.client.model.Route;
import dev.shifu.mobile.client.model.RouteJob;
import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.schedule.PlannedVisits;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.ProcessDriver;

/**
 * Offers answered from the app correlate with the order's process; the route comes from the live plan with its
 * version as ETag, and route versions reach the app as server-sent events, flagging changes to a job under way.
 */
class MobileRouteAndOffersTests extends MobileClients {

	static LocalDate DAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService taskService;

	@Autowired
	PlannedVisits plannedVisits;

	@Autowired
	javax.sql.DataSource dataSource;

	ProcessDriver driver;

	IssuedBrand brand;

	Api brandApi;

	Api dispatcher;

	Api dealerAdmin;

	long dealerId;

	/** Answers the dealer's offers from the app (a provider admin). */
	long installerA;

	long installerB;

	String accessA;

	String accessB;

	@BeforeEach
	void dealer() {
		DAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
		driver = new ProcessDriver(runtime, management, history, taskService);
		brand = newBrand();
		brandApi = asBrand(brand);
		dispatcher = asNewUser(Role.DISPATCHER, null);
		dealerId = newProvider("DEALER", brand.brandId());
		dealerAdmin = asNewUser(Role.PROVIDER_ADMIN, dealerId);
		installerA = newInstaller(dealerId, "师傅甲", true);
		installerB = newInstaller(dealerId, "师傅乙", false);
		accessA = login(phones.get(installerA)).getAccessToken();
		accessB = login(phones.get(installerB)).getAccessToken();
	}

	@Test
	void offersShowWhatIsAcceptedAndAnswersMoveTheProcess() {
		long order = bookedOrder();
		eventually(() -> !new OffersApi(client(accessA)).listOffers().isEmpty(), "the dealer's offer in the app");
		Offer offer = new OffersApi(client(accessA)).listOffers().stream().filter(o -> o.getJobId() == order).findFirst().orElseThrow();
		assertThat(offer.getServiceType().getValue()).isEqualTo("INSTALLATION");
		assertThat(offer.getItems()).singleElement().satisfies(i -> {
			assertThat(i.getSku()).isEqualTo("DR-800");
			assertThat(i.getSerialNumberRequired()).isTrue();
			assertThat(i.getCategory()).isEqualTo("DOOR");
		});
		assertThat(offer.getDistrict().getCode()).isEqualTo("330106");
		assertThat(offer.getDistrict().getName()).isEqualTo("西湖区");
		assertThat(offer.getDistanceKm()).isBetween(1.0, 10.0);
		assertThat(offer.getBookedWindow().getDate()).isEqualTo(DAY);
		assertThat(offer.getBookedWindow().getStart()).as("a day booking has no window times").isNull();
		assertThat(offer.getEarliestDate()).as("the booked day").isEqualTo(DAY);
		// The catalog's INSTALLATION fee for Hangzhou (330100), found from the district 330106 upwards.
		assertThat(offer.getFee()).isNotNull();
		assertThat(offer.getFee().getAmountCents()).isEqualTo(15000L);
		assertThat(offer.getFee().getCurrency()).isEqualTo("CNY");
		assertThat(offer.getExpiresAt()).isNotNull();

		// An installer who neither works alone nor is a provider admin does not answer offers.
		MobileAuthTests.assertStatus(() -> new OffersApi(client(accessB)).listOffers(), 403);

		Offer accepted = new OffersApi(client(accessA)).acceptOffer(offer.getId());
		assertThat(accepted.getStatus()).isEqualTo(Offer.StatusEnum.ACCEPTED);
		driver.drainUntil(order, () -> status(order).equals("SCHEDULED"), "scheduled through the app's accept");
		assertThat(new OffersApi(client(accessA)).listOffers()).noneMatch(o -> o.getJobId() == order);

		long second = bookedOrder();
		eventually(() -> new OffersApi(client(accessA)).listOffers().stream().anyMatch(o -> o.getJobId() == second), "second offer");
		long secondOffer = new OffersApi(client(accessA)).listOffers().stream().filter(o -> o.getJobId() == second)
			.findFirst().orElseThrow().getId();
		MobileAuthTests.assertStatus(() -> new OffersApi(client(accessA)).declineOffer(secondOffer,
				new OfferDecline().reason(OfferDecline.ReasonEnum.OTHER)), 400);
		Offer declined = new OffersApi(client(accessA)).declineOffer(secondOffer,
				new OfferDecline().reason(OfferDecline.ReasonEnum.TOO_FAR).note("bridge closed"));
		assertThat(declined.getStatus()).isEqualTo(Offer.StatusEnum.DECLINED);
		driver.drain(second);
		JsonNode staffView = offerOf(second, secondOffer);
		assertThat(staffView.get("status").asText()).isEqualTo("DECLINED");
		assertThat(staffView.get("declineReason").asText()).isEqualTo("TOO_FAR: bridge closed");
		assertThat(status(second)).as("the process went on without the dealer").isNotEqualTo("SCHEDULED");
		MobileAuthTests.assertStatus(() -> new OffersApi(client(accessA)).acceptOffer(secondOffer), 409);
	}

	@Autowired
	dev.shifu.platform.workflow.OrderProcess orderProcess;

	@Test
	void anInstallerWorkingAloneListsAcceptsAndDeclinesOffersAndTheProcessFollows() {
		// A brand of its own whose dealer is one installer, with no provider-admin rights.
		brand = newBrand();
		brandApi = asBrand(brand);
		long soloDealer = newProvider("DEALER", brand.brandId());
		long solo = newInstaller(soloDealer, "独立师傅", false);
		String accessSolo = login(phones.get(solo)).getAccessToken();
		assertThat(new dev.shifu.mobile.client.api.ProfileApi(client(accessSolo)).getMe().getCanAnswerOffers())
			.as("works alone").isTrue();
		OffersApi offersSolo = new OffersApi(client(accessSolo));

		long order = bookedOrder();
		assertThat(offerOf(order, null).get("providerId").asLong()).as("offered to the brand's dealer").isEqualTo(soloDealer);
		eventually(() -> offersSolo.listOffers().stream().anyMatch(o -> o.getJobId() == order), "the offer in the app");
		Offer offer = offersSolo.listOffers().stream().filter(o -> o.getJobId() == order).findFirst().orElseThrow();
		assertThat(offer.getItems()).singleElement().satisfies(i -> assertThat(i.getSku()).isEqualTo("DR-800"));
		Offer accepted = offersSolo.acceptOffer(offer.getId());
		assertThat(accepted.getStatus()).isEqualTo(Offer.StatusEnum.ACCEPTED);
		driver.drainUntil(order, () -> status(order).equals("SCHEDULED"), "scheduled through the solo installer's accept");
		assertThat(orderProcess.assignedProviderId(order)).as("the order's provider is the solo installer's").contains(soloDealer);
		assertThat(offerOf(order, offer.getId()).get("status").asText()).isEqualTo("ACCEPTED");

		long second = bookedOrder();
		eventually(() -> offersSolo.listOffers().stream().anyMatch(o -> o.getJobId() == second), "the second offer");
		long secondOffer = offersSolo.listOffers().stream().filter(o -> o.getJobId() == second).findFirst().orElseThrow().getId();
		Offer declined = offersSolo.declineOffer(secondOffer,
				new OfferDecline().reason(OfferDecline.ReasonEnum.NO_CAPACITY).note("van in the workshop"));
		assertThat(declined.getStatus()).isEqualTo(Offer.StatusEnum.DECLINED);
		driver.drain(second);
		JsonNode staffView = offerOf(second, secondOffer);
		assertThat(staffView.get("status").asText()).isEqualTo("DECLINED");
		assertThat(staffView.get("declineReason").asText()).isEqualTo("NO_CAPACITY: van in the workshop");
		// The offer moved on: to the next candidate, or (none left) to a dispatcher's manual assignment.
		JsonNode next = offerOf(second, null);
		if (next != null) {
			assertThat(next.get("providerId").asLong()).isNotEqualTo(soloDealer);
			assertThat(next.get("attempt").asInt()).isEqualTo(1);
		}
		else {
			assertThat(driver.openTask(second, "AssignManuallyTask")).as("no candidate left: manual assignment").isNotNull();
		}
		assertThat(orderProcess.assignedProviderId(second)).as("not the solo installer's").isEmpty();
		assertThat(offersSolo.listOffers()).noneMatch(o -> o.getJobId() == second);
	}

	@Test
	void anOfferOfAWindowBookingShowsTheBookedWindowsTimesAndDay() {
		long order = bookedOrder("AFTERNOON");
		eventually(() -> new OffersApi(client(accessA)).listOffers().stream().anyMatch(o -> o.getJobId() == order),
				"the dealer's offer in the app");
		Offer offer = new OffersApi(client(accessA)).listOffers().stream().filter(o -> o.getJobId() == order).findFirst().orElseThrow();

		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		assertThat(offer.getBookedWindow().getDate()).isEqualTo(DAY);
		assertThat(offer.getBookedWindow().getStart().toInstant()).isEqualTo(DAY.atTime(13, 0).atZone(shanghai).toInstant());
		assertThat(offer.getBookedWindow().getEnd().toInstant()).isEqualTo(DAY.atTime(17, 0).atZone(shanghai).toInstant());
		assertThat(offer.getEarliestDate()).isEqualTo(DAY);
		assertThat(offer.getDistrict().getCode()).isEqualTo("330106");
		assertThat(offer.getDistanceKm()).isBetween(1.0, 10.0);
		assertThat(offer.getFee().getAmountCents()).isEqualTo(15000L);
	}

	@Test
	void acceptingAnExpiredOfferFromTheAppIsAConflictAndTheProcessMovesOn() {
		long order = bookedOrder();
		long offerId = offerOf(order, null).get("id").asLong();

		driver.fireTimer(order, "OfferExpiredTimer");
		driver.drainUntil(order, () -> "EXPIRED".equals(offerOf(order, offerId).get("status").asText()), "the offer expired");

		Api.Reply accept = anonymous().post("/mobile/v1/offers/" + offerId + "/accept", null, h -> h.setBearerAuth(accessA));
		assertProblem(accept, 409);
		assertThat(offerOf(order, offerId).get("status").asText()).as("the late accept changed nothing").isEqualTo("EXPIRED");
		assertThat(new OffersApi(client(accessA)).listOffers()).noneMatch(o -> o.getId() == offerId);
		driver.drain(order);
		assertThat(status(order)).as("the process went on without the dealer").isNotEqualTo("SCHEDULED");
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(driver.instanceOf(order))
			.activityId("OfferExpiredTimer").finished().count()).as("the process passed the offer's expiry").isPositive();
	}

	@Test
	void aJobThePlanPencilsOnAnotherProvidersInstallerBeforeAnyAcceptIsNeitherShownNorReachable() {
		long order = bookedOrder();
		long offerId = offerOf(order, null).get("id").asLong();
		long otherProvider = newProvider("THIRD_PARTY", null);
		long outsider = newInstaller(otherProvider, "师傅丙", true);
		String accessC = login(phones.get(outsider)).getAccessToken();
		planOn(order, outsider, 0);

		// The plan sends the outsider there, yet no provider accepted it, least of all theirs.
		assertThat(new RouteApi(client(accessC)).getRoute(DAY, null).getJobs()).noneMatch(j -> j.getJobId() == order);
		assertProblem(bearerGet(accessC, "/mobile/v1/jobs/" + order), 404);
		Map<String, Object> enRoute = Map.of("type", "EN_ROUTE", "occurredAt", java.time.Instant.now().toString());
		assertProblem(anonymous().post("/mobile/v1/jobs/" + order + "/events", enRoute, h -> {
			h.setBearerAuth(accessC);
			h.set("Idempotency-Key", "outsider-" + order);
		}), 404);
		assertProblem(uploadPhoto(accessC, order), 404);
		JsonNode synced = anonymous().post("/mobile/v1/sync",
				Map.of("events", List.of(Map.of("idempotencyKey", "outsider-sync-" + order, "jobId", order, "event", enRoute))),
				h -> h.setBearerAuth(accessC)).json().get("results").get(0);
		assertThat(synced.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(synced.get("reason").asText()).isEqualTo("not-found");
		assertThat(new OffersApi(client(accessC)).listOffers()).noneMatch(o -> o.getJobId() == order);
		Api.Reply foreignAccept = anonymous().post("/mobile/v1/offers/" + offerId + "/accept", null, h -> h.setBearerAuth(accessC));
		assertThat(foreignAccept.status()).as(foreignAccept.body()).isIn(403, 404);
		assertThat(foreignAccept.headers().getContentType().toString()).startsWith("application/problem+json");
		// Brand endpoints do not take an installer's token.
		assertThat(bearerGet(accessC, "/api/v1/orders/" + order).status()).isIn(401, 403);
		// Nothing changed: the dealer's offer is still open and the job has no events.
		assertThat(offerOf(order, offerId).get("status").asText()).isEqualTo("OFFERED");
		assertThat(new org.springframework.jdbc.core.JdbcTemplate(dataSource)
			.queryForObject("select count(*) from job_event where order_id = ?", Integer.class, order)).isZero();
		// Pencilled on the dealer's own installer it stays hidden until the dealer accepts; then it is theirs.
		planOn(order, installerA, 0);
		assertThat(new RouteApi(client(accessA)).getRoute(DAY, null).getJobs()).noneMatch(j -> j.getJobId() == order);
		assertProblem(bearerGet(accessA, "/mobile/v1/jobs/" + order), 404);
		assertThat(dealerAdmin.post("/api/v1/offers/" + offerId + "/accept", null).status()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("SCHEDULED"), "scheduled");
		eventually(() -> new RouteApi(client(accessA)).getRoute(DAY, null).getJobs().stream().anyMatch(j -> j.getJobId() == order),
				"the accepted job on the dealer's installer's route");
		assertThat(bearerGet(accessA, "/mobile/v1/jobs/" + order).status()).isEqualTo(200);
		assertThat(new RouteApi(client(accessC)).getRoute(DAY, null).getJobs()).noneMatch(j -> j.getJobId() == order);
	}

	static void assertProblem(Api.Reply reply, int status) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.headers().getContentType().toString()).startsWith("application/problem+json");
	}

	Api.Reply uploadPhoto(String token, long orderId) {
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.setBearerAuth(token);
		headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
		org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
		form.add("file", new org.springframework.core.io.ByteArrayResource(tinyJpeg()) {
			@Override
			public String getFilename() {
				return "photo.jpg";
			}
		});
		form.add("kind", "BEFORE");
		ResponseEntity<String> response = http.exchange("/mobile/v1/jobs/" + orderId + "/photos",
				org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(form, headers), String.class);
		return new Api.Reply(response.getStatusCode().value(), response.getHeaders(), response.getBody());
	}

	static byte[] tinyJpeg() {
		try {
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "jpg", out);
			return out.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void routeComesFromTheLivePlanWithItsVersionAsETagAndChangesArePushed() throws Exception {
		long first = scheduledOrder();
		planOn(first, installerA, 0);
		RouteApi routeA = new RouteApi(client(accessA));
		ResponseEntity<Route> reply = routeA.getRouteWithHttpInfo(DAY, null);
		Route route = reply.getBody();
		assertThat(route.getJobs()).hasSize(1);
		RouteJob job = route.getJobs().get(0);
		assertThat(job.getJobId()).isEqualTo(first);
		assertThat(job.getSequence()).isEqualTo(1);
		// The plan's times (the region's wall clock, Shanghai) and the order's coordinates, as sent.
		PlannedVisits.PlannedVisit visit = plannedVisits.visitOf(first).orElseThrow();
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		assertThat(job.getPlannedArrival().toInstant()).isEqualTo(visit.arrival().atZone(shanghai).toInstant());
		assertThat(job.getPlannedStart().toInstant()).isEqualTo(visit.start().atZone(shanghai).toInstant());
		assertThat(job.getPlannedDurationMinutes()).isEqualTo((int) Duration.between(visit.start(), visit.end()).toMinutes());
		assertThat(job.getAddress()).isEqualTo("杭州市西湖区文三路 90 号");
		assertThat(job.getLocation().getLat()).isEqualTo(30.2765);
		assertThat(job.getLocation().getLng()).isEqualTo(120.1229);
		assertThat(job.getConsumer().getFirstName()).isEqualTo("娜");
		assertThat(job.getConsumer().getMaskedPhone()).isEqualTo("138****5678");
		assertThat(job.getItems()).singleElement().satisfies(i -> {
			assertThat(i.getSerialNumberRequired()).isTrue();
			assertThat(i.getCategory()).as("the order item's category").isEqualTo("DOOR");
		});
		assertThat(job.getServiceType().getValue()).isEqualTo("INSTALLATION");
		assertThat(job.getBookedWindow().getDate()).isEqualTo(DAY);
		assertThat(job.getBookedWindow().getStart()).as("a day booking has no window times").isNull();
		assertThat(job.getChangedWhileUnderWay()).isFalse();
		String etag = reply.getHeaders().getETag();
		assertThat(etag).isEqualTo("\"" + route.getVersion() + "\"");
		var notModified = routeA.getRouteWithHttpInfo(DAY, etag);
		assertThat(notModified.getStatusCode().value()).isEqualTo(304);
		assertThat(notModified.getHeaders().getETag()).as("a 304 names the version the app holds").isEqualTo(etag);

		// Another installer sees neither the job on their route nor the job itself.
		assertThat(new RouteApi(client(accessB)).getRoute(DAY, null).getJobs()).isEmpty();
		assertThat(bearerGet(accessA, "/mobile/v1/jobs/" + first).status()).isEqualTo(200);
		assertThat(bearerGet(accessB, "/mobile/v1/jobs/" + first).status()).isEqualTo(404);
		assertThat(bearerGet(accessB, "/mobile/v1/jobs/" + first).headers().getContentType().toString())
			.startsWith("application/problem+json");

		// Stream the route versions, then change the plan of the job once the installer is on the way.
		long second = scheduledOrder();
		planOn(second, installerA, 1);
		driver.fireTimer(first, "InstallationDayTimer");
		Api.Reply enRoute = dealerAdmin.post("/api/v1/providers/" + dealerId + "/jobs/" + first + "/events",
				Map.of("type", "EN_ROUTE", "installerId", installerA));
		assertThat(enRoute.status()).as(enRoute.body()).isEqualTo(200);
		Route twoJobs = routeA.getRoute(DAY, null);
		assertThat(twoJobs.getVersion()).isNotEqualTo(route.getVersion());
		assertThat(twoJobs.getJobs()).extracting(RouteJob::getJobId).containsExactly(first, second);
		assertThat(twoJobs.getJobs()).noneMatch(RouteJob::getChangedWhileUnderWay);
		assertThat(routeA.getRouteWithHttpInfo(DAY, etag).getStatusCode().value()).isEqualTo(200);

		BlockingQueue<JsonNode> events = stream(accessA);
		JsonNode current = events.poll(60, TimeUnit.SECONDS);
		assertThat(current).as("the current version comes first").isNotNull();
		assertThat(current.get("version").asText()).isEqualTo(twoJobs.getVersion());
		assertThat(current.get("requiresAcknowledgement").asBoolean()).isFalse();

		Api.Reply moved = dispatcher.post("/api/v1/schedules/330100/moves",
				Map.of("jobId", "O" + first, "shiftId", "I" + installerA + "@" + DAY, "position", 1, "pin", true));
		assertThat(moved.status()).as(moved.body()).isEqualTo(202);
		JsonNode changed = null;
		for (int i = 0; i < 30 && (changed == null || !changed.get("requiresAcknowledgement").asBoolean()); i++) {
			changed = events.poll(10, TimeUnit.SECONDS);
		}
		assertThat(changed).as("a route-version event for the moved job").isNotNull();
		assertThat(changed.get("requiresAcknowledgement").asBoolean()).isTrue();
		assertThat(changed.get("underWayJobIds").get(0).asLong()).isEqualTo(first);
		Route after = routeA.getRoute(DAY, null);
		assertThat(after.getVersion()).isEqualTo(changed.get("version").asText());
		// The route follows the plan's order: the moved job is now second, and the sequence numbers follow.
		assertThat(after.getJobs()).extracting(RouteJob::getJobId).containsExactly(second, first);
		assertThat(after.getJobs()).extracting(RouteJob::getSequence).containsExactly(1, 2);
		assertThat(after.getJobs()).filteredOn(j -> j.getJobId() == first)
			.singleElement()
			.satisfies(j -> assertThat(j.getChangedWhileUnderWay()).isTrue());
	}

	/**
	 * Review gap (ordinary push): a job added to the installer's remaining day, with nothing under way, reaches the
	 * open stream as a new route version that asks for no acknowledgement, the version the route then answers.
	 */
	@Test
	void anOrdinaryChangeToTheRemainingDayIsPushedWithoutAskingForAcknowledgement() throws Exception {
		BlockingQueue<JsonNode> events = stream(accessA);
		JsonNode current = events.poll(60, TimeUnit.SECONDS);
		assertThat(current).as("the current version").isNotNull().isNotEqualTo(ENDED);
		RouteApi routeA = new RouteApi(client(accessA));

		long order = scheduledOrder();
		planOn(order, installerA, 0);

		JsonNode pushed = null;
		Route route = null;
		for (int i = 0; i < 30 && pushed == null; i++) {
			JsonNode next = events.poll(10, TimeUnit.SECONDS);
			if (next == null) {
				continue;
			}
			assertThat(next).as("the stream stays open").isNotEqualTo(ENDED);
			assertThat(next.get("requiresAcknowledgement").asBoolean()).as("nothing is under way: " + next).isFalse();
			route = routeA.getRoute(DAY, null);
			if (next.get("version").asText().equals(route.getVersion())
					&& route.getJobs().stream().anyMatch(j -> j.getJobId() == order)) {
				pushed = next;
			}
		}
		assertThat(pushed).as("a route version with the added job was pushed").isNotNull();
		assertThat(pushed.get("version").asText()).isNotEqualTo(current.get("version").asText());
		assertThat(pushed.get("underWayJobIds")).as("no job under way").isEmpty();
		assertThat(route.getJobs()).noneMatch(RouteJob::getChangedWhileUnderWay);
	}

	@Test
	void aSecondNodeOnTheSameDatabaseShowsTheChangeToAJobUnderWay() throws Exception {
		long first = scheduledOrder();
		planOn(first, installerA, 0);
		long second = scheduledOrder();
		planOn(second, installerA, 1);
		driver.fireTimer(first, "InstallationDayTimer");
		assertThat(dealerAdmin.post("/api/v1/providers/" + dealerId + "/jobs/" + first + "/events",
				Map.of("type", "EN_ROUTE", "installerId", installerA)).status()).isEqualTo(200);
		RouteApi routeA = new RouteApi(client(accessA));
		assertThat(routeA.getRoute(DAY, null).getJobs()).noneMatch(RouteJob::getChangedWhileUnderWay);
		Api.Reply moved = dispatcher.post("/api/v1/schedules/330100/moves",
				Map.of("jobId", "O" + first, "shiftId", "I" + installerA + "@" + DAY, "position", 1, "pin", true));
		assertThat(moved.status()).as(moved.body()).isEqualTo(202);
		eventually(() -> routeA.getRoute(DAY, null).getJobs().stream()
			.anyMatch(j -> j.getJobId() == first && j.getChangedWhileUnderWay()), "the change flagged on this node");

		// A second node of the app on the same database, without solvers: it only serves the stored routes.
		String url = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl();
		try (org.springframework.context.ConfigurableApplicationContext other = new org.springframework.boot.builder.SpringApplicationBuilder(
				dev.shifu.platform.ShifuApplication.class).profiles("test")
			.run("--spring.datasource.url=" + url, "--server.port=0", "--shifu.schedule.enabled=false")) {
			String port = other.getEnvironment().getProperty("local.server.port");
			dev.shifu.mobile.client.ApiClient node2 = new dev.shifu.mobile.client.ApiClient();
			node2.setBasePath("http://localhost:" + port + "/mobile/v1");
			String token = new dev.shifu.mobile.client.api.AuthApi(node2)
				.login(new dev.shifu.mobile.client.model.PasswordLogin().phone(phones.get(installerA))
					.password(MOBILE_PASSWORD).deviceName("node-2"))
				.getAccessToken();
			node2.setBearerToken(token);

			Route seenThere = new RouteApi(node2).getRoute(DAY, null);

			assertThat(seenThere.getJobs()).filteredOn(j -> j.getJobId() == first)
				.singleElement()
				.satisfies(j -> assertThat(j.getChangedWhileUnderWay()).as("flagged on the other node too").isTrue());
			assertThat(seenThere.getVersion()).isEqualTo(routeA.getRoute(DAY, null).getVersion());
		}
	}

	@Test
	void aCrewOfTwoSeesItsRecordedPartnerOnTheRouteAndAnInstallerWorkingAloneSeesNone() {
		// The second person of the crew: an installer record of the dealer without shifts (planned only as the crew).
		Api.Reply partnerRecord = addInstaller(dealerId, "搭档小周", Map.of("shifts", List.of()));
		assertThat(partnerRecord.status()).as(partnerRecord.body()).isEqualTo(201);
		long partner = partnerRecord.json().get("id").asLong();
		Api.Reply solo = addInstaller(dealerId, "单人师傅", Map.of("crewPartnerId", partner));
		assertProblem(solo, 400);
		assertThat(solo.json().get("field").asText()).as("a crew of one has no partner").isEqualTo("crewPartnerId");
		long lead = newInstaller(dealerId, "领队老王", false, Map.of("crewSize", 2, "crewPartnerId", partner));
		String accessLead = login(phones.get(lead)).getAccessToken();
		long crewJob = scheduledOrder();
		planOn(crewJob, lead, 0);
		long soloJob = scheduledOrder();
		planOn(soloJob, installerB, 0);

		RouteJob crewOnRoute = new RouteApi(client(accessLead)).getRoute(DAY, null).getJobs().stream()
			.filter(j -> j.getJobId() == crewJob).findFirst().orElseThrow();
		RouteJob soloOnRoute = new RouteApi(client(accessB)).getRoute(DAY, null).getJobs().stream()
			.filter(j -> j.getJobId() == soloJob).findFirst().orElseThrow();

		assertThat(crewOnRoute.getCrewPartner()).as("the crew's partner").isNotNull();
		assertThat(crewOnRoute.getCrewPartner().getId()).isEqualTo(partner);
		assertThat(crewOnRoute.getCrewPartner().getName()).isEqualTo("搭档小周");
		String phone = phones.get(partner);
		assertThat(crewOnRoute.getCrewPartner().getPhone()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(soloOnRoute.getCrewPartner()).as("an installer working alone has no partner").isNull();
	}

	@Test
	void aJobBookedInAWindowShowsTheWindowsTimesInTheRegionsZone() {
		long order = scheduledOrder("AFTERNOON");
		planOn(order, installerA, 0);

		RouteJob job = new RouteApi(client(accessA)).getRoute(DAY, null).getJobs().get(0);

		assertThat(job.getJobId()).isEqualTo(order);
		assertThat(job.getBookedWindow().getDate()).isEqualTo(DAY);
		java.time.ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		assertThat(job.getBookedWindow().getStart().toInstant())
			.isEqualTo(DAY.atTime(13, 0).atZone(shanghai).toInstant());
		assertThat(job.getBookedWindow().getEnd().toInstant()).isEqualTo(DAY.atTime(17, 0).atZone(shanghai).toInstant());
	}

	@Test
	void theBrandsInstallationNotesAreTheJobsSpecialNotesOnTheRouteAndInTheBrandsOrderView() {
		String notes = "Door frame already fitted; call 30 min ahead " + unique("N");
		long order = scheduledOrder(null, notes);
		assertThat(brandApi.get("/api/v1/orders/" + order).json().get("installationNotes").asText()).isEqualTo(notes);
		planOn(order, installerA, 0);

		RouteJob job = new RouteApi(client(accessA)).getRoute(DAY, null).getJobs().stream()
			.filter(j -> j.getJobId() == order).findFirst().orElseThrow();

		assertThat(job.getNotes()).contains(notes);
	}

	/** Put on a stream's queue when the server ended the stream. */
	static final JsonNode ENDED = com.fasterxml.jackson.databind.node.TextNode.valueOf("ended");

	@Test
	void theRouteStreamEndsOnLogoutAndWhenTheInstallerOrTheirProviderIsSuspended() throws Exception {
		BlockingQueue<JsonNode> a = stream(accessA);
		assertThat(a.poll(60, TimeUnit.SECONDS)).as("the current version").isNotNull().isNotEqualTo(ENDED);
		assertThat(anonymous().post("/mobile/v1/auth/logout", null, h -> h.setBearerAuth(accessA)).status()).isEqualTo(204);
		assertThat(ends(a)).as("logout ends the session's stream").isTrue();

		BlockingQueue<JsonNode> b = stream(accessB);
		assertThat(b.poll(60, TimeUnit.SECONDS)).isNotNull().isNotEqualTo(ENDED);
		assertThat(admin.post("/api/v1/providers/" + dealerId + "/installers/" + installerB + "/suspend", null).status())
			.isEqualTo(200);
		assertThat(ends(b)).as("a suspended installer's stream ends").isTrue();

		long otherProvider = newProvider("THIRD_PARTY", null);
		long solo = newInstaller(otherProvider, "师傅丁", true);
		BlockingQueue<JsonNode> c = stream(login(phones.get(solo)).getAccessToken());
		assertThat(c.poll(60, TimeUnit.SECONDS)).isNotNull().isNotEqualTo(ENDED);
		assertThat(admin.post("/api/v1/providers/" + otherProvider + "/suspend", null).status()).isEqualTo(200);
		assertThat(ends(c)).as("a suspended provider's installers' streams end").isTrue();
	}

	/** Whether the server ends the stream (bounded wait; route versions before the end are skipped). */
	static boolean ends(BlockingQueue<JsonNode> events) throws InterruptedException {
		for (int i = 0; i < 12; i++) {
			JsonNode next = events.poll(10, TimeUnit.SECONDS);
			if (next == ENDED) {
				return true;
			}
		}
		return false;
	}

	/** Reads {@code route-version} events of the SSE stream on a thread of its own. */
	BlockingQueue<JsonNode> stream(String token) throws Exception {
		BlockingQueue<JsonNode> events = new ArrayBlockingQueue<>(100);
		HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mobile/v1/route/stream?date=" + DAY))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith("data:")) {
						events.add(new ObjectMapper().readTree(line.substring(5)));
					}
				}
			}
			catch (Exception ex) {
				// the stream closes with the test's context
			}
			events.add(ENDED);
		});
		reader.setDaemon(true);
		reader.start();
		return events;
	}

	/** A raw GET with the bearer token: status, headers and body. */
	Api.Reply bearerGet(String token, String path) {
		ResponseEntity<String> response = http.exchange(org.springframework.http.RequestEntity.get(URI.create(path))
			.header("Authorization", "Bearer " + token)
			.build(), String.class);
		return new Api.Reply(response.getStatusCode().value(), response.getHeaders(), response.getBody());
	}

	long bookedOrder() {
		return bookedOrder(null);
	}

	/** Booked for {@link #DAY}: the whole day, or (with a code) the consumer's window of that day. */
	long bookedOrder(String window) {
		return bookedOrder(window, null);
	}

	/** As {@link #bookedOrder(String)}, with the brand's installation notes when given. */
	long bookedOrder(String window, String installationNotes) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("externalOrderId", unique("MOB"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", "330106", "location", Map.of("lat", 30.2765, "lng", 120.1229)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1,
						"serialNumberRequired", true)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED"),
				"promisedBy", DAY.plusDays(7).toString()));
		if (installationNotes != null) {
			body.put("installationNotes", installationNotes);
		}
		Api.Reply reply = brandApi.post("/api/v1/orders", body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		long id = reply.json().get("id").asLong();
		driver.instanceOf(id);
		driver.drainUntil(id, () -> status(id).equals("AWAITING_BOOKING"), "booking link sent");
		Api.Reply booked = window == null
				? admin.post("/api/v1/bookings/" + id, Map.of("date", DAY.toString()))
				: anonymous().post("/api/v1/consumer/" + consumerToken(id) + "/appointment",
						Map.of("date", DAY.toString(), "window", window));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		driver.drainUntil(id, () -> offerOf(id, null) != null, "an offer");
		return id;
	}

	long scheduledOrder() {
		return scheduledOrder(null);
	}

	long scheduledOrder(String window) {
		return scheduledOrder(window, null);
	}

	long scheduledOrder(String window, String installationNotes) {
		long id = bookedOrder(window, installationNotes);
		long offerId = offerOf(id, null).get("id").asLong();
		assertThat(dealerAdmin.post("/api/v1/offers/" + offerId + "/accept", null).status()).isEqualTo(200);
		driver.drainUntil(id, () -> status(id).equals("SCHEDULED"), "scheduled");
		return id;
	}

	/** A dispatcher moves the job onto the installer's shift of the day, pinned; the stored plan then sends them. */
	void planOn(long order, long installerId, int position) {
		String jobId = "O" + order;
		String shiftId = "I" + installerId + "@" + DAY;
		// A new installer's shift reaches the live plan with the network change, after the job may already be there.
		eventually(() -> {
			String day = dispatcher.get("/api/v1/schedules?region=330100&date=" + DAY).body();
			return day.contains("\"" + jobId + "\"") && day.contains("\"" + shiftId + "\"");
		}, jobId + " and shift " + shiftId + " in the live plan");
		Api.Reply moved = dispatcher.post("/api/v1/schedules/330100/moves",
				Map.of("jobId", jobId, "shiftId", "I" + installerId + "@" + DAY, "position", position, "pin", true));
		assertThat(moved.status()).as(moved.body()).isEqualTo(202);
		eventually(() -> plannedVisits.crewOf(order).equals(List.of(installerId)), jobId + " stored on " + installerId);
	}

	/** The order's offer as staff see it: the given one, or the open one. */
	JsonNode offerOf(long orderId, Long offerId) {
		for (JsonNode offer : admin.get("/api/v1/offers?orderId=" + orderId).json()) {
			if (offerId == null ? offer.get("status").asText().equals("OFFERED") : offer.get("id").asLong() == offerId) {
				return offer;
			}
		}
		return null;
	}

	String status(long orderId) {
		return admin.get("/api/v1/orders/" + orderId).json().get("status").asText();
	}

	String consumerToken(long orderId) {
		String link = brandApi.get("/api/v1/orders/" + orderId).json().path("consumerLink").asText("");
		assertThat(link).contains("/c/");
		return link.substring(link.indexOf("/c/") + 3);
	}

	static void eventually(Supplier<Boolean> condition, String what) {
		for (int i = 0; i < 1200; i++) {
			if (condition.get()) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(what);
			}
		}
		throw new AssertionError("never: " + what);
	}

}
