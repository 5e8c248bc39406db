package dev.shifu.platform.shared;

import java.time.Duration;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A node-local read cache (Caffeine) for hot read paths such as the consumer's windows query. Reads inside a writing
 * transaction bypass it, so a writer always sees its own changes; {@link #evict} drops a key at once and again after
 * the writing transaction commits (a read racing the commit cannot leave the old value behind: Caffeine's load and
 * invalidation of one key are atomic). Other nodes see a change within {@code ttl}.
 */
public final class ReadCache<K, V> {

	private final Cache<K, V> cache;

	public ReadCache(Duration ttl, long maxEntries) {
		this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
	}

	/** The cached value, loaded when missing; a null from the loader is not cached. */
	public V get(K key, Function<K, V> loader) {
		if (inWritingTransaction()) {
			return loader.apply(key);
		}
		return cache.get(key, loader);
	}

	/** Drops the key now and, inside a transaction, once more after it commits. */
	public void evict(K key) {
		cache.invalidate(key);
		afterCommit(() -> cache.invalidate(key));
	}

	public void evictAll() {
		cache.invalidateAll();
		afterCommit(cache::invalidateAll);
	}

	/** Drops every entry whose value matches (e.g. the tokens of one order). */
	public void evictValues(java.util.function.Predicate<V> matching) {
		cache.asMap().values().removeIf(matching);
		afterCommit(() -> cache.asMap().values().removeIf(matching));
	}

	public static boolean inWritingTransaction() {
		return TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					action.run();
				}
			});
		}
	}

}
