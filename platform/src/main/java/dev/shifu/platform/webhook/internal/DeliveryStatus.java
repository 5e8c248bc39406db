package dev.shifu.platform.webhook.internal;

/** PENDING until a 2xx (DELIVERED) or until an attempt fails after the max age (FAILED). A replay makes it PENDING again. */
enum DeliveryStatus {

	PENDING, DELIVERED, FAILED

}
