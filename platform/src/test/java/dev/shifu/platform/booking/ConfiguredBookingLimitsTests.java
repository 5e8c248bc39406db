package dev.shifu.platform.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booking's limits are configuration, not constants: here a goods margin of three days (default one) and one
 * reschedule (default two). In the test city 999400 (V315), planned by no other test.
 */
@TestPropertySource(properties = { "shifu.booking.goods-margin-days=3", "shifu.booking.max-reschedules=1" })
class ConfiguredBookingLimitsTests extends WindowFixture {

	private static final String DISTRICT = "999401";

	private static final double LAT = 41.94;

	private static final double LNG = 101.94;

	@Test
	void shippedGoodsOpenNoWindowBeforeTheirExpectedArrivalPlusTheConfiguredMargin() {
		setUpBrand();
		installer(dealer(DISTRICT), EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", LAT, LNG);
		LocalDate arrives = TODAY.plusDays(4);
		long order = asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("MARGIN"), "consumer",
				Map.of("name", "李娜", "phone", TestPhones.next("136"), "address", "某省某市某路 3 号", "regionCode", DISTRICT,
						"location", Map.of("lat", LAT + 0.001, "lng", LNG)),
				"items", List.of(Map.of("sku", "DR-1", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD",
				"goods", Map.of("status", "SHIPPED", "expectedArrival", arrives.toString()))).json().get("id").asLong();
		String token = awaitingBooking(order);

		JsonNode windows = awaitWindows(token, arrives.plusDays(3));

		for (JsonNode w : windows) {
			assertThat(LocalDate.parse(w.get("date").asText())).as(windows.toString()).isAfterOrEqualTo(arrives.plusDays(3));
		}
		Api.Reply early = anonymous().post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", arrives.plusDays(2).toString(), "window", "MORNING"));
		assertThat(early.status()).as("inside the configured margin, past the default one").isEqualTo(400);
		assertThat(early.json().get("field").asText()).isEqualTo("window");
	}

	@Test
	void aConsumerMovesABookedWindowTheConfiguredNumberOfTimesThenIsOfferedACallBack() {
		setUpBrand();
		installer(dealer(DISTRICT), EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", LAT, LNG);
		String token = awaitingBooking(order(DISTRICT, "GOLD", LAT + 0.002, LNG, TestPhones.next("137")));
		LocalDate day = TODAY.plusDays(4);
		awaitWindows(token, day);
		Api consumer = anonymous();
		Api.Reply booked = consumer.post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", day.toString(), "window", "MORNING"));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		assertThat(consumer.get("/api/v1/consumer/" + token + "/appointment").json().get("reschedulesLeft").asInt())
			.isEqualTo(1);

		Api.Reply moved = consumer.post("/api/v1/consumer/" + token + "/appointment/reschedule",
				Map.of("date", day.toString(), "window", "AFTERNOON", "reason", "CHANGED_MIND"));
		Api.Reply second = consumer.post("/api/v1/consumer/" + token + "/appointment/reschedule",
				Map.of("date", day.toString(), "window", "MORNING", "reason", "CHANGED_MIND"));

		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(second.status()).as("one move allowed, not the default two: " + second.body()).isEqualTo(409);
		assertThat(second.json().get("type").asText()).endsWith("reschedule-limit");
		JsonNode appointment = consumer.get("/api/v1/consumer/" + token + "/appointment").json();
		assertThat(appointment.get("window").asText()).isEqualTo("AFTERNOON");
		assertThat(appointment.get("callbackOffered").asBoolean()).isTrue();
	}

	/** The windows once the plan offers one on {@code day} (a new installer reaches the running solver first). */
	private JsonNode awaitWindows(String token, LocalDate day) {
		JsonNode windows = null;
		for (int i = 0; i < 90; i++) {
			windows = anonymous().get("/api/v1/consumer/" + token + "/windows").json().get("windows");
			if (offers(windows, day, "MORNING")) {
				return windows;
			}
			// one read a second: well inside the link's own budget per minute
			sleep(1000);
		}
		throw new AssertionError("no MORNING window on " + day + ": " + windows);
	}

}
