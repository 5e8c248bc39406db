package dev.shifu.platform.ops;

import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A listener that finds the pool's queue full. The publisher runs it itself (which slows the publisher, not drops
 * work), unless the publisher still holds a transaction's resources: listeners fire after commit but before the
 * committed transaction gives its connection back, so a request that ran the listener then held one connection and
 * waited for a second. Under the surge harness every request thread did, the pool of 10 was gone, and requests waited
 * 10 s for a 503. Such a listener is left to the event publication registry: its publication stays incomplete and is
 * resubmitted when the pool has room again ({@code housekeeping}'s resubmission). Counted as
 * {@code shifu.events.deferred}.
 */
final class ListenerOverflow implements RejectedExecutionHandler {

	private static final Logger log = LoggerFactory.getLogger(ListenerOverflow.class);

	private final Counter deferred;

	private final AtomicLong lastWarning = new AtomicLong();

	ListenerOverflow(MeterRegistry meters) {
		this.deferred = Counter.builder("shifu.events.deferred")
			.description("async listeners left to the event publication registry because the pool's queue was full")
			.register(meters);
	}

	@Override
	public void rejectedExecution(Runnable task, ThreadPoolExecutor executor) {
		if (executor.isShutdown()) {
			return;
		}
		if (TransactionSynchronizationManager.getResourceMap().isEmpty()) {
			task.run();
			return;
		}
		deferred.increment();
		long now = System.currentTimeMillis();
		long last = lastWarning.get();
		if (now - last > 10_000 && lastWarning.compareAndSet(last, now)) {
			log.warn("The listener pool's queue is full ({} queued): listeners of committed transactions are left to "
					+ "the event registry and resubmitted when it has room ({} deferred so far)",
					executor.getQueue().size(), (long) deferred.count());
		}
	}

}
