package dev.shifu.platform.installer.internal;

import java.time.Instant;
import java.util.List;

import dev.shifu.workflows.ExceptionReason;

/**
 * One job event as reported. {@code occurredAt}: when it happened on the road (an offline replay carries the
 * recorded time), else now. {@code installerId}: only the provider admin's stand-in names who did the visit.
 */
record ReportedEvent(JobEventType type, Instant occurredAt, Double lat, Double lng, String verificationCode,
		List<SerialNumber> serialNumbers, ExceptionReason exceptionReason, String note, List<Long> photoIds,
		Long installerId) {

	ReportedEvent {
		serialNumbers = serialNumbers == null ? List.of() : List.copyOf(serialNumbers);
		photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
	}

	/** The serial number of one fitted unit of an item. */
	record SerialNumber(String sku, String serialNumber) {
	}

	/** What the idempotency hash covers: the event, not the code (which is a secret and never stored). */
	java.util.Map<String, Object> fingerprint(long orderId) {
		java.util.Map<String, Object> map = new java.util.TreeMap<>();
		map.put("orderId", orderId);
		map.put("type", type);
		map.put("occurredAt", occurredAt == null ? "" : occurredAt.toString());
		map.put("lat", lat == null ? "" : lat);
		map.put("lng", lng == null ? "" : lng);
		map.put("code", verificationCode == null ? "" : dev.shifu.platform.shared.Idempotency.sha256(verificationCode));
		map.put("serials", serialNumbers.stream().map(s -> s.sku() + "=" + s.serialNumber()).toList());
		map.put("reason", exceptionReason == null ? "" : exceptionReason.name());
		map.put("note", note == null ? "" : note);
		map.put("photos", photoIds);
		map.put("installer", installerId == null ? "" : installerId);
		return map;
	}

}
