package dev.shifu.platform.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/**
 * The row loop every CSV import shares: read a row into a request, validate it like a JSON request, submit it on its
 * own, and count what was created, what was already there, and what was rejected and why. A bad row never stops the
 * batch and never undoes a good one.
 */
@Component
public class CsvBatches {

	/** What submitting one valid row did. */
	public enum Outcome {
		CREATED, DUPLICATE
	}

	private final RequestValidation validation;

	CsvBatches(RequestValidation validation) {
		this.validation = validation;
	}

	public <T> ImportReport run(List<CsvRows.Row> rows, String keyColumn, Function<CsvValues, T> read,
			Function<T, Outcome> submit) {
		int accepted = 0;
		int duplicates = 0;
		List<ImportReport.RejectedRow> rejected = new ArrayList<>();
		for (CsvRows.Row row : rows) {
			CsvValues values = new CsvValues(row);
			T request = read.apply(values);
			List<FieldError> errors = new ArrayList<>(values.errors());
			errors.addAll(validation.errors(request));
			String key = values.text(keyColumn);
			if (!errors.isEmpty()) {
				rejected.add(new ImportReport.RejectedRow(row.line(), key, errors));
				continue;
			}
			try {
				if (submit.apply(request) == Outcome.CREATED) {
					accepted++;
				}
				else {
					duplicates++;
				}
			}
			catch (InvalidFieldException ex) {
				rejected.add(new ImportReport.RejectedRow(row.line(), key, ex.errors()));
			}
			catch (ConflictException ex) {
				rejected.add(new ImportReport.RejectedRow(row.line(), key, List.of(new FieldError(keyColumn, ex.getMessage()))));
			}
		}
		return new ImportReport(rows.size(), accepted, duplicates, rejected.size(), rejected);
	}

}
