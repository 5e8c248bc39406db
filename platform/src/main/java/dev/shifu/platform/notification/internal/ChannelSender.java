package dev.shifu.platform.notification.internal;

import java.util.Locale;

import dev.shifu.platform.notification.Notifications.Template;

/** Delivers one claimed message on its channel; throws when it did not go out (the outbox retries it). */
interface ChannelSender {

	Notification.Channel channel();

	void send(Outgoing message);

	/**
	 * @param text what the recipient gets, in one language
	 * @param shown the same with links and codes masked: the only form a sender may log or report
	 */
	record Outgoing(long id, Long orderId, Template template, String recipient, Locale locale, String text,
			String shown) {
	}

}
