package dev.shifu.platform.booking.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.notification.Notifications;
import dev.shifu.platform.order.ConsumerLinks;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.platform.shared.PhoneNumbers;

/** A brand or a dispatcher replaces a consumer's link (forwarded, leaked, a lost phone): the old one stops working. */
@RestController
@Tag(name = "Consumer link", description = "Reissue a consumer's link")
class ConsumerLinkController {

	private final OrderLifecycle orders;

	private final ConsumerLinks links;

	private final RevokedLinkRepository revoked;

	private final Notifications notifications;

	private final String publicUrl;

	ConsumerLinkController(OrderLifecycle orders, ConsumerLinks links, RevokedLinkRepository revoked,
			Notifications notifications, @Value("${shifu.public-url}") String publicUrl) {
		this.orders = orders;
		this.links = links;
		this.revoked = revoked;
		this.notifications = notifications;
		this.publicUrl = publicUrl;
	}

	@PostMapping("/api/v1/consumer-links/{orderId}/reissue")
	@Transactional
	@Operation(summary = "Replace the consumer's link (owning brand, dispatcher, admin); the new one goes to the consumer by message",
			description = "The old link answers 410 link-revoked from now on. The owning brand gets the new link in the answer; "
					+ "staff never see it.")
	Map<String, Object> reissue(@PathVariable long orderId) {
		Actor actor = CurrentActor.get();
		OrderSnapshot order = orders.find(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
		boolean owner = actor.isBrand() && actor.brandId() != null && actor.brandId() == order.brandId();
		if (actor.isBrand() && !owner) {
			throw new NotFoundException("order", orderId);
		}
		if (!owner && !actor.has(Role.ADMIN) && !actor.has(Role.DISPATCHER)) {
			throw new AccessDeniedException("brands and dispatchers only");
		}
		revoked.save(new RevokedLink(order.consumerToken(), orderId, actor.name()));
		String link = publicUrl + "/c/" + links.reissueToken(orderId);
		notifications.send(orderId, order.consumerPhone(), Notifications.Template.LINK_REISSUED,
				Map.of("order", order.externalOrderId(), "link", link));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("orderId", orderId);
		answer.put("sentTo", PhoneNumbers.mask(order.consumerPhone()));
		if (owner) {
			answer.put("consumerLink", link);
		}
		return answer;
	}

}
