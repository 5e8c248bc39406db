package dev.shifu.platform.webhook.internal;

import org.springframework.context.ApplicationContext;

/** Lets tests of other contexts send due deliveries now; the scheduler is off in tests. */
public final class WebhookTestAccess {

	private WebhookTestAccess() {
	}

	public static void dispatchAllDue(ApplicationContext context) {
		WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
		while (dispatcher.dispatchDue() > 0) {
			// keep going until nothing is due
		}
	}

}
