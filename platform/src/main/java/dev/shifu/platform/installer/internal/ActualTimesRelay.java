package dev.shifu.platform.installer.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shifu.platform.installer.InstallerEvents.JobEventApplied;
import dev.shifu.platform.installer.InstallerEvents.JobFlagged;
import dev.shifu.platform.schedule.VisitProgress;

/**
 * Every applied job event reaches the live plan as an actual time, after its commit and at most once per event (the
 * event publication registry resubmits one that failed). Replays and duplicates publish nothing, so they never act.
 */
@Component
class ActualTimesRelay {

	private final VisitProgress progress;

	ActualTimesRelay(VisitProgress progress) {
		this.progress = progress;
	}

	@ApplicationModuleListener
	void on(JobEventApplied applied) {
		progress.reported(applied.orderId(), applied.type(), applied.occurredAt());
	}

	/** A flagged job reaches the dispatcher's board live, after the review row committed. */
	@ApplicationModuleListener
	void on(JobFlagged flagged) {
		progress.reviewListChanged(flagged.orderId());
	}

}
