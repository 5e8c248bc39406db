package dev.shifu.platform.installer.internal;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.shared.GeoPoint;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.workflows.ExceptionReason;

/**
 * The installer's job writes of the mobile API ({@code mobile-api/openapi.yaml}: postJobEvent, uploadPhoto, sync).
 * The JSON shapes are the contract's; the generated interfaces take this controller's place once they build.
 */
@RestController
class MobileJobController {

	record JobEventRequest(@NotNull JobEventType type, @NotNull Instant occurredAt, GeoPoint location,
			Double accuracyMeters, ExceptionReason exceptionReason, @Size(max = 12) String verificationCode,
			@Size(max = 30) List<Long> photoIds, @Size(max = 100) List<@Valid SerialNumber> serialNumbers,
			@Size(max = 500) String note) {

		ReportedEvent toDomain() {
			return new ReportedEvent(type, occurredAt, location == null ? null : location.lat(),
					location == null ? null : location.lng(), verificationCode,
					serialNumbers == null ? null
							: serialNumbers.stream().map(s -> new ReportedEvent.SerialNumber(s.sku(), s.serialNumber())).toList(),
					exceptionReason, note, photoIds, null);
		}

	}

	record SerialNumber(@NotBlank @Size(max = 64) String sku, @NotBlank @Size(max = 64) String serialNumber) {
	}

	record Geofence(boolean inside, Double distanceMeters, double radiusMeters) {
	}

	record JobEventResult(Long eventId, long jobId, JobEventType type, String outcome, String jobStatus,
			List<String> flags) {
	}

	record Photo(long id, long jobId, PhotoLibrary.Kind kind, String sha256, long sizeBytes, String contentType,
			Instant takenAt, GeoPoint location, boolean duplicate) {
	}

	record SyncEvent(@NotBlank @Size(min = 8, max = 100) @Pattern(regexp = "^[A-Za-z0-9._:-]+$") String idempotencyKey,
			@NotNull Long jobId, @NotNull @Valid JobEventRequest event) {
	}

	record SyncRequest(@NotEmpty @Size(max = 200) List<@Valid @NotNull SyncEvent> events) {
	}

	record SyncResult(String idempotencyKey, long jobId, String outcome, String reason, String detail,
			JobEventResult result) {
	}

	record SyncResponse(List<SyncResult> results) {
	}

	private final JobEventService events;

	private final JobPhotos photos;

	private final OfflineReplay replay;

	private final OrderLifecycle orders;

	MobileJobController(JobEventService events, JobPhotos photos, OfflineReplay replay, OrderLifecycle orders) {
		this.events = events;
		this.photos = photos;
		this.replay = replay;
		this.orders = orders;
	}

	@PostMapping("/mobile/v1/jobs/{jobId}/events")
	JobEventResult postJobEvent(@PathVariable long jobId,
			@RequestHeader(name = "Idempotency-Key") String idempotencyKey, @Valid @RequestBody JobEventRequest event) {
		checkKey(idempotencyKey);
		return result(events.report(installer(), jobId, event.toDomain(), idempotencyKey));
	}

	@PostMapping(path = "/mobile/v1/jobs/{jobId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Photo> uploadPhoto(@PathVariable long jobId, @RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "kind", required = false) String kind) {
		PhotoLibrary.Kind parsed;
		try {
			parsed = kind == null ? null : PhotoLibrary.Kind.valueOf(kind);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFieldException("kind", "must be one of " + List.of(PhotoLibrary.Kind.values()));
		}
		JobPhotos.Stored stored = photos.upload(installer(), jobId, parsed, file);
		PhotoLibrary.Photo p = stored.photo();
		Photo body = new Photo(p.id(), p.orderId(), p.kind(), p.checksum(), p.sizeBytes(), p.contentType(), p.takenAt(),
				p.takenLat() == null ? null : new GeoPoint(p.takenLat(), p.takenLng()), stored.duplicate());
		return ResponseEntity.status(stored.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(body);
	}

	@PostMapping("/mobile/v1/sync")
	SyncResponse sync(@Valid @RequestBody SyncRequest request) {
		List<OfflineReplay.Item> batch = request.events()
			.stream()
			.map(e -> new OfflineReplay.Item(e.idempotencyKey(), e.jobId(), e.event().toDomain()))
			.toList();
		return new SyncResponse(replay.replay(installer(), batch)
			.stream()
			.map(r -> new SyncResult(r.idempotencyKey(), r.orderId(), r.outcome().name(), r.reason(), r.detail(),
					r.applied() == null ? null : result(r.applied())))
			.toList());
	}

	private JobEventResult result(EventOutcome outcome) {
		// The process moves the order's status in its next step: a progress event names the status it leads to.
		String status = outcome.type() == JobEventType.EXCEPTION
				? orders.find(outcome.orderId()).map(o -> o.status().name()).orElse(null) : outcome.type().name();
		return new JobEventResult(outcome.eventId(), outcome.orderId(), outcome.type(),
				outcome.duplicate() ? "DUPLICATE" : "APPLIED", status, outcome.flags());
	}

	private static Reporter installer() {
		Actor actor = CurrentActor.get();
		if (!actor.has(Role.INSTALLER) || actor.installerId() == null || actor.providerId() == null) {
			throw new NotFoundException("installer", actor.name());
		}
		return Reporter.installer(actor.providerId(), actor.installerId());
	}

	private static void checkKey(String key) {
		if (key == null || !key.matches("^[A-Za-z0-9._:-]{8,100}$")) {
			throw new InvalidFieldException("Idempotency-Key", "must be 8 to 100 letters, digits or . _ : -");
		}
	}

}
