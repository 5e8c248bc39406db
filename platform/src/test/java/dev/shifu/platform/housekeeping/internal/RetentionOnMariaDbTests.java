package dev.shifu.platform.housekeeping.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.support.UsesMariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention cleanup's own SQL on MariaDB through Connector/J (the joined delete of webhook attempts, the
 * registry's publication delete): of each kind, the finished rows past retention go and the recent ones stay.
 */
@UsesMariaDb
class RetentionOnMariaDbTests extends PlatformIntegrationTest {

	@Autowired
	RetentionJob retention;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theCleanupOnMariaDbDeletesOldFinishedRowsOfEachKindAndKeepsRecentOnes() {
		IssuedBrand brand = newBrand();
		Api.Reply posted = asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("RET"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", "330106", "location", Map.of("lat", 30.2765, "lng", 120.1229)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "goods", Map.of("status", "ARRIVED")));
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		long order = posted.json().get("id").asLong();
		Instant old = Instant.now().minus(Duration.ofDays(400));
		Instant recent = Instant.now().minus(Duration.ofHours(1));

		String oldKey = unique("old");
		String recentKey = unique("recent");
		UUID oldPublication = UUID.randomUUID();
		UUID recentPublication = UUID.randomUUID();
		String oldText = unique("old");
		String recentText = unique("recent");
		String oldEvent = UUID.randomUUID().toString();
		String recentEvent = UUID.randomUUID().toString();
		for (Object[] row : List.of(new Object[] { old, oldKey, oldPublication, oldText, oldEvent },
				new Object[] { recent, recentKey, recentPublication, recentText, recentEvent })) {
			Timestamp at = Timestamp.from((Instant) row[0]);
			jdbc.update("insert into idempotency_record (scope, idem_key, request_hash, result_ref, created_at) values (?, ?, ?, ?, ?)",
					"test", row[1], "0".repeat(64), "1", at);
			jdbc.update("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date) values (?, ?, ?, ?, ?, ?)",
					bytes((UUID) row[2]), "test.listener", "java.lang.String", "\"retention\"", at, at);
			jdbc.update("insert into notification (order_id, recipient, template, text_zh, text_en, status, attempts, created_at, sent_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					order, "13800000000", "BOOKING_REMINDER", "提醒", row[3], "SENT", 1, at, at);
			jdbc.update("insert into webhook_delivery (brand_id, event_id, event_type, order_id, payload, status, created_at, cycle_attempts, attempt_count, last_attempt_at, delivered_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					brand.brandId(), row[4], "order.status_changed", order, "{}", "DELIVERED", at, 1, 1, at, at, 0);
			long delivery = jdbc.queryForObject("select id from webhook_delivery where event_id = ?", Long.class, row[4]);
			jdbc.update("insert into webhook_attempt (delivery_id, attempt_no, trigger_kind, started_at, duration_ms, url, status_code) values (?, ?, ?, ?, ?, ?, ?)",
					delivery, 1, "SCHEDULED", at, 12, "https://example.invalid/hook", 200);
		}
		// Still queued however old: never purged.
		String queuedText = unique("queued");
		jdbc.update("insert into notification (order_id, recipient, template, text_zh, text_en, status, attempts, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
				order, "13800000000", "BOOKING_REMINDER", "排队", queuedText, "PENDING", 0, Timestamp.from(old));

		Map<String, Integer> purged = retention.purge();

		assertThat(purged.get("idempotencyRecords")).isPositive();
		assertThat(purged.get("notifications")).isPositive();
		assertThat(purged.get("webhookDeliveries")).isPositive();
		assertThat(count("select count(*) from idempotency_record where idem_key = ?", oldKey)).isZero();
		assertThat(count("select count(*) from idempotency_record where idem_key = ?", recentKey)).isEqualTo(1);
		assertThat(count("select count(*) from event_publication where id = ?", (Object) bytes(oldPublication))).isZero();
		assertThat(count("select count(*) from event_publication where id = ?", (Object) bytes(recentPublication))).isEqualTo(1);
		assertThat(count("select count(*) from notification where text_en = ?", oldText)).isZero();
		assertThat(count("select count(*) from notification where text_en = ?", recentText)).isEqualTo(1);
		assertThat(count("select count(*) from notification where text_en = ?", queuedText)).isEqualTo(1);
		assertThat(count("select count(*) from webhook_delivery where event_id = ?", oldEvent)).isZero();
		assertThat(count("select count(*) from webhook_delivery where event_id = ?", recentEvent)).isEqualTo(1);
		assertThat(count("select count(*) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id where d.event_id = ?",
				recentEvent)).isEqualTo(1);
	}

	/** How the registry stores its ids on MySQL: binary(16), most significant half first. */
	private static byte[] bytes(UUID id) {
		return java.nio.ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
	}

	private long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

}
