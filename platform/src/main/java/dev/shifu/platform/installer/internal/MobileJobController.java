package dev.shifu.platform.installer.internal;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.shifu.mobile.server.api.JobsApi;
import dev.shifu.mobile.server.api.SyncApi;
import dev.shifu.mobile.server.model.JobEventRequestDto;
import dev.shifu.mobile.server.model.JobEventResultDto;
import dev.shifu.mobile.server.model.PhotoDto;
import dev.shifu.mobile.server.model.PhotoKindDto;
import dev.shifu.mobile.server.model.RouteJobDto;
import dev.shifu.mobile.server.model.SyncRequestDto;
import dev.shifu.mobile.server.model.SyncResponseDto;

/** The contract's job operations (getJob, postJobEvent, uploadPhoto) and the offline replay (sync). */
@RestController
@RequestMapping(MobileSecurityConfig.BASE)
class MobileJobController implements JobsApi, SyncApi {

	private final JobEventService events;

	private final JobPhotos photos;

	private final OfflineReplay replay;

	private final InstallerRoutesView routes;

	private final MobileMapper views;

	private final MobileJobMapper mapper;

	private final Validator validator;

	MobileJobController(JobEventService events, JobPhotos photos, OfflineReplay replay, InstallerRoutesView routes,
			MobileMapper views, MobileJobMapper mapper, Validator validator) {
		this.validator = validator;
		this.events = events;
		this.photos = photos;
		this.replay = replay;
		this.routes = routes;
		this.views = views;
		this.mapper = mapper;
	}

	@Override
	public ResponseEntity<RouteJobDto> getJob(Long jobId) {
		return ResponseEntity.ok(views.job(routes.job(MobileInstallers.current().installerId(), jobId)));
	}

	@Override
	public ResponseEntity<JobEventResultDto> postJobEvent(Long jobId, String idempotencyKey, JobEventRequestDto request) {
		ReportedEvent event = mapper.event(request);
		Reporter reporter = reporter();
		return ResponseEntity
			.ok(mapper.result(JobEventService.raceSafe(() -> events.report(reporter, jobId, event, idempotencyKey))));
	}

	@Override
	public ResponseEntity<PhotoDto> uploadPhoto(Long jobId, MultipartFile file, PhotoKindDto kind) {
		JobPhotos.Stored stored = photos.upload(reporter(), jobId, PhotoLibrary.Kind.valueOf(kind.name()), file);
		return ResponseEntity.status(stored.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(mapper.photo(stored));
	}

	@Override
	public ResponseEntity<SyncResponseDto> sync(SyncRequestDto request) {
		List<OfflineReplay.Item> batch = request.getEvents()
			.stream()
			.map(e -> new OfflineReplay.Item(e.getIdempotencyKey(), e.getJobId(), mapper.event(e.getEvent()),
					invalid(e.getEvent())))
			.toList();
		return ResponseEntity.ok(new SyncResponseDto(replay.replay(reporter(), batch).stream().map(mapper::syncResult).toList()));
	}

	/**
	 * The batch's validation stops at each item's event ({@link SyncItemsOneByOne}): a bad event is that item's
	 * rejection, naming its fields as a single event's 400 would, and the items next to it still go.
	 */
	private String invalid(JobEventRequestDto event) {
		Set<ConstraintViolation<JobEventRequestDto>> violations = validator.validate(event);
		if (violations.isEmpty()) {
			return null;
		}
		return violations.stream()
			.map(v -> v.getPropertyPath() + ": " + v.getMessage())
			.sorted()
			.reduce((a, b) -> a + "; " + b)
			.orElseThrow();
	}

	private static Reporter reporter() {
		MobileAuth.MobileInstaller who = MobileInstallers.current();
		return Reporter.installer(who.providerId(), who.installerId());
	}

}
