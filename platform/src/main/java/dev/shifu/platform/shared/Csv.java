package dev.shifu.platform.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF, a header row. Imports are a few thousand
 * rows, so the whole text is read at once and every row keeps its line number for error reports.
 */
public final class Csv {

	private Csv() {
	}

	/** One data row: its 1-based line number in the file and its values by lower-cased header name. */
	public record Row(int line, Map<String, String> values) {

		public String get(String column) {
			String value = values.get(column.toLowerCase(Locale.ROOT));
			return value == null || value.isBlank() ? null : value.trim();
		}

	}

	public static List<Row> parse(String text, int maxRows) {
		List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
		if (records.isEmpty()) {
			throw new InvalidFieldException("file", "is empty: a header row is required");
		}
		List<String> header = records.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
		List<Row> rows = new ArrayList<>();
		for (int i = 1; i < records.size(); i++) {
			List<String> record = records.get(i);
			if (record.size() == 1 && record.get(0).isBlank()) {
				continue;
			}
			if (rows.size() == maxRows) {
				throw new PayloadTooLargeException("rows", "a batch holds at most " + maxRows + " rows");
			}
			Map<String, String> values = new LinkedHashMap<>();
			for (int c = 0; c < header.size(); c++) {
				values.put(header.get(c), c < record.size() ? record.get(c) : null);
			}
			rows.add(new Row(i + 1, values));
		}
		return rows;
	}

	private static List<List<String>> records(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> current = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (ch == '"') {
					quoted = false;
				}
				else {
					field.append(ch);
				}
			}
			else if (ch == '"') {
				quoted = true;
			}
			else if (ch == ',') {
				current.add(field.toString());
				field.setLength(0);
			}
			else if (ch == '\n' || ch == '\r') {
				if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				current.add(field.toString());
				field.setLength(0);
				records.add(current);
				current = new ArrayList<>();
			}
			else {
				field.append(ch);
			}
		}
		if (field.length() > 0 || !current.isEmpty()) {
			current.add(field.toString());
			records.add(current);
		}
		return records;
	}

}
