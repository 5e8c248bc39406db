/**
 * Brand webhooks: each brand registers one HTTPS endpoint and receives every order status change (and other brand
 * events such as damaged goods) as a signed JSON POST. Deliveries are an outbox in our database: written in the
 * transaction that caused them, sent by a scheduled dispatcher, retried with exponential backoff for up to a day,
 * and kept as a delivery log the brand can read and replay. Other contexts send extra events through
 * {@link dev.shifu.platform.webhook.BrandWebhooks}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Brand webhooks")
package dev.shifu.platform.webhook;
