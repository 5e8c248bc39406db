package dev.shifu.platform.booking;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.OrderFixture;
import dev.shifu.platform.workflow.OrderProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer's day-only booking is retired: it booked a bare day with no capacity check. It answers 410
 * {@code use-windows}, points to the windows, and changes nothing: not the status, not the booked day, and no message
 * reaches the process.
 */
class DayBookingRefusedTests extends OrderFixture {

	@Autowired
	private OrderProcess process;

	@Test
	void aDayBookingOnAnOrderWaitingForItsBookingIsGoneAndChangesNothing() {
		long order = postOrder("ARRIVED", "INSTALLATION", "GOLD", "330106", 30.2765, 120.1229);
		String token = consumerToken(order);

		Api.Reply refused = consumer().post("/api/v1/consumer/" + token + "/booking",
				Map.of("date", TODAY.plusDays(3).toString()));
		driver.drain(order);

		assertUseWindows(refused);
		assertThat(status(order)).isEqualTo("AWAITING_BOOKING");
		assertThat(process.awaitsBooking(order)).as("no booking message reached the process").isTrue();
		assertThat(process.bookedDay(order)).isEmpty();
		JsonNode seen = consumer().get("/api/v1/consumer/" + token).json();
		assertThat(seen.get("status").asText()).isEqualTo("AWAITING_BOOKING");
		assertThat(seen.hasNonNull("bookedDate")).isFalse();
		assertThat(consumer().get("/api/v1/consumer/" + token + "/appointment").status()).isEqualTo(404);
		assertThat(templates(order)).doesNotContain("BOOKING_CONFIRMED");
	}

	@Test
	void aDayBookingCannotMoveABookedVisitEither() {
		long order = postOrder("ARRIVED", "INSTALLATION", "GOLD", "330106", 30.2765, 120.1229);
		book(order, TODAY.plusDays(2));
		String before = status(order);
		List<String> messagesBefore = templates(order);
		String token = consumerToken(order);

		Api.Reply refused = consumer().post("/api/v1/consumer/" + token + "/booking",
				Map.of("date", TODAY.plusDays(5).toString()));
		driver.drain(order);

		assertUseWindows(refused);
		assertThat(status(order)).isEqualTo(before);
		assertThat(process.bookedDay(order)).contains(TODAY.plusDays(2));
		assertThat(consumer().get("/api/v1/consumer/" + token).json().get("bookedDate").asText())
			.isEqualTo(TODAY.plusDays(2).toString());
		assertThat(templates(order)).as("no new message").isEqualTo(messagesBefore);
	}

	@Test
	void anUnknownLinkIsStillNotFound() {
		Api.Reply unknown = consumer().post("/api/v1/consumer/not-a-real-token-at-all-000000/booking",
				Map.of("date", TODAY.plusDays(3).toString()));

		assertThat(unknown.status()).isEqualTo(404);
	}

	private static void assertUseWindows(Api.Reply refused) {
		assertThat(refused.status()).as(refused.body()).isEqualTo(410);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		JsonNode problem = refused.json();
		assertThat(problem.get("type").asText()).endsWith("/use-windows");
		assertThat(problem.get("code").asText()).isEqualTo("use-windows");
		// Both languages, naming the two calls that book a window instead.
		assertThat(problem.get("detail").asText()).contains("GET /api/v1/consumer/{token}/windows")
			.contains("POST /api/v1/consumer/{token}/appointment")
			.contains("choose")
			.containsPattern("\\p{IsHan}");
	}

	private List<String> templates(long order) {
		List<String> templates = new java.util.ArrayList<>();
		admin.get("/api/v1/notifications?orderId=" + order).json().forEach(n -> templates.add(n.get("template").asText()));
		return templates;
	}

}
