package dev.shifu.platform.installer.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import dev.shifu.mobile.server.model.GeoPointDto;
import dev.shifu.mobile.server.model.GeofenceResultDto;
import dev.shifu.mobile.server.model.JobEventRequestDto;
import dev.shifu.mobile.server.model.JobEventResultDto;
import dev.shifu.mobile.server.model.JobStatusDto;
import dev.shifu.mobile.server.model.PhotoDto;
import dev.shifu.mobile.server.model.SyncResultDto;

/** The contract's job-write DTOs to and from the domain: the only place they meet (the API edge). */
@Mapper
interface MobileJobMapper {

	@Mapping(target = "lat", source = "location.lat")
	@Mapping(target = "lng", source = "location.lng")
	@Mapping(target = "installerId", ignore = true)
	ReportedEvent event(JobEventRequestDto request);

	@Mapping(target = "jobId", source = "orderId")
	@Mapping(target = "outcome", expression = "java(outcome.duplicate() ? JobEventResultDto.OutcomeEnum.DUPLICATE : JobEventResultDto.OutcomeEnum.APPLIED)")
	@Mapping(target = "jobStatus", source = "type")
	@Mapping(target = "geofence", source = ".")
	JobEventResultDto result(EventOutcome outcome);

	/** After a report the job stands where the event put it (the order's status follows in the process's step). */
	JobStatusDto status(JobEventType type);

	default GeofenceResultDto geofence(EventOutcome outcome) {
		if (outcome.insideGeofence() == null) {
			return null;
		}
		return new GeofenceResultDto(outcome.insideGeofence(), outcome.radiusMeters())
			.distanceMeters(outcome.distanceMeters() == null ? null : (double) Math.round(outcome.distanceMeters()));
	}

	@Mapping(target = "id", source = "photo.id")
	@Mapping(target = "jobId", source = "photo.orderId")
	@Mapping(target = "kind", source = "photo.kind")
	@Mapping(target = "sha256", source = "photo.checksum")
	@Mapping(target = "sizeBytes", source = "photo.sizeBytes")
	@Mapping(target = "contentType", source = "photo.contentType")
	@Mapping(target = "takenAt", source = "photo.takenAt")
	@Mapping(target = "location", source = "photo")
	@Mapping(target = "duplicate", source = "duplicate")
	PhotoDto photo(JobPhotos.Stored stored);

	default GeoPointDto location(PhotoLibrary.Photo photo) {
		return photo.takenLat() == null ? null : new GeoPointDto(photo.takenLat(), photo.takenLng());
	}

	@Mapping(target = "jobId", source = "orderId")
	@Mapping(target = "result", source = "applied")
	SyncResultDto syncResult(OfflineReplay.Result result);

	default Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	default OffsetDateTime offset(Instant time) {
		return time == null ? null : time.atOffset(ZoneOffset.UTC);
	}

}
