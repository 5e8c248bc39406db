package dev.shifu.platform.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClientResponseException;

import dev.shifu.mobile.client.ApiClient;
import dev.shifu.mobile.client.api.JobsApi;
import dev.shifu.mobile.client.model.ExceptionReason;
import dev.shifu.mobile.client.model.GeoPoint;
import dev.shifu.mobile.client.model.JobEventRequest;
import dev.shifu.mobile.client.model.JobEventResult;
import dev.shifu.mobile.client.model.JobEventType;
import dev.shifu.mobile.client.model.PhotoKind;
import dev.shifu.mobile.client.model.SerialNumber;
import dev.shifu.platform.support.Api;
import dev.shifu.workflows.ServiceOrderProcess.Elements;

/**
 * ADDRESS_WRONG reported from the app (generated client) takes the workflow's address-resolution path: the
 * dispatcher's resolve-address task. Rebooked, the revisit is a new visit whose state machine starts from its
 * beginning, as after CONSUMER_ABSENT or PARTS_MISSING; let go on, the same visit continues. In a test city of its own
 * (992800, V301), so its live solver holds only this class's jobs.
 */
class AddressWrongRevisitTests extends InstallerFixture {

	@LocalServerPort
	int port;

	JobsApi jobs;

	@Override
	String district() {
		return "992801";
	}

	@BeforeEach
	void app() {
		ApiClient client = new ApiClient();
		client.setBasePath("http://localhost:" + port + "/mobile/v1");
		client.setBearerToken(tokenA);
		jobs = new JobsApi(client);
	}

	@Test
	void aWrongAddressRebookedByTheDispatcherIsANewVisitThatNeedsItsOwnEnRouteAndArrival() throws IOException {
		long order = jobOf(installerA);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		report(order, "aw-en-route-1", request(JobEventType.EN_ROUTE, now.minusHours(3)));
		report(order, "aw-arrived-1", request(JobEventType.ARRIVED, now.minusMinutes(170)));
		String task = wrongAddress(order, now.minusMinutes(165));

		Api.Reply rebooked = dispatcher.post("/api/v1/tasks/" + task + "/complete",
				Map.of("type", "ADDRESS_RESOLUTION", "resolution", "REBOOK", "note", "新地址在 5 号楼 / building 5"));
		assertThat(rebooked.status()).as(rebooked.body()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("AWAITING_BOOKING"), "back to booking");
		assertThat(runtime.getVariable(driver.instanceOf(order), "revisitCount")).as("counted as a revisit").isEqualTo(1L);

		// The revisit is booked, served by the dealer again, planned on A; its installation day begins.
		Api.Reply booked = admin.post("/api/v1/bookings/" + order, Map.of("date", DAY.toString()));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		driver.drainUntil(order, () -> openOffer(order) != null || status(order).equals("SCHEDULED"), "dispatched again");
		JsonNode offer = openOffer(order);
		if (offer != null) {
			assertThat(dealerAdmin.post("/api/v1/offers/" + offer.get("id").asLong() + "/accept", null).status())
				.isEqualTo(200);
			driver.drainUntil(order, () -> status(order).equals("SCHEDULED"), "scheduled again");
		}
		planOn(order, installerA);
		driver.fireTimer(order, Elements.INSTALLATION_DAY_TIMER);
		assertThat(status(order)).isEqualTo("IN_SERVICE");

		// The new visit does not go on from the old visit's ARRIVED.
		int events = eventCount(order);
		OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC);
		assertOutOfOrder(order, "aw-started-early", request(JobEventType.STARTED, later.minusMinutes(80)));
		assertOutOfOrder(order, "aw-completed-first", completion(order, later.minusMinutes(80), "SN-AW-0"));
		assertThat(eventCount(order)).as("nothing recorded").isEqualTo(events);
		assertThat(status(order)).isEqualTo("IN_SERVICE");

		report(order, "aw-en-route-2", request(JobEventType.EN_ROUTE, later.minusMinutes(75)));
		assertOutOfOrder(order, "aw-completed-en-route", completion(order, later.minusMinutes(72), "SN-AW-1"));
		report(order, "aw-arrived-2", request(JobEventType.ARRIVED, later.minusMinutes(70)));
		JobEventResult done = report(order, "aw-completed-2", completion(order, later, "SN-AW-2"));
		assertThat(done.getJobStatus()).hasToString("COMPLETED");
		assertThat(status(order)).isEqualTo("COMPLETED");

		// The completion's evidence is the new visit's: its arrival, inside the geofence, 70 minutes on site.
		JsonNode evidence = dispatcher.get("/api/v1/reviews/evidence/" + order).json();
		assertThat(evidence).hasSize(1);
		assertThat(evidence.get(0).get("geofence").asText()).isEqualTo("INSIDE");
		assertThat(evidence.get(0).get("onSiteSeconds").asLong()).isBetween(70 * 60L - 1, 70 * 60L);
		assertThat(evidence.get(0).get("serialNumbers").get(0).asText()).isEqualTo("DR-800=SN-AW-2");
	}

	@Test
	void aWrongAddressTheDispatcherLetsGoOnContinuesTheSameVisit() throws IOException {
		long order = jobOf(installerA);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		report(order, "go-en-route", request(JobEventType.EN_ROUTE, now.minusHours(2)));
		report(order, "go-arrived", request(JobEventType.ARRIVED, now.minusMinutes(100)));
		String task = wrongAddress(order, now.minusMinutes(95));

		Api.Reply corrected = dispatcher.post("/api/v1/tasks/" + task + "/complete",
				Map.of("type", "ADDRESS_RESOLUTION", "resolution", "CONTINUE_VISIT", "note", "3 号楼"));
		assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
		driver.drain(order);
		assertThat(driver.openTask(order, Elements.RESOLVE_ADDRESS_TASK)).isNull();

		// The installer is at the corrected address already: the visit goes on from its ARRIVED, not from the road.
		assertOutOfOrder(order, "go-en-route-again", request(JobEventType.EN_ROUTE, now.minusMinutes(90)));
		report(order, "go-started", request(JobEventType.STARTED, now.minusMinutes(90)));
		assertThat(status(order)).isEqualTo("STARTED");
	}

	/** EN_ROUTE and ARRIVED are in; the installer reports the address wrong (note, photo): the dispatcher's task. */
	private String wrongAddress(long order, OffsetDateTime at) throws IOException {
		long photo = jobs.uploadPhoto(order, file(jpeg(order * 10 + 1)), PhotoKind.OTHER).getId();
		JobEventResult reported = report(order, "aw-exception-" + order, request(JobEventType.EXCEPTION, at)
			.exceptionReason(ExceptionReason.ADDRESS_WRONG)
			.note("查无此楼 / no such building")
			.photoIds(List.of(photo)));
		assertThat(reported.getOutcome()).isEqualTo(JobEventResult.OutcomeEnum.APPLIED);
		assertThat(jdbc.queryForObject("select exception_reason from job_event where id = ?", String.class,
				reported.getEventId())).isEqualTo("ADDRESS_WRONG");

		assertThat(driver.openTask(order, Elements.RESOLVE_ADDRESS_TASK)).as("the address-resolution path").isNotNull();
		Api.Reply tasks = dispatcher.get("/api/v1/tasks?type=ADDRESS_RESOLUTION&orderId=" + order);
		assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
		List<String> ids = tasks.json().findValuesAsText("id");
		assertThat(ids).hasSize(1);
		JsonNode view = dispatcher.get("/api/v1/tasks/" + ids.get(0)).json();
		assertThat(view.at("/context/exceptionReason").asText()).isEqualTo("ADDRESS_WRONG");
		assertThat(status(order)).as("waiting for the dispatcher, not back to booking").isEqualTo("ARRIVED");
		return ids.get(0);
	}

	private JobEventResult report(long order, String key, JobEventRequest event) {
		JobEventResult result = jobs.postJobEvent(order, key, event);
		driver.drain(order);
		return result;
	}

	private void assertOutOfOrder(long order, String key, JobEventRequest event) {
		RestClientResponseException refused = catchThrowableOfType(RestClientResponseException.class,
				() -> jobs.postJobEvent(order, key, event));
		assertThat(refused).as(event.getType() + " should be refused").isNotNull();
		assertThat(refused.getStatusCode().value()).as(refused.getResponseBodyAsString()).isEqualTo(409);
		assertThat(refused.getResponseHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(refused.getResponseBodyAsString()).contains("event-out-of-order");
	}

	/** A complete completion at the address: the consumer's code, two photos, the door's serial number. */
	private JobEventRequest completion(long order, OffsetDateTime at, String serial) throws IOException {
		long before = jobs.uploadPhoto(order, file(jpeg(order * 100 + serial.hashCode())), PhotoKind.BEFORE).getId();
		long after = jobs.uploadPhoto(order, file(jpeg(order * 100 + serial.hashCode() + 1)), PhotoKind.AFTER).getId();
		return request(JobEventType.COMPLETED, at).verificationCode(verificationCode(order))
			.photoIds(List.of(before, after))
			.serialNumbers(List.of(new SerialNumber().sku("DR-800").serialNumber(serial)));
	}

	private static JobEventRequest request(JobEventType type, OffsetDateTime at) {
		return new JobEventRequest().type(type).occurredAt(at).location(new GeoPoint().lat(LAT).lng(LNG));
	}

	private static File file(byte[] bytes) throws IOException {
		File file = Files.createTempFile("photo", ".jpg").toFile();
		file.deleteOnExit();
		Files.write(file.toPath(), bytes);
		return file;
	}

}
