package dev.shifu.platform.shared;

import java.lang.reflect.Type;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads our API's JSON request bodies strictly, so a client learns of its mistake instead of seeing it silently
 * "fixed": an unknown field (a typo) is an error, {@code 1.5} is not an integer, a number or boolean is not a string,
 * a number is not an enum constant, and a list
 * holds no null elements. The rules apply to request bodies of our own
 * controllers only; Spring Boot Admin, Camunda, the event registry and the JSON we write keep the shared mapper.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson implements WebMvcConfigurer {

	private static final String OUR_PACKAGE = "dev.shifu.platform.";

	private final ObjectMapper mapper;

	StrictJson(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		converters.add(0, new StrictReader(strict(mapper)));
	}

	static ObjectMapper strict(ObjectMapper shared) {
		ObjectMapper strict = shared.copy()
			// Not FAIL_ON_NULL_FOR_PRIMITIVES: it also refuses an omitted optional flag (it defaults to false).
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
					DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
		strict.coercionConfigFor(LogicalType.Textual)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
		for (LogicalType number : List.of(LogicalType.Integer, LogicalType.Float)) {
			strict.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
		}
		// A null inside a list or map ([null]) is refused where it is read, so no controller meets a null element.
		strict.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
		strict.coercionConfigFor(LogicalType.Boolean)
			.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
		return strict;
	}

	/** Reads only, and only bodies bound by our controllers; writing stays with the default converter. */
	private static final class StrictReader extends MappingJackson2HttpMessageConverter {

		StrictReader(ObjectMapper strict) {
			super(strict);
		}

		@Override
		public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
			return contextClass != null && contextClass.getName().startsWith(OUR_PACKAGE)
					&& super.canRead(type, contextClass, mediaType);
		}

		@Override
		public boolean canRead(Class<?> clazz, MediaType mediaType) {
			return false;
		}

		@Override
		public boolean canWrite(Class<?> clazz, MediaType mediaType) {
			return false;
		}

		@Override
		public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
			return false;
		}

	}

}
