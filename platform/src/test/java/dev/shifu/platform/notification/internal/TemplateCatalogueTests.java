package dev.shifu.platform.notification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.notification.Notifications.Template;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every template of the catalogue ({@link Template}) is written in both bundles, zh-CN and en, with the same
 * placeholders, and the running app's renderer fills each of them in both languages: no key text, no {@code {name}}
 * or {@code ${…}} left, each language wholly itself, the link and codes masked in the copy staff see. A new
 * template without its translation (or without its parameters in {@code Texts}) fails here.
 */
class TemplateCatalogueTests extends PlatformIntegrationTest {

	private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	private static final String LINK = "http://localhost:8080/c/AbCdEfGhIjKlMnOpQrSt1234";

	/** A valid value of each parameter any template takes, as callers pass it. */
	private static final Map<String, String> SAMPLE = Map.of("order", "ORD-2026-77", "service", "INSTALLATION", "link",
			LINK, "date", "2026-12-05", "window", "09:00-12:00", "eta", "10:15-10:45", "cancelledBy", "CONSUMER", "region",
			"330106", "expires", "12-05 18:00", "code", "123456");

	/** Parameters whose value goes into the text as given (the others are named in the text's language). */
	private static final Set<String> VERBATIM = Set.of("order", "link", "date", "window", "eta", "expires", "code");

	@Autowired
	private Texts texts;

	@Test
	void everyTemplateIsWrittenInBothLanguagesWithTheSamePlaceholders() throws IOException {
		Properties en = bundle("notification/texts.properties");
		Properties zh = bundle("notification/texts_zh_CN.properties");
		for (Template template : Template.values()) {
			String key = "template." + template.name();
			assertThat(en.getProperty(key)).as(key + " in English").isNotBlank();
			assertThat(zh.getProperty(key)).as(key + " in Chinese (not the English fallback)").isNotBlank();
			assertThat(placeholders(zh.getProperty(key))).as(key + ": the same placeholders in both")
				.isEqualTo(placeholders(en.getProperty(key)));
			assertThat(zh.getProperty(key)).containsPattern(CJK).isNotEqualTo(en.getProperty(key));
			assertThat(en.getProperty(key)).doesNotContainPattern(CJK);
		}
		assertThat(zh.stringPropertyNames()).as("every text has its translation").isEqualTo(en.stringPropertyNames());
	}

	@Test
	void everyTemplateRendersInZhAndEnWithEveryPlaceholderFilledAndSecretsMaskedForStaff() throws IOException {
		Properties en = bundle("notification/texts.properties");
		for (Template template : Template.values()) {
			Set<String> names = placeholders(en.getProperty("template." + template.name()));

			Texts.Rendered rendered = texts.render(template, new LinkedHashMap<>(SAMPLE));

			String zh = rendered.sent().zh();
			String english = rendered.sent().en();
			for (String text : new String[] { zh, english, rendered.shown().zh(), rendered.shown().en() }) {
				assertThat(text).as(template + ": " + text).doesNotContain("{").doesNotContain("}").doesNotContain("${")
					.doesNotContain("template.").doesNotContain("service.").doesNotContain("cancelledBy.").isNotBlank();
			}
			assertThat(zh).as(template + " in Chinese").startsWith("【师傅】").containsPattern(CJK);
			assertThat(english).as(template + " in English").startsWith("[Shifu]").doesNotContainPattern(CJK);
			for (String name : names) {
				if (VERBATIM.contains(name)) {
					assertThat(zh).as(template + " fills {" + name + "} in Chinese").contains(SAMPLE.get(name));
					assertThat(english).as(template + " fills {" + name + "} in English").contains(SAMPLE.get(name));
				}
			}
			if (names.contains("service")) {
				assertThat(zh).contains("安装");
				assertThat(english).contains("installation");
			}
			if (names.contains("region")) {
				assertThat(zh).contains("西湖");
				assertThat(english).contains("Xihu");
			}
			if (names.contains("cancelledBy")) {
				assertThat(zh).contains("应消费者要求");
				assertThat(english).contains("at the customer's request");
			}
			// What staff views and logs show: neither the link's token nor a code.
			assertThat(rendered.shown().zh() + rendered.shown().en()).as(template + " as staff see it")
				.doesNotContain("AbCdEfGhIjKlMnOpQrSt1234").doesNotContain("123456");
			if (names.contains("link")) {
				assertThat(rendered.shown().en()).contains("/c/******");
			}
		}
	}

	private static Set<String> placeholders(String pattern) {
		Set<String> names = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(pattern);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	private static Properties bundle(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = TemplateCatalogueTests.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
