package dev.shifu.platform.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Typed reads of CSV cells that collect a field error instead of failing the whole row at the first one. */
public final class CsvValues {

	private final CsvRows.Row row;

	private final List<FieldError> errors = new ArrayList<>();

	public CsvValues(CsvRows.Row row) {
		this.row = row;
		if (row.extraValues() > 0) {
			int columns = row.values().size();
			errors.add(new FieldError("row", "has " + (columns + row.extraValues()) + " values but the header has "
					+ columns + " columns"));
		}
	}

	public String text(String column) {
		return row.get(column);
	}

	public Double decimal(String column) {
		return parse(column, Double::valueOf, "must be a number");
	}

	public Integer integer(String column) {
		return parse(column, Integer::valueOf, "must be a whole number");
	}

	public LocalDate date(String column) {
		return parse(column, LocalDate::parse, "must be a date like 2026-12-01");
	}

	public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
		return parse(column, v -> Enum.valueOf(type, v.toUpperCase(Locale.ROOT)),
				"must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
	}

	/** Splits a cell on {@code ;} and parses each part; a bad part is an error at column[index]. */
	public <T> List<T> list(String column, Function<String, T> parser, String message) {
		String value = row.get(column);
		List<T> result = new ArrayList<>();
		if (value == null) {
			return result;
		}
		String[] parts = value.split(";");
		for (int i = 0; i < parts.length; i++) {
			if (parts[i].isBlank()) {
				continue;
			}
			try {
				result.add(parser.apply(parts[i].trim()));
			}
			catch (RuntimeException ex) {
				errors.add(new FieldError(column + "[" + i + "]", message));
			}
		}
		return result;
	}

	public List<FieldError> errors() {
		return errors;
	}

	private <T> T parse(String column, Function<String, T> parser, String message) {
		String value = row.get(column);
		if (value == null) {
			return null;
		}
		try {
			return parser.apply(value);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			errors.add(new FieldError(column, message));
			return null;
		}
	}

}
