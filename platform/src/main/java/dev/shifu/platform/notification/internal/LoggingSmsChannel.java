package dev.shifu.platform.notification.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Stands in for an SMS gateway: no gateway is reachable from our machines, so messages are logged. */
@Component
class LoggingSmsChannel implements SmsChannel {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsChannel.class);

	@Override
	public void send(String recipient, String text) {
		log.info("SMS to {}: {}", dev.shifu.platform.shared.PhoneNumbers.mask(recipient), text.replace('\n', ' '));
	}

}
