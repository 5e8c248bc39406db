package dev.shifu.platform.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers which (caller, Idempotency-Key) produced which result, so a retried POST or an offline replay returns
 * the first outcome instead of acting twice. The record is written in the caller's transaction: if the action
 * rolls back, so does the key.
 */
@Component
public class Idempotency {

	/** Field order is stable and maps are sorted, so equal requests hash equally. */
	private static final ObjectMapper CANONICAL = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
		.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
		.build();

	private final JdbcTemplate jdbc;

	/** The app's clock: records are stamped on the same time line the retention measures their age on. */
	private final Clock clock;

	Idempotency(JdbcTemplate jdbc, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** A previous result for this key, or empty. A different request under the same key is a 409. */
	public Optional<String> previousResult(String scope, String key, String requestHash) {
		if (key == null) {
			return Optional.empty();
		}
		return jdbc.query("select request_hash, result_ref from idempotency_record where scope = ? and idem_key = ?",
				(rs, n) -> new String[] { rs.getString(1), rs.getString(2) }, scope, key)
			.stream()
			.findFirst()
			.map(found -> {
				if (!found[0].equals(requestHash)) {
					throw new ConflictException("idempotency-key-reused",
							"Idempotency-Key " + key + " was already used with a different request");
				}
				return found[1];
			});
	}

	/** @throws DuplicateKeyException when a concurrent request with the same key won the race */
	public void remember(String scope, String key, String requestHash, String resultRef) {
		if (key == null) {
			return;
		}
		jdbc.update("insert into idempotency_record (scope, idem_key, request_hash, result_ref, created_at) values (?, ?, ?, ?, ?)",
				scope, key, requestHash, resultRef, Timestamp.from(clock.instant()));
	}

	/**
	 * Claims the key before acting, as the transaction's first write: a concurrent request with the same key then waits
	 * on the unique index until this transaction ends, and fails with {@link DuplicateKeyException} once it committed
	 * (its caller answers the winner's result by asking {@link #previousResult} again, in a new transaction). Settle
	 * the claim with {@link #settle}, or {@link #release} it where the transaction commits without acting.
	 * @throws DuplicateKeyException when a concurrent request with the same key won the race
	 */
	public void claim(String scope, String key, String requestHash) {
		remember(scope, key, requestHash, PENDING);
	}

	/** The claimed key's result, once known. */
	public void settle(String scope, String key, String resultRef) {
		if (key == null) {
			return;
		}
		jdbc.update("update idempotency_record set result_ref = ? where scope = ? and idem_key = ?", resultRef, scope, key);
	}

	/** Gives a claimed key up (the request is answered as an error but its transaction commits). */
	public void release(String scope, String key) {
		if (key == null) {
			return;
		}
		jdbc.update("delete from idempotency_record where scope = ? and idem_key = ? and result_ref = ?", scope, key,
				PENDING);
	}

	/** The result of a claim not settled yet; never seen by another transaction, since a claim commits settled. */
	public static final String PENDING = "pending";

	/** Retention: forgets keys stored before {@code cutoff}; a later retry with such a key acts as a new request. */
	public int forgetBefore(Instant cutoff) {
		return jdbc.update("delete from idempotency_record where created_at < ?", Timestamp.from(cutoff));
	}

	public static String hash(Object request) {
		try {
			byte[] json = CANONICAL.writeValueAsBytes(request);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
		}
		catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException("cannot hash request", ex);
		}
	}

	public static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Keys are opaque to us but bounded, so they fit the index. */
	public static String checkKey(String key) {
		if (key != null && (key.isBlank() || key.length() > 128)) {
			throw new InvalidFieldException("Idempotency-Key", "must be 1 to 128 characters");
		}
		return key;
	}

}
