package dev.shifu.platform.installer.internal;

import java.util.List;

/** The answer to a job event: the event's id, whether it was a replay of one already applied, and its flags. */
record EventOutcome(long orderId, long eventId, JobEventType type, boolean duplicate, List<String> flags) {
}
