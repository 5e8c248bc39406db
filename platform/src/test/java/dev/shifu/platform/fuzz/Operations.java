package dev.shifu.platform.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The operations of an OpenAPI 3 document, each with its parameters and request body schema, refs resolved lazily. */
public record Operations(JsonNode document, List<Operation> all) {

	public record Param(String name, String in, boolean required, JsonNode schema) {
	}

	/** The request body: its media type and schema (null for none). */
	public record Body(String mediaType, JsonNode schema, boolean required) {
	}

	public record Operation(String method, String path, List<Param> params, Body body, boolean stream) {

		public boolean writes() {
			return !method.equals("GET");
		}

		@Override
		public String toString() {
			return method + " " + path;
		}

	}

	public static Operations of(JsonNode document) {
		List<Operation> all = new ArrayList<>();
		Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
		while (paths.hasNext()) {
			Map.Entry<String, JsonNode> path = paths.next();
			Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
			while (methods.hasNext()) {
				Map.Entry<String, JsonNode> method = methods.next();
				JsonNode op = method.getValue();
				List<Param> params = new ArrayList<>();
				for (JsonNode p : op.path("parameters")) {
					params.add(new Param(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean(false),
							p.path("schema")));
				}
				Body body = null;
				JsonNode content = op.path("requestBody").path("content");
				Iterator<String> types = content.fieldNames();
				if (types.hasNext()) {
					String type = types.next();
					body = new Body(type, content.path(type).path("schema"), op.path("requestBody").path("required").asBoolean(false));
				}
				boolean stream = op.path("responses").toString().contains("text/event-stream") || path.getKey().endsWith("/stream");
				all.add(new Operation(method.getKey().toUpperCase(), path.getKey(), params, body, stream));
			}
		}
		return new Operations(document, all);
	}

	/** The schema behind a {@code $ref} (and the first branch of an allOf/oneOf/anyOf), else the schema itself. */
	JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		for (int depth = 0; depth < 10 && current != null; depth++) {
			if (current.has("$ref")) {
				String ref = current.get("$ref").asText();
				current = document.at(ref.substring(1));
			}
			else if (current.has("allOf")) {
				current = current.get("allOf").get(0);
			}
			else if (current.has("oneOf")) {
				current = current.get("oneOf").get(0);
			}
			else if (current.has("anyOf")) {
				current = current.get("anyOf").get(0);
			}
			else {
				return current;
			}
		}
		return current;
	}

}
