package dev.shifu.platform.order;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The consumer's link as other contexts need it: its token's life, the order's steps, the consumer's language. */
public interface ConsumerLinks {

	/** The languages consumer-facing text is written in. */
	List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	/** One step the order took, and when. */
	record Step(OrderStatus status, Instant at) {
	}

	/** The order's status history, oldest first (repeated statuses once, at their first time). */
	List<Step> steps(long orderId);

	/** When the order reached CLOSED or CANCELLED; empty while it is open. */
	Optional<Instant> finishedAt(long orderId);

	/**
	 * A new token for the order's link: the old one stops working at once.
	 *
	 * @return the new token; give it only to the consumer (and the owning brand)
	 */
	String reissueToken(long orderId);

	/** The order's language: the brand's choice at intake, else what the consumer's browser asked for, else empty. */
	Optional<Locale> locale(long orderId);

	/** Remembers the consumer's browser language (Accept-Language) for an order whose brand named none. */
	void rememberConsumerLocale(long orderId, Locale locale);

	/** A supported locale for a tag such as {@code en-US} or {@code zh-CN}; empty for anything else. */
	static Optional<Locale> supported(String tag) {
		if (tag == null || tag.isBlank()) {
			return Optional.empty();
		}
		String language = Locale.forLanguageTag(tag.trim()).getLanguage();
		return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
	}

}
