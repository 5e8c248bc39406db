package dev.shifu.platform.notification.internal;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.OrderFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders whose consumer gave an email address, and a real SMTP listener the app's Spring Mail is pointed at. Each
 * subclass is a context of its own (its mail settings), closed after the class.
 */
abstract class EmailFixture extends OrderFixture {

	@Autowired
	NotificationSender sender;

	/** A door order of the brand with the consumer's email and language, waiting for its booking. */
	long order(String locale, String email) {
		Api.Reply reply = brandApi.post("/api/v1/orders", Map.of("externalOrderId", unique("MAIL"), "consumer",
				Map.of("name", "Li Na", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号", "regionCode", "330106",
						"location", Map.of("lat", 30.2765, "lng", 120.1229), "locale", locale, "email", email),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "goods", Map.of("status", "ARRIVED")));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		long id = reply.json().get("id").asLong();
		driver.instanceOf(id);
		driver.drainUntil(id, () -> status(id).equals("AWAITING_BOOKING"), "booking link sent");
		return id;
	}

	String externalId(long order) {
		return brandApi.get("/api/v1/orders/" + order).json().get("externalOrderId").asText();
	}

	/** The outbox rows of the order as staff see them (masked). */
	JsonNode notifications(long order) {
		return admin.get("/api/v1/notifications?orderId=" + order).json();
	}

	JsonNode row(long order, String template, String channel) {
		for (JsonNode n : notifications(order)) {
			if (n.get("template").asText().equals(template) && n.get("channel").asText().equals(channel)) {
				return n;
			}
		}
		return null;
	}

	/** Runs the outbox's sender (the scheduled one runs too) until {@code done}, bounded. */
	void sendUntil(BooleanSupplier done, String what) {
		for (int i = 0; i < 150; i++) {
			sender.sendPending();
			if (done.getAsBoolean()) {
				return;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("never happened: " + what);
	}

}
