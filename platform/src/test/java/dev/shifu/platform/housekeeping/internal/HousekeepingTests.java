package dev.shifu.platform.housekeeping.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.MovableClock;
import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.webhook.internal.TestReceiver;
import dev.shifu.platform.webhook.internal.WebhookTestAccess;
import dev.shifu.workflows.ServiceOrderProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

/**
 * Resubmission of failed event publications and the retention cleanup, on a clock the test moves. The registry
 * stamps publications with the app's clock, so "old enough to resubmit" and "past retention" happen exactly when
 * the test moves time, never by waiting.
 */
@Import(MovableClock.Config.class)
@TestPropertySource(properties = { "shifu.events.resubmit-interval=PT0.2S", "shifu.events.resubmit-after=PT2M",
		"shifu.events.alert-age=PT1M", "shifu.events.backoff-max=PT1H",
		// The production cron: the test reads the registered task's next time on the app's clock and runs it then.
		"shifu.retention.cron=0 30 3 * * *" })
class HousekeepingTests extends PlatformIntegrationTest {

	/** The real engine, with one start made to fail like a Camunda or database blip would. */
	@MockitoSpyBean
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RetentionJob retention;

	@Autowired
	ApplicationContext context;

	IssuedBrand brand;

	Api admin;

	@BeforeEach
	void fixture() {
		clock.set(Instant.now());
		brand = newBrand();
		admin = asNewUser(Role.ADMIN, null);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aProcessStartThatFailedOnceIsResubmittedWhileTheAppRunsAndTheBacklogShowsInActuator() {
		org.mockito.Mockito.doThrow(new OptimisticLockingException("test: the engine's database blinked"))
			.doCallRealMethod()
			.when(runtime)
			.startProcessInstanceByKey(eq(ServiceOrderProcess.PROCESS_ID), anyString(), anyMap());
		long order = postOrder(null);
		verify(runtime, timeout(20_000)).startProcessInstanceByKey(eq(ServiceOrderProcess.PROCESS_ID),
				eq(String.valueOf(order)), anyMap());

		// The listener failed: no process, and the publication is pending (the clock stands, so it stays young).
		eventually(() -> pending() >= 1, "the failed publication counted as pending");
		assertThat(processOf(order)).isNull();
		JsonNode health = admin.get("/actuator/health/eventPublications").json();
		assertThat(health.get("status").asText()).isEqualTo("UP");
		assertThat(health.at("/details/pending").asLong()).isGreaterThanOrEqualTo(1);

		// Past the alert age, before the first resubmission is due: alert-worthy, and still nothing retried.
		clock.advance(Duration.ofSeconds(61));
		Api.Reply alert = admin.get("/actuator/health/eventPublications");
		assertThat(alert.status()).isEqualTo(503);
		assertThat(alert.json().get("status").asText()).isEqualTo("DOWN");
		assertThat(Duration.parse(alert.json().at("/details/oldestPendingAge").asText())).isGreaterThan(Duration.ofMinutes(1));
		assertThat(metric("shifu.events.pending.oldest.age")).isGreaterThanOrEqualTo(60);
		assertThat(processOf(order)).isNull();

		// Due now: the scheduled resubmission runs the real start, without a restart.
		clock.advance(Duration.ofMinutes(2));
		eventually(() -> processOf(order) != null, "the resubmitted start");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(order)).count()).isEqualTo(1);
		eventually(() -> pending() == 0, "no publication pending");
		assertThat(admin.get("/actuator/health/eventPublications").json().get("status").asText()).isEqualTo("UP");
	}

	@Test
	void theCleanupDeletesFinishedRecordsPastTheirRetentionAndKeepsRecentAndPendingOnes() {
		TestReceiver receiver = TestReceiver.start();
		asBrand(brand).put("/api/v1/brand/webhook", Map.of("url", receiver.url()));
		String key = unique("idem");
		long order = postOrder(key);
		// The app writes one of each: a used Idempotency-Key, completed publications, a sent message, a delivered webhook.
		eventually(() -> processOf(order) != null, "the process");
		eventually(() -> {
			management.createJobQuery().processInstanceId(processOf(order)).executable().list()
				.forEach(job -> management.executeJob(job.getId()));
			return count("select count(*) from notification where order_id = ? and status = 'SENT'", order) > 0;
		}, "the booking link sent");
		eventually(() -> {
			WebhookTestAccess.dispatchAllDue(context);
			return count("select count(*) from webhook_delivery where order_id = ? and status = 'DELIVERED'", order) > 0;
		}, "a delivered status webhook");
		String ofThisOrder = "%\"orderId\":" + order + ",%";
		eventually(() -> count("select count(*) from event_publication where completion_date is null and serialized_event like ?", ofThisOrder) == 0,
				"publications completed");
		assertThat(count("select count(*) from event_publication where serialized_event like ?", ofThisOrder)).isPositive();
		long notificationsBefore = count("select count(*) from notification where order_id = ?", order);
		assertThat(count("select count(*) from idempotency_record where idem_key = ?", key)).isEqualTo(1);
		assertThat(count("select count(*) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id where d.order_id = ?", order)).isPositive();

		// 100 days on, the records above are past every retention; these are recent, or still pending.
		clock.advance(Duration.ofDays(100));
		Instant recent = clock.instant().minus(Duration.ofHours(1));
		String recentKey = unique("idem");
		jdbc.update("insert into idempotency_record (scope, idem_key, request_hash, result_ref, created_at) values (?, ?, ?, ?, ?)",
				"test", recentKey, "0".repeat(64), "1", Timestamp.from(recent));
		UUID recentPublication = UUID.randomUUID();
		jdbc.update("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date) values (?, ?, ?, ?, ?, ?)",
				recentPublication, "test.listener", "java.lang.String", "\"recent\"", Timestamp.from(recent), Timestamp.from(recent));
		jdbc.update("insert into notification (order_id, recipient, template, text_zh, text_en, status, attempts, created_at, sent_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				order, "13800000000", "BOOKING_REMINDER", "提醒", "reminder", "SENT", 1, Timestamp.from(recent), Timestamp.from(recent));
		jdbc.update("insert into notification (order_id, recipient, template, text_zh, text_en, status, attempts, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
				order, "13800000000", "BOOKING_REMINDER", "排队", "queued", "PENDING", 0, Timestamp.from(clock.instant().minus(Duration.ofDays(200))));
		String recentEvent = UUID.randomUUID().toString();
		jdbc.update("insert into webhook_delivery (brand_id, event_id, event_type, order_id, payload, status, created_at, cycle_attempts, attempt_count, last_attempt_at, delivered_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				brand.brandId(), recentEvent, "order.status_changed", order, "{}", "DELIVERED", Timestamp.from(recent), 1, 1,
				Timestamp.from(recent), Timestamp.from(recent), 0);

		Map<String, Integer> purged = retention.purge();

		assertThat(purged).containsKeys("idempotencyRecords", "notifications", "webhookDeliveries");
		assertThat(count("select count(*) from idempotency_record where idem_key = ?", key)).isZero();
		assertThat(count("select count(*) from idempotency_record where idem_key = ?", recentKey)).isEqualTo(1);
		assertThat(count("select count(*) from event_publication where serialized_event like ?", ofThisOrder)).isZero();
		assertThat(count("select count(*) from event_publication where id = ?", recentPublication)).isEqualTo(1);
		assertThat(count("select count(*) from notification where order_id = ? and text_en = 'reminder'", order)).isEqualTo(1);
		// The sender may send the queued one meanwhile; either way it was not purged for its age.
		assertThat(count("select count(*) from notification where order_id = ? and text_en = 'queued'", order))
			.as("queued messages are never purged").isEqualTo(1);
		// Every message the app finished before the clock moved is gone (queued ones, and any sent later, stay).
		assertThat(count("select count(*) from notification where order_id = ? and text_en not in ('reminder', 'queued') and status in ('SENT', 'FAILED') and sent_at < ?",
				order, Timestamp.from(recent))).isZero();
		assertThat(notificationsBefore).isPositive();
		assertThat(count("select count(*) from webhook_delivery where order_id = ?", order)).isEqualTo(1);
		assertThat(count("select count(*) from webhook_delivery where event_id = ?", recentEvent)).isEqualTo(1);
		assertThat(count("select count(*) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id where d.order_id = ?", order)).isZero();
		receiver.close();
	}

	@Test
	void aListenerThatKeepsFailingIsResubmittedAfterWaitsThatDoubleUntilItSucceeds() {
		OptimisticLockingException blip = new OptimisticLockingException("test: the engine's database blinked");
		org.mockito.Mockito.doThrow(blip).doThrow(blip).doThrow(blip)
			.doCallRealMethod()
			.when(runtime)
			.startProcessInstanceByKey(eq(ServiceOrderProcess.PROCESS_ID), anyString(), anyMap());
		// The registry dates the publication by the system's time: start the app's clock from it just before.
		clock.set(Instant.now());
		long order = postOrder(null);
		verify(runtime, timeout(60_000).times(1)).startProcessInstanceByKey(eq(ServiceOrderProcess.PROCESS_ID),
				eq(String.valueOf(order)), anyMap());
		eventually(() -> pending() >= 1, "the failed publication counted as pending");

		// past resubmit-after (2 min; a minute's slack for the posting): the first resubmission, which fails again
		clock.advance(Duration.ofMinutes(3));
		starts(order, 2);
		// then twice that wait (4 min): nothing at 3 min, the next at 4
		clock.advance(Duration.ofMinutes(3));
		noMoreStartsThan(order, 2);
		clock.advance(Duration.ofMinutes(1));
		starts(order, 3);
		// then 8 min
		clock.advance(Duration.ofMinutes(7));
		noMoreStartsThan(order, 3);
		clock.advance(Duration.ofMinutes(1));
		starts(order, 4);

		eventually(() -> processOf(order) != null, "the process started at the fourth attempt");
		eventually(() -> pending() == 0, "no publication pending");
	}

	/** A resubmitted listener runs on the async executor: on a busy machine that can take a while. */
	private void starts(long order, int times) {
		verify(runtime, timeout(60_000).atLeast(times)).startProcessInstanceByKey(eq(ServiceOrderProcess.PROCESS_ID),
				eq(String.valueOf(order)), anyMap());
		noMoreStartsThan(order, times);
	}

	/** The resubmission runs every 0.2 s: a second of it is five chances to resubmit too early. */
	private void noMoreStartsThan(long order, int times) {
		verify(runtime, org.mockito.Mockito.after(1_000).times(times)).startProcessInstanceByKey(
				eq(ServiceOrderProcess.PROCESS_ID), eq(String.valueOf(order)), anyMap());
	}

	/**
	 * The nightly cleanup as scheduled: its registered cron task, run at the cron's next time on the app's clock. The
	 * app stamps what it writes with that clock too (here 100 days behind the system's time), so the records age on
	 * the clock the retention measures them with.
	 */
	@Test
	void theNightlyCleanupAtItsCronTimeRemovesWhatTheAppStampedPastRetentionOnItsOwnClock() {
		clock.set(Instant.now().minus(Duration.ofDays(100)));
		String key = unique("idem");
		long order = postOrder(key);
		eventually(() -> processOf(order) != null, "the process");
		eventually(() -> {
			management.createJobQuery().processInstanceId(processOf(order)).executable().list()
				.forEach(job -> management.executeJob(job.getId()));
			return count("select count(*) from notification where order_id = ? and status = 'SENT'", order) > 0;
		}, () -> "the booking link sent; outbox: " + jdbc.queryForList("select id, order_id, status, created_at, next_attempt_at, claimed_by, claimed_until from notification order by id"));
		assertThat(count("select count(*) from idempotency_record where idem_key = ?", key)).isEqualTo(1);
		org.springframework.scheduling.config.CronTask cleanup = retentionTask();

		// 91 days on the app's clock: past the key's 7 days and the message's 90, still 9 days before the system's now
		clock.advance(Duration.ofDays(91));
		Instant due = cleanup.getTrigger().nextExecution(new org.springframework.scheduling.support.SimpleTriggerContext(clock));
		assertThat(due).isAfter(clock.instant()).isBefore(clock.instant().plus(Duration.ofDays(1)));
		clock.set(due);
		cleanup.getRunnable().run();

		assertThat(count("select count(*) from idempotency_record where idem_key = ?", key)).isZero();
		assertThat(count("select count(*) from notification where order_id = ? and status = 'SENT'", order)).isZero();
	}

	private org.springframework.scheduling.config.CronTask retentionTask() {
		return context.getBeansOfType(org.springframework.scheduling.config.ScheduledTaskHolder.class)
			.values()
			.stream()
			.flatMap(holder -> holder.getScheduledTasks().stream())
			.map(org.springframework.scheduling.config.ScheduledTask::getTask)
			.filter(org.springframework.scheduling.config.CronTask.class::isInstance)
			.map(org.springframework.scheduling.config.CronTask.class::cast)
			.filter(task -> task.toString().contains(RetentionJob.class.getName() + ".run"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cron task runs RetentionJob.run"));
	}

	private long postOrder(String idempotencyKey) {
		Api.Reply reply = asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("HK"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", "330106", "location", Map.of("lat", 30.2765, "lng", 120.1229)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED")),
				h -> {
					if (idempotencyKey != null) {
						h.set("Idempotency-Key", idempotencyKey);
					}
				});
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asLong();
	}

	private String processOf(long order) {
		var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(order)).singleResult();
		return instance == null ? null : instance.getId();
	}

	private long pending() {
		return (long) metric("shifu.events.pending");
	}

	private double metric(String name) {
		Api.Reply reply = admin.get("/actuator/metrics/" + name);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().at("/measurements/0/value").asDouble();
	}

	private long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	private static void eventually(Supplier<Boolean> condition, String what) {
		eventually(condition, () -> what);
	}

	private static void eventually(Supplier<Boolean> condition, Supplier<String> what) {
		for (int i = 0; i < 400; i++) {
			if (condition.get()) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("gave up waiting for " + what.get());
	}

}
