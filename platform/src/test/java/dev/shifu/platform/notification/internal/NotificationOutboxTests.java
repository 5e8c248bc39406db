package dev.shifu.platform.notification.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.notification.Notifications;
import dev.shifu.platform.notification.Notifications.Template;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox itself: deduplicated on queueing, claimed so concurrent senders send once, retried with backoff. */
class NotificationOutboxTests extends PlatformIntegrationTest {

	@Autowired
	private Notifications notifications;

	@Autowired
	private NotificationSender sender;

	@Autowired
	private NotificationRepository repository;

	@Autowired
	private Texts texts;

	@Autowired
	private org.springframework.jdbc.core.JdbcTemplate jdbc;

	private long order() {
		return asBrand(newBrand()).post("/api/v1/orders", Map.of("externalOrderId", unique("OUTBOX"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", "330106", "location", Map.of("lat", 30.27, "lng", 120.12)),
				"items", List.of(Map.of("sku", "D", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "goods", Map.of("status", "ARRIVED"))).json().get("id").asLong();
	}

	@Test
	void theSameEventQueuedTwiceIsOneMessage() {
		long order = order();
		Map<String, String> parameters = Map.of("order", "X-1", "date", "2026-12-03");

		notifications.send(order, "+8613812345678", Template.BOOKING_CONFIRMED, parameters, "booked:" + order);
		notifications.send(order, "+8613812345678", Template.BOOKING_CONFIRMED, parameters, "booked:" + order);

		assertThat(repository.findByOrderIdOrderById(order)).filteredOn(n -> n.getTemplate() == Template.BOOKING_CONFIRMED)
			.filteredOn(n -> n.getChannel() == Notification.Channel.SMS)
			.hasSize(1);
	}

	@Test
	void concurrentSendersSendEachMessageOnce() throws Exception {
		long order = order();
		for (int i = 0; i < 20; i++) {
			notifications.send(order, "+8613900000" + String.format("%03d", i), Template.SERVICE_COMPLETED,
					Map.of("order", "X-" + i));
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			Callable<Integer> run = sender::sendPending;
			List<Future<Integer>> runs = pool.invokeAll(List.of(run, run, run, run));
			for (Future<Integer> f : runs) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		for (int i = 0; i < 5 && repository.findByOrderIdOrderById(order).stream().anyMatch(n -> n.getStatus() != Notification.Status.SENT); i++) {
			sender.sendPending();
		}

		List<Notification> sent = repository.findByOrderIdOrderById(order)
			.stream()
			.filter(n -> n.getTemplate() == Template.SERVICE_COMPLETED)
			.toList();
		assertThat(sent).hasSize(20).allMatch(n -> n.getStatus() == Notification.Status.SENT)
			.as("each sent exactly once, whatever ran alongside (the scheduled sender too)")
			.allMatch(n -> n.getAttempts() == 1);
	}

	@Test
	void aFailedSendWaitsWithBackoffAndRecordsWhy() {
		long order = order();
		// Email is off in tests, so no sender takes this row: it fails like a gateway that refuses.
		Notification mail = repository.save(new Notification(order, "li.na@example.com", Template.SERVICE_COMPLETED,
				Notification.Channel.EMAIL, Texts.EN, null, texts.render(Template.SERVICE_COMPLETED, Map.of("order", "X")),
				Instant.now()));
		Instant before = Instant.now();

		for (int i = 0; i < 5 && repository.findById(mail.getId()).orElseThrow().getAttempts() == 0; i++) {
			sender.sendPending();
		}

		Notification after = repository.findById(mail.getId()).orElseThrow();
		assertThat(after.getStatus()).isEqualTo(Notification.Status.PENDING);
		assertThat(after.getAttempts()).isEqualTo(1);
		assertThat(after.getLastError()).isEqualTo("IllegalStateException");
		assertThat(after.getNextAttemptAt()).isAfter(before.plusSeconds(25));
		sender.sendPending();
		assertThat(repository.findById(mail.getId()).orElseThrow().getAttempts()).as("not before its time").isEqualTo(1);
	}


	/**
	 * A claim or a retry time stamped on a clock that was 100 days ahead (a skewed node, a clock stepped back) holds
	 * the message back no longer; a claim another node holds now still does.
	 */
	@Test
	void aClaimOrRetryStampedOnAClockFarAheadHoldsNoMessageBackWhileALiveClaimStillDoes() {
		long order = order();
		Instant now = Instant.now();
		Notification ahead = repository.save(new Notification(order, "13812345678", Template.SERVICE_COMPLETED,
				Notification.Channel.SMS, Texts.ZH, null, texts.render(Template.SERVICE_COMPLETED, Map.of("order", "X")), now));
		Notification held = repository.save(new Notification(order, "13812345678", Template.SERVICE_COMPLETED,
				Notification.Channel.SMS, Texts.ZH, null, texts.render(Template.SERVICE_COMPLETED, Map.of("order", "Y")), now));
		jdbc.update("update notification set claimed_by = ?, claimed_until = ?, next_attempt_at = ? where id = ?",
				"a node 100 days ahead", java.sql.Timestamp.from(now.plus(java.time.Duration.ofDays(100))),
				java.sql.Timestamp.from(now.plus(java.time.Duration.ofDays(100))), ahead.getId());
		// Within twice the claim timeout (2 min): a claim as long as another node may really hold one.
		jdbc.update("update notification set claimed_by = ?, claimed_until = ? where id = ?", "another node, sending",
				java.sql.Timestamp.from(now.plus(java.time.Duration.ofMinutes(3))), held.getId());

		// Other tests' messages may be queued before these: each run sends a batch, oldest first.
		for (int i = 0; i < 100 && repository.findById(ahead.getId()).orElseThrow().getStatus() == Notification.Status.PENDING; i++) {
			sender.sendPending();
		}

		assertThat(repository.findById(ahead.getId()).orElseThrow().getStatus()).isEqualTo(Notification.Status.SENT);
		assertThat(repository.findById(held.getId()).orElseThrow().getStatus()).as("held by a live claim")
			.isEqualTo(Notification.Status.PENDING);
	}

	/**
	 * Every template of the bundle, queued by the app with every value its parameters can take (each service type,
	 * each canceller), reads wholly in zh-CN and wholly in en. The templates come from the bundle files themselves,
	 * so a new template cannot be left out. zh-CN may carry only the order number and the link in Latin letters.
	 */
	@Test
	void everyTemplateOfTheBundleReadsWhollyInChineseAndWhollyInEnglish() throws java.io.IOException {
		java.util.Set<String> zh = templates("notification/texts_zh_CN.properties");
		java.util.Set<String> en = templates("notification/texts.properties");
		java.util.Set<String> all = java.util.Arrays.stream(Template.values()).map(Enum::name).collect(java.util.stream.Collectors.toSet());
		assertThat(zh).as("templates of the zh-CN bundle").isEqualTo(all);
		assertThat(en).as("templates of the en bundle").isEqualTo(all);
		long order = order();
		String orderNumber = "SF-2026-0042";
		String link = "http://localhost:8080/c/AbCdEfGhIjKlMnOpQrStUv";
		int checked = 0;
		int before = (int) repository.findByOrderIdOrderById(order).stream()
			.filter(n -> n.getChannel() == Notification.Channel.SMS)
			.count();
		for (String name : zh) {
			Template template = Template.valueOf(name);
			for (String service : services()) {
				for (String cancelledBy : List.of("BRAND", "CONSUMER", "SOMEONE")) {
					String key = "languages:" + name + ":" + service + ":" + cancelledBy;
					notifications.send(order, "13812345678", template, Map.of("order", orderNumber, "service", service,
							"link", link, "date", "2026-12-03", "window", "09:00-12:00", "eta", "10:30", "region", "330106",
							"expires", "12-03 18:00", "code", "123456", "cancelledBy", cancelledBy), key);
					List<Notification> sms = repository.findByOrderIdOrderById(order).stream()
						.filter(n -> n.getChannel() == Notification.Channel.SMS)
						.toList();
					assertThat(sms).as("queued " + key).hasSize(checked + 1 + before);
					Notification row = sms.get(sms.size() - 1);
					String chinese = row.getTextZh().replace(link, "").replace(orderNumber, "");
					assertThat(chinese).as(key + " in zh-CN: " + row.getTextZh())
						.containsPattern("\\p{IsHan}")
						.doesNotContainPattern("[A-Za-z]")
						.doesNotContain("{", "}");
					assertThat(row.getTextEn()).as(key + " in en")
						.containsPattern("[A-Za-z]{3,}")
						.doesNotContainPattern("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]")
						.doesNotContain("{", "}");
					checked++;
				}
			}
		}
		assertThat(checked).isEqualTo(Template.values().length * services().size() * 3);
	}

	private static List<String> services() {
		List<String> services = new java.util.ArrayList<>(java.util.Arrays.stream(dev.shifu.platform.catalog.ServiceType.values())
			.map(Enum::name)
			.toList());
		services.add("UNKNOWN");
		return services;
	}

	/** The template names ({@code template.NAME}) of one bundle file, as the app loads it. */
	private static java.util.Set<String> templates(String resource) throws java.io.IOException {
		java.util.Properties bundle = new java.util.Properties();
		try (var in = new java.io.InputStreamReader(new org.springframework.core.io.ClassPathResource(resource).getInputStream(),
				java.nio.charset.StandardCharsets.UTF_8)) {
			bundle.load(in);
		}
		return bundle.stringPropertyNames()
			.stream()
			.filter(key -> key.startsWith("template."))
			.map(key -> key.substring("template.".length()))
			.collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
	}

}
