package dev.shifu.platform.notification.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The phones' end of the SMS channel in tests: whatever gateway the app has (the one that logs, masked) still sends,
 * and the inbox keeps what each recipient received, as their phone shows it. The outbox forgets a one-time code once
 * sent, so a test reads the code here, as the installer does. Import {@link Config}.
 */
public class SmsInbox {

	/** {@code recipient} as the outbox addresses it (E.164, e.g. {@code +8613...}). */
	public record Message(String recipient, String text) {
	}

	private final List<Message> received = new CopyOnWriteArrayList<>();

	/** What the recipient received so far, oldest first. */
	public List<String> textsTo(String recipient) {
		return received.stream().filter(m -> m.recipient().equals(recipient)).map(Message::text).toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		SmsInbox smsInbox() {
			return new SmsInbox();
		}

		/** Taps the app's gateway: it sends as before, then the inbox records the message. */
		@Bean
		static BeanPostProcessor smsInboxTap(ObjectProvider<SmsInbox> inbox) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof SmsGateway gateway) {
						return (SmsGateway) (recipient, text, shown) -> {
							gateway.send(recipient, text, shown);
							inbox.getObject().received.add(new Message(recipient, text));
						};
					}
					return bean;
				}
			};
		}

	}

}
