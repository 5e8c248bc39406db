package dev.shifu.platform.task.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

import dev.shifu.platform.shared.FieldError;

/** One {@code camunda:formField} of a user task as the model declares it: its type, allowed values, required. */
record FormFieldRule(String id, String type, List<String> values, boolean required) {

	/** The form fields of a user task element; none when it has no generated form. */
	static List<FormFieldRule> of(Element userTask) {
		List<FormFieldRule> rules = new ArrayList<>();
		Element extensions = userTask.element("extensionElements");
		Element formData = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formData");
		if (formData == null) {
			return rules;
		}
		for (Element field : formData.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formField")) {
			List<String> values = field.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "value")
				.stream()
				.map(v -> v.attribute("id"))
				.toList();
			boolean required = false;
			Element validation = field.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "validation");
			if (validation != null) {
				required = validation.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "constraint")
					.stream()
					.anyMatch(c -> "required".equals(c.attribute("name")));
			}
			rules.add(new FormFieldRule(field.attribute("id"), field.attribute("type", "string"), values, required));
		}
		return rules;
	}

	/** What is wrong with {@code value} for this field, if anything. */
	Optional<FieldError> check(Object value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return required ? Optional.of(new FieldError(id, "is required")) : Optional.empty();
		}
		return switch (type) {
			case "enum" -> values.contains(value.toString()) ? Optional.empty()
					: Optional.of(new FieldError(id, "must be one of " + values + ", was " + abbreviate(value)));
			case "boolean" -> value instanceof Boolean ? Optional.empty()
					: Optional.of(new FieldError(id, "must be true or false"));
			case "long" -> value instanceof Long || value instanceof Integer || value instanceof Short ? Optional.empty()
					: Optional.of(new FieldError(id, "must be a whole number"));
			// Callers of the Java API may pass an id as a number; what counts is that it is short text.
			case "string" -> value.toString().length() <= 4000 ? Optional.empty()
					: Optional.of(new FieldError(id, "must be at most 4000 characters"));
			default -> Optional.empty();
		};
	}

	private static String abbreviate(Object value) {
		String text = value.toString();
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

}
