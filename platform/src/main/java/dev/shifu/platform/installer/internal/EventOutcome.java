package dev.shifu.platform.installer.internal;

import java.util.List;

/**
 * The answer to a job event: the event's id, whether it was a replay of one already applied, its flags, and for an
 * arrival with a position the geofence check ({@code insideGeofence}, {@code distanceMeters}, {@code radiusMeters}).
 */
record EventOutcome(long orderId, long eventId, JobEventType type, boolean duplicate, List<String> flags,
		Boolean insideGeofence, Double distanceMeters, double radiusMeters) {
}
