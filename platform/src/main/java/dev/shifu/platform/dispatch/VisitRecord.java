package dev.shifu.platform.dispatch;

import java.time.LocalDate;
import java.util.List;

/**
 * One visit of an order's job as dispatch recorded it: who was assigned (provider), on which day, and which
 * installer or crew did it ({@code installerIds}, the lead first; empty until known), and where that came from.
 */
public record VisitRecord(long orderId, Kind kind, long providerId, LocalDate date, List<Long> installerIds,
		Source source) {

	public enum Kind {
		/** The regular visit, or a revisit after an exception. */
		INSTALLATION,
		/** A rework visit after a low rating. */
		REWORK
	}

	public enum Source {
		/** Not known yet. */
		NONE,
		/** The live plan sent this installer (or crew). */
		PLAN,
		/** The provider reported the installer with a job event. */
		REPORTED
	}

	/** The installer the visit is credited to (the crew's lead), if known. */
	public java.util.Optional<Long> leadInstaller() {
		return installerIds.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(installerIds.get(0));
	}

}
