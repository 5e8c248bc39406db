package dev.shifu.platform.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import dev.shifu.platform.order.ConsumerLinks;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.shared.Problems;

/**
 * Every call through a consumer link passes here first, whichever context answers it (booking, windows, rating):
 * a replaced link is refused as replaced, an expired one as expired, and a finished order's link only reads.
 */
@Component
class ConsumerLinkGuard implements HandlerInterceptor {

	private final OrderLifecycle orders;

	private final ConsumerLinks links;

	private final RevokedLinkRepository revoked;

	private final ConsumerLinkProperties properties;

	private final ObjectMapper mapper;

	private final Clock clock;

	ConsumerLinkGuard(OrderLifecycle orders, ConsumerLinks links, RevokedLinkRepository revoked,
			ConsumerLinkProperties properties, ObjectMapper mapper, Optional<Clock> clock) {
		this.orders = orders;
		this.links = links;
		this.revoked = revoked;
		this.properties = properties;
		this.mapper = mapper;
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	/** What a link opens now. */
	enum State {
		OPEN, READ_ONLY, EXPIRED, REVOKED, UNKNOWN
	}

	State state(String token) {
		Optional<OrderSnapshot> order = orders.findByConsumerToken(token);
		if (order.isEmpty()) {
			return token != null && revoked.existsById(RevokedLink.hash(token)) ? State.REVOKED : State.UNKNOWN;
		}
		Optional<Instant> finished = links.finishedAt(order.get().id());
		if (finished.isEmpty()) {
			return State.OPEN;
		}
		return finished.get().plus(properties.expireAfter()).isBefore(clock.instant()) ? State.EXPIRED : State.READ_ONLY;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String token = variables == null ? null : variables.get("token");
		if (token == null) {
			return true;
		}
		State state = state(token);
		ProblemDetail problem = switch (state) {
			case REVOKED -> Problems.of(HttpStatus.GONE, "link-revoked", "Link replaced",
					"This link was replaced by a newer one: please use the link in your latest message. 此链接已更换，请使用最新短信中的链接。");
			case EXPIRED -> Problems.of(HttpStatus.GONE, "link-expired", "Link expired",
					"This order is finished and its link has expired. 订单已结束，链接已过期。");
			case READ_ONLY -> isRead(request) ? null
					: Problems.of(HttpStatus.CONFLICT, "link-read-only", "Order finished",
							"This order is finished: its link shows the outcome and accepts no changes. 订单已结束，链接仅供查看。");
			case OPEN, UNKNOWN -> null;
		};
		if (problem != null) {
			problem.setProperty("field", "token");
			Problems.write(mapper, request, response, problem);
			return false;
		}
		if (state == State.OPEN && "GET".equals(request.getMethod()) && request.getRequestURI().endsWith("/" + token)) {
			try {
				rememberLanguage(token, request);
			}
			catch (RuntimeException ex) {
				// Remembering the language is a courtesy; it never costs the consumer the page.
			}
		}
		return true;
	}

	/** The browser's language is the fallback for messages when the brand named none. */
	private void rememberLanguage(String token, HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return;
		}
		try {
			Locale.LanguageRange.parse(header)
				.stream()
				.map(range -> ConsumerLinks.supported(range.getRange()))
				.flatMap(Optional::stream)
				.findFirst()
				.ifPresent(locale -> orders.findByConsumerToken(token)
					.filter(o -> links.locale(o.id()).isEmpty())
					.ifPresent(o -> links.rememberConsumerLocale(o.id(), locale)));
		}
		catch (IllegalArgumentException ex) {
			// A malformed header is the browser's problem, not a reason to refuse the page.
		}
	}

	private static boolean isRead(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
	}

}
