package dev.shifu.platform.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV batch (RFC 4180 through Commons CSV: quoted fields, doubled quotes, line breaks inside quotes, CRLF or
 * LF) with a header row. Every row keeps the physical line it starts on, so a report points at what the user sees in
 * an editor. A quote that is never closed fails the whole batch with its line; a row with more values than the header
 * has columns is kept with an error, so it is rejected on its own.
 */
public final class CsvRows {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setIgnoreEmptyLines(true)
		.setLenientEof(false)
		.setTrailingData(false)
		.get();

	private CsvRows() {
	}

	/**
	 * One data row: the physical line (1-based) it starts on, its values by lower-cased header name, and how many
	 * values it has beyond the header's columns.
	 */
	public record Row(int line, Map<String, String> values, int extraValues) {

		public String get(String column) {
			String value = values.get(column.toLowerCase(Locale.ROOT));
			return value == null || value.isBlank() ? null : value.trim();
		}

	}

	public static List<Row> parse(String text, int maxRows) {
		String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
		Lines lines = new Lines(csv);
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(csv, FORMAT)) {
			Iterator<CSVRecord> records = parser.iterator();
			List<String> header = null;
			long consumedLines = 0;
			while (true) {
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						break;
					}
					record = records.next();
				}
				catch (UncheckedIOException | IllegalStateException ex) {
					int line = lines.firstNonBlankFrom((int) consumedLines + 1);
					throw new InvalidFieldException("file",
							"line " + line + ": a quoted value is not closed, or text follows a closing quote");
				}
				consumedLines = parser.getCurrentLineNumber();
				// The record's position is where the parser started reading: before any empty lines it skipped.
				int line = lines.firstNonBlankFrom(lines.lineOf(record.getCharacterPosition()));
				if (header == null) {
					header = header(record, line);
					continue;
				}
				if (rows.size() == maxRows) {
					throw new PayloadTooLargeException("rows", "a batch holds at most " + maxRows + " rows");
				}
				Map<String, String> values = new LinkedHashMap<>();
				for (int c = 0; c < header.size(); c++) {
					values.put(header.get(c), c < record.size() ? record.get(c) : null);
				}
				rows.add(new Row(line, values, Math.max(0, record.size() - header.size())));
			}
			if (header == null) {
				throw new InvalidFieldException("file", "is empty: a header row is required");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	private static List<String> header(CSVRecord record, int line) {
		List<String> header = record.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
		Set<String> seen = new HashSet<>();
		for (String name : header) {
			if (name.isEmpty()) {
				throw new InvalidFieldException("file", "line " + line + ": the header has an empty column name");
			}
			if (!seen.add(name)) {
				throw new InvalidFieldException("file", "line " + line + ": the header names " + name + " twice");
			}
		}
		return header;
	}

	/** Physical lines of the text: a line break is CRLF, LF or a lone CR, as for the parser. */
	private static final class Lines {

		private final List<Integer> starts = new ArrayList<>();

		private final String text;

		Lines(String text) {
			this.text = text;
			starts.add(0);
			for (int i = 0; i < text.length(); i++) {
				char ch = text.charAt(i);
				if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				if (ch == '\r' || ch == '\n') {
					starts.add(i + 1);
				}
			}
		}

		int lineOf(long position) {
			int index = java.util.Collections.binarySearch(starts, (int) position);
			return (index >= 0 ? index : -index - 2) + 1;
		}

		/** The first line from the given one that holds anything: where a record starts. */
		int firstNonBlankFrom(int line) {
			while (line < starts.size() && isBlank(line)) {
				line++;
			}
			return line;
		}

		private boolean isBlank(int line) {
			int start = starts.get(line - 1);
			int end = line < starts.size() ? starts.get(line) : text.length();
			return text.substring(start, end).isBlank();
		}

	}

}
