package dev.shifu.platform.notification.internal;

/**
 * The SMS gateway (a carrier's API in production). Whatever an implementation logs or reports must use
 * {@code shown}, which has the consumer's link and any code masked.
 */
interface SmsGateway {

	void send(String recipient, String text, String shown);

}
