package dev.shifu.platform.notification.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.shared.PhoneNumbers;

/** The senders per channel: SMS through a gateway (by default one that only logs, masked), and email when on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class Channels {

	private static final Logger log = LoggerFactory.getLogger(Channels.class);

	/** No gateway is reachable from our machines: messages are logged as staff see them (links and codes masked). */
	@Bean
	@ConditionalOnMissingBean
	SmsGateway loggingSmsGateway() {
		return (recipient, text, shown) -> log.info("SMS to {}: {}", PhoneNumbers.mask(recipient), shown.replace('\n', ' '));
	}

	@Bean
	ChannelSender smsSender(SmsGateway gateway) {
		return new ChannelSender() {
			@Override
			public Notification.Channel channel() {
				return Notification.Channel.SMS;
			}

			@Override
			public void send(Outgoing message) {
				gateway.send(message.recipient(), message.text(), message.shown());
			}
		};
	}

	/**
	 * Spring Mail; needs {@code spring.mail.host}. Off unless {@code shifu.notifications.email.enabled}. Plain text in
	 * the message's one language (UTF-8), the subject naming the order as the text does; the log gets only the masked
	 * address and text, as the log SMS gateway does.
	 */
	@Bean
	@ConditionalOnProperty(name = "shifu.notifications.email.enabled", havingValue = "true")
	ChannelSender emailSender(ObjectProvider<JavaMailSender> mail, Texts texts, NotificationProperties properties,
			OrderLifecycle orders) {
		return new ChannelSender() {
			@Override
			public Notification.Channel channel() {
				return Notification.Channel.EMAIL;
			}

			@Override
			public void send(Outgoing message) {
				JavaMailSender sender = mail.getIfAvailable();
				if (sender == null) {
					throw new IllegalStateException("email is on but spring.mail.host is not set");
				}
				String number = message.orderId() == null ? ""
						: orders.find(message.orderId()).map(OrderSnapshot::externalOrderId).orElse("");
				SimpleMailMessage mailMessage = new SimpleMailMessage();
				mailMessage.setFrom(properties.email().from());
				mailMessage.setTo(message.recipient());
				mailMessage.setSubject(texts.subject(number, message.locale()));
				mailMessage.setText(message.text());
				sender.send(mailMessage);
				log.info("Email to {}: {}", NotificationSender.maskEmail(message.recipient()),
						message.shown().replace('\n', ' '));
			}
		};
	}

}
