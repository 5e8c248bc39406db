package dev.shifu.platform.installer.internal;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.shifu.platform.notification.Notifications;

/** Sends a one-time login code; through the notification outbox, which masks the code in staff views and logs. */
interface LoginCodeSender {

	void send(String phone, String code);

}

@Component
class OutboxLoginCodeSender implements LoginCodeSender {

	private final Notifications notifications;

	OutboxLoginCodeSender(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void send(String phone, String code) {
		notifications.sendToPhone(phone, Notifications.Template.INSTALLER_LOGIN_CODE, Map.of("code", code));
	}

}
