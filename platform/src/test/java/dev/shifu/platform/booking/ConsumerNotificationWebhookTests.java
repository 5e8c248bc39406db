package dev.shifu.platform.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.TestPhones;
import dev.shifu.platform.webhook.internal.TestReceiver;
import dev.shifu.platform.webhook.internal.WebhookTestAccess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The brand webhook channel of consumer notifications: a consumer's window booking reaches the brand's webhook as one
 * signed {@code consumer.notification} (template BOOKING_CONFIRMED, the order's language), the outbox records it on
 * the WEBHOOK channel as SENT, and the same booking event delivered again (as the event registry republishes an
 * unfinished one) sends nothing more. In the test city 997400 (V307), planned by no other test.
 */
class ConsumerNotificationWebhookTests extends WindowFixture {

	private static final String DISTRICT = "997401";

	private static final double LAT = 31.60;

	private static final double LNG = 121.60;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aWindowBookingReachesTheBrandWebhookOnceSignedAndARedeliveredBookingEventSendsNoSecondMessage() {
		try (TestReceiver receiver = TestReceiver.start()) {
			setUpBrand();
			Api brandApi = asBrand(brand);
			Api.Reply hook = brandApi.put("/api/v1/brand/webhook", Map.of("url", receiver.url()));
			assertThat(hook.status()).as(hook.body()).isIn(200, 201);
			String secret = hook.json().get("secret").asText();
			long dealer = dealer(DISTRICT);
			installer(dealer, EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", LAT + 0.01, LNG + 0.01);
			long order = order(DISTRICT, "GOLD", LAT, LNG, TestPhones.next("138"));
			String token = awaitingBooking(order);

			JsonNode window = eventually(() -> {
				JsonNode windows = anonymous().get("/api/v1/consumer/" + token + "/windows").json().get("windows");
				return windows != null && windows.size() > 0 ? windows.get(0) : null;
			}, "a window on offer");
			LocalDate day = LocalDate.parse(window.get("date").asText());
			Api.Reply booked = anonymous().post("/api/v1/consumer/" + token + "/appointment",
					Map.of("date", day.toString(), "window", window.get("window").asText()));
			assertThat(booked.status()).as(booked.body()).isEqualTo(200);

			// One signed consumer.notification of the booking, in the order's language, naming the day.
			TestReceiver.Received delivery = eventually(() -> {
				WebhookTestAccess.dispatchAllDue(context);
				return confirmations(receiver, order).stream().findFirst().orElse(null);
			}, "a consumer.notification of the booking at the brand's receiver");
			assertThat(delivery.signedWith(secret)).as("signed like every webhook event").isTrue();
			assertThat(delivery.signedWith(secret + "x")).isFalse();
			JsonNode json = delivery.json();
			assertThat(json.get("type").asText()).isEqualTo("consumer.notification");
			assertThat(json.get("eventId").asText()).isEqualTo(delivery.eventId());
			JsonNode data = json.get("data");
			assertThat(data.get("locale").asText()).isEqualTo("zh-CN");
			assertThat(data.get("text").asText()).contains(day.toString());

			// The outbox row of the WEBHOOK channel is SENT (the webhook outbox signs, retries and logs it from here).
			JsonNode row = eventually(() -> webhookRow(order), "the WEBHOOK row of BOOKING_CONFIRMED");
			assertThat(row.get("status").asText()).isEqualTo("SENT");
			assertThat(row.get("recipient").asText()).isEqualTo("brand:" + brand.brandId());

			// The same booking event again, as a republished publication would come: the listener runs, nothing is sent.
			// (The registry marks the first publication complete just after the listener's commit.)
			int handledBefore = eventually(() -> handledBookings(order) > 0 ? handledBookings(order) : null,
					"the booking event handled");
			new TransactionTemplate(transactions)
				.executeWithoutResult(status -> events.publishEvent(new BookingEvents.VisitBooked(order, day)));
			eventually(() -> handledBookings(order) == handledBefore + 1 ? true : null, "the redelivered event handled");
			WebhookTestAccess.dispatchAllDue(context);
			assertThat(confirmations(receiver, order).stream().map(TestReceiver.Received::eventId).distinct())
				.as("one message for one booking, however often its event comes").hasSize(1);
			assertThat(admin.get("/api/v1/notifications?orderId=" + order).json().findValues("template").stream()
				.filter(t -> t.asText().equals("BOOKING_CONFIRMED")).count())
				.as("one BOOKING_CONFIRMED per channel (SMS, WEBHOOK)").isEqualTo(2);
		}
	}

	/**
	 * Two quick moves: whenever the first move's event is handled (here: once more, after the second move, as a
	 * late or republished delivery comes), the consumer is never told the earlier window; the last confirmation names
	 * the newest one.
	 */
	@Test
	void afterTwoQuickMovesTheConfirmationNamesTheNewestWindowNotTheEarlierOne() {
		setUpBrand();
		long dealer = dealer(DISTRICT);
		installer(dealer, EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", LAT + 0.02, LNG + 0.02);
		long order = order(DISTRICT, "GOLD", LAT + 0.021, LNG + 0.021, TestPhones.next("138"));
		String token = awaitingBooking(order);
		// Three days ahead and later: far enough ahead that each move applies at once (no approval).
		LocalDate booked = TODAY.plusDays(3);
		LocalDate earlier = TODAY.plusDays(4);
		LocalDate newest = TODAY.plusDays(5);
		eventually(() -> {
			JsonNode windows = anonymous().get("/api/v1/consumer/" + token + "/windows").json().get("windows");
			return windows != null && offers(windows, booked, "MORNING") && offers(windows, newest, "MORNING") ? true : null;
		}, "windows on the three days");
		Api consumer = anonymous();
		assertThat(consumer.post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", booked.toString(), "window", "MORNING")).status()).isEqualTo(200);
		eventually(() -> handledBookings(order) == 1 ? true : null, "the booking's event handled");
		// Another day is a move of a scheduled visit: the dealer accepts the offer first.
		driver.drainUntil(order, () -> openOffer(order) != -1, "an offer");
		Api provider = asNewUser(dev.shifu.platform.identity.Role.PROVIDER_ADMIN, dealer);
		assertThat(provider.post("/api/v1/offers/" + openOffer(order) + "/accept", null).status()).isEqualTo(200);
		driver.drainUntil(order,
				() -> "SCHEDULED".equals(asBrand(brand).get("/api/v1/orders/" + order).json().get("status").asText()),
				"scheduled");

		Api.Reply first = consumer.post("/api/v1/consumer/" + token + "/appointment/reschedule",
				Map.of("date", earlier.toString(), "window", "AFTERNOON", "reason", "NOT_HOME"));
		// The process takes the move in and waits for the next change (its jobs run here by hand).
		driver.drain(order);
		Api.Reply second = consumer.post("/api/v1/consumer/" + token + "/appointment/reschedule",
				Map.of("date", newest.toString(), "window", "MORNING", "reason", "CHANGED_MIND"));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		eventually(() -> handledBookings(order) == 3 ? true : null, "both moves' events handled");
		long namingEarlier = smsConfirmations(order).stream().filter(t -> t.contains(earlier.toString())).count();

		// The first move's event once more, now that the second move stands.
		new TransactionTemplate(transactions)
			.executeWithoutResult(status -> events.publishEvent(new BookingEvents.VisitBooked(order, earlier)));
		eventually(() -> handledBookings(order) == 4 ? true : null, "the earlier move's event handled again");

		List<String> texts = smsConfirmations(order);
		assertThat(texts.stream().filter(t -> t.contains(earlier.toString())).count())
			.as("no message names the earlier window once the newer one stands: " + texts).isEqualTo(namingEarlier);
		assertThat(texts.stream().filter(t -> t.contains(earlier.toString())))
			.as("a message of the earlier move, if any, was sent while it stood and names its window")
			.allMatch(t -> t.contains("13:00-17:00"));
		assertThat(texts.get(texts.size() - 1)).as("the last confirmation: " + texts)
			.contains(newest.toString())
			.contains("09:00-12:00");
		assertThat(consumer.get("/api/v1/consumer/" + token + "/appointment").json().get("date").asText())
			.isEqualTo(newest.toString());
	}

	private long openOffer(long order) {
		for (JsonNode offer : admin.get("/api/v1/offers?orderId=" + order).json()) {
			if (offer.get("status").asText().equals("OFFERED")) {
				return offer.get("id").asLong();
			}
		}
		return -1;
	}

	/** The SMS texts of the order's booking confirmations, oldest first. */
	private List<String> smsConfirmations(long order) {
		List<String> texts = new java.util.ArrayList<>();
		for (JsonNode n : admin.get("/api/v1/notifications?orderId=" + order).json()) {
			if (n.get("template").asText().equals("BOOKING_CONFIRMED") && n.get("channel").asText().equals("SMS")) {
				texts.add(n.get("text").asText());
			}
		}
		return texts;
	}

	private static List<TestReceiver.Received> confirmations(TestReceiver receiver, long order) {
		return receiver.received().stream()
			.filter(r -> "consumer.notification".equals(r.eventType()))
			.filter(r -> r.json().path("orderId").asLong() == order)
			.filter(r -> "BOOKING_CONFIRMED".equals(r.json().path("data").path("template").asText()))
			.toList();
	}

	private JsonNode webhookRow(long order) {
		JsonNode found = null;
		for (JsonNode n : admin.get("/api/v1/notifications?orderId=" + order).json()) {
			if (n.get("template").asText().equals("BOOKING_CONFIRMED") && n.get("channel").asText().equals("WEBHOOK")) {
				assertThat(found).as("one WEBHOOK row").isNull();
				found = n;
			}
		}
		return found;
	}

	/** Completed publications of this order's booking event to the consumer messages listener. */
	private int handledBookings(long order) {
		Integer count = jdbc.queryForObject("select count(*) from event_publication where listener_id like ?"
				+ " and event_type like ? and serialized_event like ? and completion_date is not null", Integer.class,
				"%ConsumerMessages%", "%VisitBooked", "%\"orderId\":" + order + ",%");
		return count == null ? 0 : count;
	}

	/** Polls at most about once a second: the link allows 100 requests a minute in tests. */
	private static <T> T eventually(Supplier<T> probe, String what) {
		for (int i = 0; i < 120; i++) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			sleep(1000);
		}
		throw new AssertionError("never: " + what);
	}

}
