package dev.shifu.platform.shared;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bucket4j's compare-and-swap proxy manager on our {@code rate_limit_bucket} table: Bucket4j core does the token
 * arithmetic on this node and hands us the old and the new serialised state; we swap them with one conditional
 * statement (insert for a new bucket, update on the read version otherwise), so two nodes spending from one bucket
 * at once cannot both win: the loser re-reads and Bucket4j retries. Statements run in auto-commit, outside any
 * business transaction (see {@link RateLimits}), and never hold a row lock.
 */
final class JdbcBucketStore extends AbstractCompareAndSwapBasedProxyManager<JdbcBucketStore.Key> {

	/** A bucket's row id (hash of limit, configuration and subject) and its limit's name, kept for operators. */
	record Key(String id, String limit) {
	}

	private record Row(byte[] state, long version) {
	}

	private final JdbcTemplate jdbc;

	private final ClientSideConfig config;

	JdbcBucketStore(JdbcTemplate jdbc, ClientSideConfig config) {
		super(config);
		this.jdbc = jdbc;
		this.config = config;
	}

	@Override
	protected CompareAndSwapOperation beginCompareAndSwapOperation(Key key) {
		return new CompareAndSwapOperation() {

			private Long version;

			@Override
			public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
				List<Row> rows = jdbc.query("select state, version from rate_limit_bucket where id = ?",
						(rs, n) -> new Row(rs.getBytes(1), rs.getLong(2)), key.id());
				if (rows.isEmpty()) {
					version = null;
					return Optional.empty();
				}
				version = rows.get(0).version();
				return Optional.of(rows.get(0).state());
			}

			@Override
			public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
					Optional<Long> timeoutNanos) {
				long expiresAt = expiresAt(newState);
				if (version == null) {
					try {
						jdbc.update("insert into rate_limit_bucket (id, limit_name, state, version, expires_at) "
								+ "values (?, ?, ?, 0, ?)", key.id(), key.limit(), newData, expiresAt);
						return true;
					}
					catch (DuplicateKeyException ex) {
						// Another node made it first: Bucket4j reads again and retries on its state.
						return false;
					}
				}
				return jdbc.update("update rate_limit_bucket set state = ?, version = version + 1, expires_at = ? "
						+ "where id = ? and version = ?", newData, expiresAt, key.id(), version) == 1;
			}

		};
	}

	private long expiresAt(RemoteBucketState state) {
		long nowMillis = System.currentTimeMillis();
		return config.getExpirationAfterWriteStrategy()
			.map(strategy -> nowMillis + Math.max(0, strategy.calculateTimeToLiveMillis(state, nowMillis * 1_000_000L)))
			.orElse(Long.MAX_VALUE);
	}

	@Override
	protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(Key key) {
		throw new UnsupportedOperationException("JDBC buckets are synchronous");
	}

	@Override
	public boolean isAsyncModeSupported() {
		return false;
	}

	@Override
	public boolean isExpireAfterWriteSupported() {
		return true;
	}

	@Override
	public void removeProxy(Key key) {
		jdbc.update("delete from rate_limit_bucket where id = ?", key.id());
	}

	@Override
	protected CompletableFuture<Void> removeAsync(Key key) {
		return CompletableFuture.failedFuture(new UnsupportedOperationException("JDBC buckets are synchronous"));
	}

	/** Deletes buckets that are full again by now (an absent bucket starts full, so nothing changes). */
	int purgeExpired(long nowMillis) {
		return jdbc.update("delete from rate_limit_bucket where expires_at < ?", nowMillis);
	}

}
