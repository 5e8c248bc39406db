package dev.shifu.platform.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rate limits shared by every node: Bucket4j token buckets whose state lives in the database every node already
 * shares ({@code rate_limit_bucket}, through {@link JdbcBucketStore}, Bucket4j core's compare-and-swap building
 * block). A limited call costs one read and one conditional write (a new bucket: read and insert); calls for one
 * bucket that arrive on one node at once are batched by Bucket4j into one swap. The writes run outside the caller's
 * transaction, so a refused or rolled-back request still spent its token, and no business lock is held meanwhile.
 * Subjects (phones, link tokens, key ids) are hashed into the row id and never stored.
 */
@Component
public class RateLimits {

	/**
	 * One kind of limit: {@code capacity} calls per {@code period}. {@code smooth} refills a token every
	 * period/capacity (a brand over quota is slowed to its rate); otherwise the whole budget comes back at the end
	 * of the period (sign-in failures, where a guesser should wait out the period).
	 */
	public record Limit(String name, long capacity, Duration period, boolean smooth, long unsyncedTokens) {

		public Limit {
			if (capacity < 1 || period.isNegative() || period.isZero() || unsyncedTokens < 0) {
				throw new IllegalArgumentException(name + ": capacity and period must be positive");
			}
		}

		public static Limit perPeriod(String name, long capacity, Duration period) {
			return new Limit(name, capacity, period, false, 0);
		}

		public static Limit smooth(String name, long capacity, Duration period) {
			return new Limit(name, capacity, period, true, 0);
		}

		/**
		 * The same limit, kept on this node and written to the shared store after at most {@code tokens} calls or a
		 * second (Bucket4j's delaying optimization): for a limit on a hot path (the consumer's link, hundreds of
		 * calls a second), where a read and a write per call would cost more than the call. One node counts exactly;
		 * N nodes together may let up to {@code tokens} calls per node through past the budget before they see it.
		 */
		public Limit syncedEvery(long tokens) {
			return new Limit(name, capacity, period, smooth, tokens);
		}

		BucketConfiguration configuration() {
			Bandwidth bandwidth = smooth ? Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()
					: Bandwidth.builder().capacity(capacity).refillIntervally(capacity, period).build();
			return BucketConfiguration.builder().addLimit(bandwidth).build();
		}

	}

	/** Whether the call may go ahead; if not, how long until it may ({@code Retry-After}, whole seconds, ≥ 1). */
	public record Verdict(boolean allowed, long retryAfterSeconds) {

		static Verdict of(boolean allowed, long nanosToWait) {
			return new Verdict(allowed, allowed ? 0 : Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L));
		}

	}

	private static final int MAX_PROXIES = 20_000;

	/** A limit kept on the node ({@link Limit#syncedEvery}) reaches the shared store at least this often. */
	private static final Duration UNSYNCED_AT_MOST = Duration.ofSeconds(1);

	private final JdbcBucketStore store;

	private final TransactionTemplate outsideTransactions;

	/** Bucket proxies are reused so that Bucket4j can batch one node's concurrent calls for a bucket. */
	private final Map<JdbcBucketStore.Key, BucketProxy> proxies = Collections
		.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<JdbcBucketStore.Key, BucketProxy> eldest) {
				return size() > MAX_PROXIES;
			}
		});

	RateLimits(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.store = new JdbcBucketStore(jdbc, ClientSideConfig.getDefault()
			.withExpirationAfterWriteStrategy(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10))));
		this.outsideTransactions = new TransactionTemplate(transactions);
		this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
	}

	/** Spends one token of the subject's bucket if there is one. */
	public Verdict tryConsume(Limit limit, String subject) {
		ConsumptionProbe probe = outsideTransactions
			.execute(status -> bucket(limit, subject).tryConsumeAndReturnRemaining(1));
		return Verdict.of(probe.isConsumed(), probe.getNanosToWaitForRefill());
	}

	/** Whether a token is there, spending none (refuse before checking a password, spend only when it was wrong). */
	public Verdict peek(Limit limit, String subject) {
		EstimationProbe probe = outsideTransactions
			.execute(status -> bucket(limit, subject).estimateAbilityToConsume(1));
		return Verdict.of(probe.canBeConsumed(), probe.getNanosToWaitForRefill());
	}

	/** Spends a token if one is left (a failed attempt); never refuses. */
	public void spend(Limit limit, String subject) {
		outsideTransactions.executeWithoutResult(status -> bucket(limit, subject).tryConsume(1));
	}

	/** Spends a token or throws {@link TooManyRequestsException} (429 with Retry-After) naming {@code field}. */
	public void enforce(Limit limit, String subject, String field, String what) {
		Verdict verdict = tryConsume(limit, subject);
		if (!verdict.allowed()) {
			throw TooManyRequestsException.of(field, what, verdict.retryAfterSeconds());
		}
	}

	/** Deletes buckets that are full again (retention); an absent bucket starts full, so no limit changes. */
	public int purgeExpired() {
		return store.purgeExpired(System.currentTimeMillis());
	}

	private BucketProxy bucket(Limit limit, String subject) {
		JdbcBucketStore.Key key = new JdbcBucketStore.Key(id(limit, subject), limit.name());
		return proxies.computeIfAbsent(key, k -> store.builder()
			.withOptimization(limit.unsyncedTokens() > 0
					? Optimizations.delaying(new DelayParameters(limit.unsyncedTokens(), UNSYNCED_AT_MOST))
					: Optimizations.batching())
			.build(k, limit::configuration));
	}

	/** The row id: the configuration is part of it, so a changed limit starts a fresh bucket. */
	private static String id(Limit limit, String subject) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String text = limit.name() + '\n' + limit.capacity() + '\n' + limit.period() + '\n' + limit.smooth() + '\n'
					+ subject;
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
