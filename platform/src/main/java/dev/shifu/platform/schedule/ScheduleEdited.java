package dev.shifu.platform.schedule;

import java.time.Instant;

/**
 * A dispatcher's edit taken by the schedules API ({@code /api/v1/schedules/{region}/pins|moves|reoptimize}), which
 * commits asynchronously: the audit gets who, what and where the job stood when it was asked for. (The route board's
 * edits are audited with their committed outcome instead.)
 *
 * @param action PIN, MOVE, REOPTIMIZE or REOPTIMIZE_STOP
 * @param request the edit as asked, as JSON
 * @param before where the job stood in the live plan (shift and position, or unassigned), as JSON; null for a
 * re-optimization
 * @param scoreBefore the live plan's score when it was asked for
 */
public record ScheduleEdited(String region, String actor, String action, String jobId, String shiftId, String request,
		String before, String scoreBefore, Instant at) {
}
