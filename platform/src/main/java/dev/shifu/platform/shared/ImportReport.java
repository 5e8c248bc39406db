package dev.shifu.platform.shared;

import java.util.List;

/** The outcome of a CSV batch: counts and, for each rejected row, its line and reasons. Valid rows are kept. */
public record ImportReport(int total, int accepted, int duplicates, int rejected, List<RejectedRow> rejectedRows) {

	public record RejectedRow(int line, String key, List<FieldError> errors) {
	}

}
