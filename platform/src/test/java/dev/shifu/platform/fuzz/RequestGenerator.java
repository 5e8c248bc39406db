package dev.shifu.platform.fuzz;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.shifu.platform.fuzz.Operations.Operation;
import dev.shifu.platform.fuzz.Operations.Param;

/**
 * Requests for an operation, generated from its schemas: first a value the schema allows (examples, enums, formats,
 * bounds, and the world's own ids for parameters it names), then one mutation of it. One seeded {@link Random} decides
 * everything, so a seed replays the same requests.
 */
public final class RequestGenerator {

	public enum Kind {
		/** The schema's own valid value: a control, which may be accepted but must never be a 5xx. */
		VALID,
		MALFORMED_JSON, WRONG_CONTENT_TYPE, EMPTY_BODY, MISSING_FIELD, WRONG_TYPE, EXTRA_FIELD, NULL_FIELD,
		BOUNDARY_NUMBER, LONG_STRING, UNICODE_STRING, BAD_PARAMETER, MISSING_PARAMETER
	}

	/** One request: where it goes, what it carries, and which field or parameter the mutation touched. */
	public record FuzzRequest(Operation operation, Kind kind, String method, String pathAndQuery, String contentType, byte[] body,
			String touched) {

		@Override
		public String toString() {
			String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
			return kind + " " + method + " " + pathAndQuery + (touched == null ? "" : " [" + touched + "]")
					+ (body == null ? "" : " " + contentType + " " + shown);
		}

	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> ODD_STRINGS = List.of("😀🚪门", "\u0000", "\u202Eevil", "e\u0301".repeat(300), "\uD800",
			"'; drop table service_order; --", "<script>alert(1)</script>", "../../etc/passwd", "%00%0d%0a", "${jndi:ldap://x/a}",
			"", " ", "\t\n", "null", "NaN", "١٢٣", "ＡＢＣ１２３", "𠜎𠜱𠝹𠱓", "\\", "\"", "{}");

	private static final List<String> ODD_PARAMETERS = List.of("abc", "-1", "0", "99999999999999999999", "1.5", "1e400", "",
			"%E2%80%AE", "' or 1=1 --", "2026-13-45", "2026-02-30", "9999-12-31", "😀", "x".repeat(5000), "[]", "{}", "null",
			"true", "../..");

	private final Operations operations;

	private final Random random;

	private final Map<String, List<String>> world;

	/** @param world values for parameters and id-like fields by name (the caller's own objects) */
	RequestGenerator(Operations operations, Random random, Map<String, List<String>> world) {
		this.operations = operations;
		this.random = random;
		this.world = world;
	}

	/** The kinds that make sense for the operation: body kinds only where it takes a body. */
	List<Kind> kindsFor(Operation op) {
		List<Kind> kinds = new ArrayList<>(List.of(Kind.VALID));
		boolean hasParams = op.params().stream().anyMatch(p -> !p.in().equals("header"));
		if (hasParams) {
			kinds.add(Kind.BAD_PARAMETER);
		}
		if (op.params().stream().anyMatch(p -> p.required() && p.in().equals("query"))) {
			kinds.add(Kind.MISSING_PARAMETER);
		}
		if (op.body() != null) {
			kinds.addAll(List.of(Kind.MALFORMED_JSON, Kind.WRONG_CONTENT_TYPE, Kind.EMPTY_BODY));
			if (op.body().mediaType().contains("json")) {
				kinds.addAll(List.of(Kind.MISSING_FIELD, Kind.WRONG_TYPE, Kind.EXTRA_FIELD, Kind.NULL_FIELD, Kind.BOUNDARY_NUMBER,
						Kind.LONG_STRING, Kind.UNICODE_STRING));
			}
			else {
				kinds.addAll(List.of(Kind.LONG_STRING, Kind.UNICODE_STRING));
			}
		}
		return kinds;
	}

	FuzzRequest next(Operation op) {
		List<Kind> kinds = kindsFor(op);
		return generate(op, kinds.get(random.nextInt(kinds.size())));
	}

	FuzzRequest generate(Operation op, Kind kind) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, String> query = new LinkedHashMap<>();
		for (Param param : op.params()) {
			if (param.in().equals("path")) {
				path.put(param.name(), parameterValue(param));
			}
			else if (param.in().equals("query") && (param.required() || random.nextInt(3) == 0)) {
				query.put(param.name(), parameterValue(param));
			}
		}
		String touched = null;
		if (kind == Kind.BAD_PARAMETER) {
			List<String> names = new ArrayList<>(path.keySet());
			names.addAll(query.keySet());
			op.params().stream().filter(p -> p.in().equals("query") && !query.containsKey(p.name())).forEach(p -> names.add(p.name()));
			touched = names.get(random.nextInt(names.size()));
			String odd = ODD_PARAMETERS.get(random.nextInt(ODD_PARAMETERS.size()));
			if (path.containsKey(touched)) {
				// An empty path segment would be another route, not a bad value.
				path.put(touched, odd.isEmpty() ? "%20" : odd);
			}
			else {
				query.put(touched, odd);
			}
		}
		if (kind == Kind.MISSING_PARAMETER) {
			List<String> required = op.params().stream().filter(p -> p.required() && p.in().equals("query")).map(Param::name).toList();
			touched = required.get(random.nextInt(required.size()));
			query.remove(touched);
		}
		String url = op.path();
		for (Map.Entry<String, String> variable : path.entrySet()) {
			String value = variable.getValue().equals("%20") ? "%20" : encode(variable.getValue());
			url = url.replace("{" + variable.getKey() + "}", value);
		}
		if (!query.isEmpty()) {
			List<String> pairs = new ArrayList<>();
			query.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
			url = url + "?" + String.join("&", pairs);
		}
		if (op.body() == null) {
			return new FuzzRequest(op, kind, op.method(), url, null, null, touched);
		}
		String type = op.body().mediaType();
		if (type.startsWith("multipart/")) {
			return multipart(op, kind, url, touched);
		}
		if (type.startsWith("text/csv")) {
			return csv(op, kind, url, touched);
		}
		JsonNode valid = value(op.body().schema(), "", 0);
		switch (kind) {
			case MALFORMED_JSON -> {
				String text = write(valid);
				String broken = switch (random.nextInt(5)) {
					case 0 -> text.substring(0, Math.max(1, random.nextInt(Math.max(1, text.length()))));
					case 1 -> text + "}";
					case 2 -> text.replaceFirst(":", "");
					case 3 -> "{\"a\":" + "[".repeat(2000);
					default -> "\u00ff\u00fe" + text;
				};
				return new FuzzRequest(op, kind, op.method(), url, "application/json", latin1OrUtf8(broken), null);
			}
			case WRONG_CONTENT_TYPE -> {
				String wrong = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "image/png").get(random.nextInt(4));
				return new FuzzRequest(op, kind, op.method(), url, wrong, write(valid).getBytes(StandardCharsets.UTF_8), null);
			}
			case EMPTY_BODY -> {
				return new FuzzRequest(op, kind, op.method(), url, "application/json", new byte[0], null);
			}
			case VALID, BAD_PARAMETER, MISSING_PARAMETER -> {
				return new FuzzRequest(op, kind, op.method(), url, "application/json", write(valid).getBytes(StandardCharsets.UTF_8), touched);
			}
			default -> {
				Mutated mutated = mutate(valid, kind);
				return new FuzzRequest(op, kind, op.method(), url, "application/json",
						write(mutated.value()).getBytes(StandardCharsets.UTF_8), mutated.field());
			}
		}
	}

	// ----- values the schema allows -----

	private String parameterValue(Param param) {
		if (world.containsKey(param.name())) {
			return known(param.name());
		}
		JsonNode value = value(param.schema(), param.name(), 0);
		return value.isTextual() ? value.asText() : value.toString();
	}

	JsonNode value(JsonNode schemaOrRef, String name, int depth) {
		JsonNode schema = operations.resolve(schemaOrRef);
		if (schema == null || schema.isMissingNode()) {
			return NODES.textNode("x");
		}
		String declared = schema.path("type").asText("");
		if (world.containsKey(name) && !declared.equals("object") && !declared.equals("array")) {
			String known = known(name);
			// An enum the world's value is not in (a task type, not a service type) keeps to its enum.
			boolean fits = !schema.has("enum") || schema.get("enum").toString().contains("\"" + known + "\"");
			if (fits && declared.equals("integer") && known.matches("\\d+")) {
				return NODES.numberNode(Long.parseLong(known));
			}
			if (fits && declared.equals("number") && known.matches("-?\\d+(\\.\\d+)?")) {
				return NODES.numberNode(Double.parseDouble(known));
			}
			if (fits && !declared.equals("integer") && !declared.equals("number")) {
				return NODES.textNode(known);
			}
		}
		if (schema.has("enum")) {
			JsonNode values = schema.get("enum");
			return values.get(random.nextInt(values.size()));
		}
		String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
		switch (type) {
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				if (depth > 6) {
					return object;
				}
				List<String> required = new ArrayList<>();
				schema.path("required").forEach(r -> required.add(r.asText()));
				Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
				while (properties.hasNext()) {
					Map.Entry<String, JsonNode> property = properties.next();
					if (required.contains(property.getKey()) || random.nextInt(3) > 0) {
						object.set(property.getKey(), value(property.getValue(), property.getKey(), depth + 1));
					}
				}
				JsonNode additional = schema.path("additionalProperties");
				if (additional.isObject() && !schema.has("properties")) {
					object.set(mapKey(name), value(additional, "", depth + 1));
				}
				return object;
			}
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				int count = Math.max(1, schema.path("minItems").asInt(1));
				for (int i = 0; i < Math.min(count, 3); i++) {
					array.add(value(schema.path("items"), singular(name), depth + 1));
				}
				return array;
			}
			case "integer" -> {
				long min = schema.path("minimum").asLong(1);
				long max = schema.path("maximum").asLong(Math.max(min, 5));
				return NODES.numberNode(min + (max > min ? random.nextLong(Math.min(max - min, 10) + 1) : 0));
			}
			case "number" -> {
				if (name.equalsIgnoreCase("lat")) {
					return NODES.numberNode(Double.parseDouble(world.containsKey("lat") ? known("lat") : "30.2765"));
				}
				if (name.equalsIgnoreCase("lng")) {
					return NODES.numberNode(Double.parseDouble(world.containsKey("lng") ? known("lng") : "120.1229"));
				}
				return NODES.numberNode(schema.path("minimum").asDouble(1.0));
			}
			case "boolean" -> {
				return NODES.booleanNode(random.nextBoolean());
			}
			default -> {
				return NODES.textNode(string(schema, name));
			}
		}
	}

	private String string(JsonNode schema, String name) {
		String format = schema.path("format").asText("");
		if (format.equals("date")) {
			return world.containsKey("date") ? known("date") : "2026-12-10";
		}
		if (format.equals("date-time")) {
			return Instant.now().toString();
		}
		if (schema.has("example") && schema.get("example").isTextual()) {
			return schema.get("example").asText();
		}
		if (name.toLowerCase().contains("phone")) {
			return "138" + String.format("%08d", random.nextInt(100_000_000));
		}
		int min = schema.path("minLength").asInt(1);
		String text = "fuzz" + random.nextInt(10_000);
		return text.length() >= min ? text : text + "x".repeat(min - text.length());
	}

	/** Maps in our schemas are keyed by service type (capacities, fees). */
	private static String mapKey(String name) {
		return "INSTALLATION";
	}

	/** One of the world's values for the name: callers hold several objects of a kind (orders in different states). */
	private String known(String name) {
		List<String> values = world.get(name);
		return values.get(random.nextInt(values.size()));
	}

	private static String singular(String name) {
		return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
	}

	// ----- mutations -----

	record Mutated(JsonNode value, String field) {
	}

	/** A copy of the valid value with one field (chosen at random among those the kind applies to) broken. */
	Mutated mutate(JsonNode valid, Kind kind) {
		JsonNode copy = valid.deepCopy();
		List<Slot> slots = new ArrayList<>();
		collect(copy, null, null, -1, "", slots);
		List<Slot> fitting = switch (kind) {
			case MISSING_FIELD -> slots.stream().filter(s -> s.key() != null).toList();
			case BOUNDARY_NUMBER -> slots.stream().filter(s -> s.value().isNumber()).toList();
			case LONG_STRING, UNICODE_STRING -> slots.stream().filter(s -> s.value().isTextual()).toList();
			case EXTRA_FIELD -> slots.stream().filter(s -> s.value().isObject()).toList();
			default -> slots.stream().filter(s -> s.parent() != null).toList();
		};
		if (fitting.isEmpty()) {
			fitting = slots.stream().filter(s -> s.parent() != null).toList();
		}
		if (fitting.isEmpty()) {
			// A body that is a bare value: the whole body is the field.
			return new Mutated(broken(copy, kind), "(body)");
		}
		Slot slot = fitting.get(random.nextInt(fitting.size()));
		if (kind == Kind.MISSING_FIELD) {
			((ObjectNode) slot.parent()).remove(slot.key());
			return new Mutated(copy, slot.path());
		}
		if (kind == Kind.EXTRA_FIELD) {
			String extra = List.of("fuzzExtra", "@class", "__proto__", "id", "status", "brandId").get(random.nextInt(6));
			((ObjectNode) slot.value()).set(extra, random.nextBoolean() ? NODES.textNode("java.lang.Runtime") : NODES.numberNode(1));
			return new Mutated(copy, slot.path().isEmpty() ? extra : slot.path() + "." + extra);
		}
		JsonNode replacement = broken(slot.value(), kind);
		if (slot.parent() == null) {
			return new Mutated(replacement, "(body)");
		}
		if (slot.key() != null) {
			((ObjectNode) slot.parent()).set(slot.key(), replacement);
		}
		else {
			((ArrayNode) slot.parent()).set(slot.index(), replacement);
		}
		return new Mutated(copy, slot.path());
	}

	private JsonNode broken(JsonNode value, Kind kind) {
		return switch (kind) {
			case NULL_FIELD -> NODES.nullNode();
			case BOUNDARY_NUMBER -> List.<JsonNode>of(NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(2147483648L),
					NODES.numberNode(-2147483649L), NODES.numberNode(Long.MAX_VALUE),
					NODES.numberNode(new BigInteger("9223372036854775808")), NODES.numberNode(1e308), NODES.numberNode(-1e308),
					NODES.numberNode(4.9e-324), NODES.numberNode(0.5)).get(random.nextInt(10));
			case LONG_STRING -> NODES.textNode("长".repeat(List.of(65, 256, 1001, 4097, 65_537).get(random.nextInt(5))));
			case UNICODE_STRING -> NODES.textNode(ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())));
			default -> wrongType(value);
		};
	}

	private JsonNode wrongType(JsonNode value) {
		List<JsonNode> others = new ArrayList<>();
		if (!value.isTextual()) {
			others.add(NODES.textNode("not-a-" + value.getNodeType().name().toLowerCase()));
		}
		if (!value.isNumber()) {
			others.add(NODES.numberNode(12345));
		}
		if (!value.isBoolean()) {
			others.add(NODES.booleanNode(true));
		}
		if (!value.isObject()) {
			others.add(NODES.objectNode().put("x", 1));
		}
		if (!value.isArray()) {
			others.add(NODES.arrayNode().add(1).add("a"));
		}
		return others.get(random.nextInt(others.size()));
	}

	/** A place in the value: its parent container and its key or index there. */
	record Slot(JsonNode parent, String key, int index, JsonNode value, String path) {
	}

	private static void collect(JsonNode value, JsonNode parent, String key, int index, String path, List<Slot> slots) {
		slots.add(new Slot(parent, key, index, value, path));
		if (value.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				collect(field.getValue(), value, field.getKey(), -1, path.isEmpty() ? field.getKey() : path + "." + field.getKey(), slots);
			}
		}
		else if (value.isArray()) {
			for (int i = 0; i < value.size(); i++) {
				collect(value.get(i), value, null, i, path + "[" + i + "]", slots);
			}
		}
	}

	// ----- other media types -----

	private FuzzRequest multipart(Operation op, Kind kind, String url, String touched) {
		String boundary = "fuzz" + Long.toHexString(random.nextLong());
		String kindField = switch (kind) {
			case LONG_STRING -> "K".repeat(5000);
			case UNICODE_STRING -> ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
			default -> "BEFORE";
		};
		byte[] file = switch (random.nextInt(3)) {
			case 0 -> new byte[0];
			case 1 -> "not an image".getBytes(StandardCharsets.UTF_8);
			default -> new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, (byte) 0xFF, (byte) 0xD9 };
		};
		String fileType = List.of("image/jpeg", "text/plain", "application/octet-stream").get(random.nextInt(3));
		StringBuilder head = new StringBuilder();
		head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n").append(kindField).append("\r\n");
		boolean withFile = kind != Kind.EMPTY_BODY && random.nextInt(4) > 0;
		if (withFile) {
			head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.jpg\"\r\nContent-Type: ")
				.append(fileType).append("\r\n\r\n");
		}
		byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] end = ((withFile ? "\r\n" : "") + "--" + boundary + (kind == Kind.MALFORMED_JSON ? "" : "--\r\n")).getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[start.length + (withFile ? file.length : 0) + end.length];
		System.arraycopy(start, 0, all, 0, start.length);
		if (withFile) {
			System.arraycopy(file, 0, all, start.length, file.length);
		}
		System.arraycopy(end, 0, all, all.length - end.length, end.length);
		String type = kind == Kind.WRONG_CONTENT_TYPE ? "multipart/form-data" : "multipart/form-data; boundary=" + boundary;
		return new FuzzRequest(op, kind, op.method(), url, type, all, touched == null ? "file" : touched);
	}

	private FuzzRequest csv(Operation op, Kind kind, String url, String touched) {
		String text = switch (kind) {
			case MALFORMED_JSON -> "name,phone\n\"unclosed,13800000000\n";
			case EMPTY_BODY -> "";
			case LONG_STRING -> "name,phone\n" + "长".repeat(70_000) + ",13800000000\n";
			case UNICODE_STRING -> "\uFEFFname,phone\n" + ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())) + ",😀\n";
			case WRONG_CONTENT_TYPE -> "{\"name\":\"x\"}";
			default -> "name,phone,skills\n师傅,138" + String.format("%08d", random.nextInt(100_000_000)) + ",DOOR\n,,\n";
		};
		String type = kind == Kind.WRONG_CONTENT_TYPE ? "application/json" : "text/csv";
		return new FuzzRequest(op, kind, op.method(), url, type, text.getBytes(StandardCharsets.UTF_8), touched);
	}

	// ----- helpers -----

	private static String write(JsonNode value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] latin1OrUtf8(String text) {
		// The byte-order marks stay raw bytes (invalid as UTF-8 JSON); the rest is UTF-8.
		if (text.startsWith("\u00ff\u00fe")) {
			byte[] rest = text.substring(2).getBytes(StandardCharsets.UTF_8);
			byte[] all = new byte[rest.length + 2];
			all[0] = (byte) 0xFF;
			all[1] = (byte) 0xFE;
			System.arraycopy(rest, 0, all, 2, rest.length);
			return all;
		}
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
