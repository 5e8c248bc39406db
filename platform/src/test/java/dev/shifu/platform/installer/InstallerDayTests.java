package dev.shifu.platform.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.mobile.client.ApiClient;
import dev.shifu.mobile.client.api.AuthApi;
import dev.shifu.mobile.client.api.JobsApi;
import dev.shifu.mobile.client.api.RouteApi;
import dev.shifu.mobile.client.model.ExceptionReason;
import dev.shifu.mobile.client.model.GeoPoint;
import dev.shifu.mobile.client.model.JobEventRequest;
import dev.shifu.mobile.client.model.JobEventResult;
import dev.shifu.mobile.client.model.JobEventType;
import dev.shifu.mobile.client.model.PasswordLogin;
import dev.shifu.mobile.client.model.Photo;
import dev.shifu.mobile.client.model.PhotoKind;
import dev.shifu.mobile.client.model.Route;
import dev.shifu.mobile.client.model.RouteJob;
import dev.shifu.mobile.client.model.SerialNumber;

/**
 * A whole installer day through the generated Java client of {@code mobile-api/openapi.yaml}: sign in, read the
 * route, drive to the first job, arrive, take the photos, complete it with the consumer's code and the serial number,
 * then the next job, where the goods turn out damaged.
 */
class InstallerDayTests extends InstallerFixture {

	@LocalServerPort
	int port;

	@Test
	void anInstallerWorksTheirDayThroughTheGeneratedClient() throws IOException {
		long first = jobOf(installerA);
		long second = jobOf(installerA);

		ApiClient client = new ApiClient();
		client.setBasePath("http://localhost:" + port + "/mobile/v1");
		String token = new AuthApi(client)
			.login(new PasswordLogin().phone(phones.get(installerA)).password(MOBILE_PASSWORD).deviceName("day-test"))
			.getAccessToken();
		client.setBearerToken(token);
		JobsApi jobs = new JobsApi(client);

		Route route = new RouteApi(client).getRoute(DAY, null);
		List<Long> planned = route.getJobs().stream().map(RouteJob::getJobId).toList();
		assertThat(planned).contains(first, second);
		RouteJob firstJob = route.getJobs().stream().filter(j -> j.getJobId() == first).findFirst().orElseThrow();
		assertThat(firstJob.getItems()).anySatisfy(item -> assertThat(item.getSerialNumberRequired()).isTrue());

		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		// the first job: on the way, there (at the consumer's door), photos, done with the code
		assertThat(jobs.postJobEvent(first, "day-1-en-route", request(JobEventType.EN_ROUTE, now.minusHours(3), 30.26, 120.11))
			.getOutcome()).isEqualTo(JobEventResult.OutcomeEnum.APPLIED);
		JobEventResult arrived = jobs.postJobEvent(first, "day-1-arrived",
				request(JobEventType.ARRIVED, now.minusHours(2), LAT, LNG));
		assertThat(arrived.getGeofence().getInside()).isTrue();
		assertThat(arrived.getFlags()).isEmpty();
		jobs.postJobEvent(first, "day-1-started", request(JobEventType.STARTED, now.minus(Duration.ofMinutes(115)), LAT, LNG));
		Photo before = jobs.uploadPhoto(first, file(jpeg(first * 100 + 1)), PhotoKind.BEFORE);
		Photo after = jobs.uploadPhoto(first, file(jpeg(first * 100 + 2)), PhotoKind.AFTER);
		assertThat(before.getSha256()).hasSize(64).isNotEqualTo(after.getSha256());
		JobEventResult done = jobs.postJobEvent(first, "day-1-completed",
				request(JobEventType.COMPLETED, now.minusMinutes(30), LAT, LNG).verificationCode(verificationCode(first))
					.photoIds(List.of(before.getId(), after.getId()))
					.serialNumbers(List.of(new SerialNumber().sku("DR-800").serialNumber("SN-DAY-1"))));
		assertThat(done.getJobStatus()).hasToString("COMPLETED");
		driver.drain(first);
		assertThat(status(first)).isEqualTo("COMPLETED");

		// the next job: the door arrives cracked
		jobs.postJobEvent(second, "day-2-en-route", request(JobEventType.EN_ROUTE, now.minusMinutes(25), LAT, LNG));
		driver.drain(second);
		jobs.postJobEvent(second, "day-2-arrived", request(JobEventType.ARRIVED, now.minusMinutes(10), LAT + 0.001, LNG));
		driver.drain(second);
		Photo damage = jobs.uploadPhoto(second, file(jpeg(second * 100 + 3)), PhotoKind.DAMAGE);
		JobEventResult exception = jobs.postJobEvent(second, "day-2-exception",
				request(JobEventType.EXCEPTION, now.minusMinutes(5), LAT, LNG).exceptionReason(ExceptionReason.GOODS_DAMAGED)
					.note("门板开裂 / cracked panel")
					.photoIds(List.of(damage.getId())));
		assertThat(exception.getOutcome()).isEqualTo(JobEventResult.OutcomeEnum.APPLIED);
		driver.drain(second);
		assertThat(status(second)).isEqualTo("AWAITING_GOODS");
		assertThat(brandApi.get("/api/v1/orders/" + second).json().get("goods").get("status").asText()).isEqualTo("DAMAGED");

		// the completion's evidence: inside the geofence, two photos, the code, the serial, 90 min on site for 90 planned
		var evidence = dispatcher.get("/api/v1/reviews/evidence/" + first).json().get(0);
		assertThat(evidence.get("geofence").asText()).isEqualTo("INSIDE");
		assertThat(evidence.get("photoCount").asInt()).isEqualTo(2);
		assertThat(evidence.get("codeVerified").asBoolean()).isTrue();
		assertThat(evidence.get("serialNumbers").get(0).asText()).isEqualTo("DR-800=SN-DAY-1");
		// device times keep microseconds; the record counts whole seconds
		assertThat(evidence.get("onSiteSeconds").asLong()).isBetween(90 * 60L - 1, 90 * 60L);
		assertThat(evidence.get("flags")).isEmpty();
	}

	private static JobEventRequest request(JobEventType type, OffsetDateTime at, double lat, double lng) {
		return new JobEventRequest().type(type).occurredAt(at).location(new GeoPoint().lat(lat).lng(lng));
	}

	private static File file(byte[] bytes) throws IOException {
		File file = Files.createTempFile("photo", ".jpg").toFile();
		file.deleteOnExit();
		Files.write(file.toPath(), bytes);
		return file;
	}

}
