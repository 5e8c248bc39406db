package dev.shifu.platform.notification.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Stands in for an SMS gateway: no gateway is reachable from our machines, so messages are logged, as staff see
 * them (the consumer's link and codes masked). The consumer's link is in the brand's order view.
 */
@Component
class LoggingSmsChannel implements SmsChannel {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsChannel.class);

	@Override
	public void send(Sms sms) {
		log.info("SMS to {}: {}", dev.shifu.platform.shared.PhoneNumbers.mask(sms.recipient()), sms.shown().replace('\n', ' '));
	}

}
