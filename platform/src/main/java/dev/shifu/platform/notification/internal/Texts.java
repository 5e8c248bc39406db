package dev.shifu.platform.notification.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.notification.Notifications.Template;

/**
 * What consumers and providers read, in zh-CN and en, each wholly in its language (bundles
 * {@code notification/texts*.properties}). A template takes only its own parameters, each bounded and sanitised:
 * no free text reaches a message. Every message is rendered twice: as sent, and as staff views and logs show it,
 * with the consumer's link (whose token opens the order and its completion code) and any code masked.
 */
@Component
class Texts {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	static final Locale EN = Locale.ENGLISH;

	static final String MASK = "******";

	/** A consumer link: the public URL, then /c/ and the token. */
	static final Pattern LINK = Pattern.compile("(https?://[^\\s/]{1,100}(?:/[^\\s/]{1,60}){0,3}/c/)([A-Za-z0-9_-]{16,64})");

	private static final Pattern ORDER_NUMBER_UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

	private static final Pattern EXPIRES = Pattern.compile("\\d{2}-\\d{2} \\d{2}:\\d{2}");

	private static final Pattern CODE = Pattern.compile("\\d{4,8}");

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern TIME_RANGE = Pattern.compile("\\d{2}:\\d{2}(-\\d{2}:\\d{2})?");

	private static final Map<Template, List<String>> PARAMETERS = Map.ofEntries(
			Map.entry(Template.BOOKING_LINK, List.of("order", "service", "link")),
			Map.entry(Template.BOOKING_REMINDER, List.of("order", "link")),
			Map.entry(Template.BOOKING_CONFIRMED, List.of("order", "date", "window", "link")),
			Map.entry(Template.VISIT_REMINDER, List.of("order", "date", "window", "link")),
			Map.entry(Template.INSTALLER_EN_ROUTE, List.of("order", "eta", "link")),
			Map.entry(Template.SERVICE_COMPLETED, List.of("order")),
			Map.entry(Template.RATING_REQUEST, List.of("order", "link")),
			Map.entry(Template.RESCHEDULE_APPROVED, List.of("order", "date", "window", "link")),
			Map.entry(Template.RESCHEDULE_DECLINED, List.of("order", "date", "window", "link")),
			Map.entry(Template.LINK_REISSUED, List.of("order", "link")),
			Map.entry(Template.ORDER_CANCELLED, List.of("order", "cancelledBy")),
			Map.entry(Template.OFFER_RECEIVED, List.of("order", "region", "expires")),
			Map.entry(Template.INSTALLER_LOGIN_CODE, List.of("code")));

	/**
	 * Whether the template carries a one-time code: of no use once sent (or given up on), and a sign-in for whoever
	 * reads the table until it expires, so the row then keeps only the masked text ({@link Notification}).
	 */
	static boolean carriesCode(Template template) {
		return template != null && PARAMETERS.get(template).contains("code");
	}

	record Text(String zh, String en) {
	}

	/** The message as sent, and as anyone but its recipient may see it. */
	record Rendered(Text sent, Text shown) {
	}

	private final ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();

	private final Regions regions;

	Texts(Regions regions) {
		this.regions = regions;
		bundle.setBasename("notification/texts");
		bundle.setDefaultEncoding("UTF-8");
		bundle.setFallbackToSystemLocale(false);
	}

	Rendered render(Template template, Map<String, String> parameters) {
		Map<String, String> sentZh = new LinkedHashMap<>();
		Map<String, String> sentEn = new LinkedHashMap<>();
		Map<String, String> shownZh = new LinkedHashMap<>();
		Map<String, String> shownEn = new LinkedHashMap<>();
		for (String name : PARAMETERS.get(template)) {
			String raw = parameters.get(name);
			String zh = value(name, raw, ZH);
			String en = value(name, raw, EN);
			sentZh.put(name, zh);
			sentEn.put(name, en);
			shownZh.put(name, mask(name, zh));
			shownEn.put(name, mask(name, en));
		}
		String key = "template." + template.name();
		return new Rendered(new Text(fill(text(key, ZH), sentZh), fill(text(key, EN), sentEn)),
				new Text(fill(text(key, ZH), shownZh), fill(text(key, EN), shownEn)));
	}

	/** Masks consumer links in a text rendered before texts were stored masked. */
	static String maskLinks(String text) {
		return text == null ? null : LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
	}

	private String value(String name, String raw, Locale locale) {
		if (raw == null) {
			return "";
		}
		return switch (name) {
			case "order" -> {
				String safe = ORDER_NUMBER_UNSAFE.matcher(raw).replaceAll("-");
				yield safe.length() > 32 ? safe.substring(0, 32) : safe;
			}
			case "service" -> text("service." + serviceType(raw).map(ServiceType::name).orElse("OTHER"), locale);
			case "link" -> LINK.matcher(raw).matches() && raw.length() <= 300 ? raw : "";
			case "cancelledBy" -> text("cancelledBy." + (raw.equals("BRAND") || raw.equals("CONSUMER") ? raw : "OTHER"), locale);
			case "region" -> regions.find(raw).map(r -> locale == ZH ? r.nameZh() : r.nameEn()).orElse("");
			case "expires" -> EXPIRES.matcher(raw).matches() ? raw : "";
			case "code" -> CODE.matcher(raw).matches() ? raw : "";
			case "date" -> DATE.matcher(raw).matches() ? raw : "";
			case "window", "eta" -> TIME_RANGE.matcher(raw).matches() ? raw : "";
			default -> "";
		};
	}

	private static String mask(String name, String value) {
		return switch (name) {
			case "link" -> maskLinks(value);
			case "code" -> value.isEmpty() ? value : MASK;
			default -> value;
		};
	}

	private static Optional<ServiceType> serviceType(String raw) {
		try {
			return Optional.of(ServiceType.valueOf(raw));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** An email subject, wholly in the message's language. */
	String subject(String orderNumber, Locale locale) {
		return fill(text("subject.default", locale), Map.of("order", value("order", orderNumber, locale)));
	}

	private String text(String key, Locale locale) {
		return bundle.getMessage(key, null, locale);
	}

	private static String fill(String pattern, Map<String, String> values) {
		String text = pattern;
		for (var value : values.entrySet()) {
			text = text.replace("{" + value.getKey() + "}", value.getValue());
		}
		// An empty optional value (no window yet) leaves no gap before the punctuation.
		return text.replaceAll(" {2,}", " ").replaceAll(" ([，。,.])", "$1");
	}

}
