package dev.shifu.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What a full listener pool does with one more listener, depending on what its publisher still holds. */
class ListenerOverflowTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final CountDownLatch release = new CountDownLatch(1);

	private ThreadPoolExecutor full;

	@BeforeEach
	void aPoolWithItsOneThreadBusyAndItsQueueFull() {
		full = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), new ListenerOverflow(meters));
		full.execute(this::waitForRelease);
		full.execute(this::waitForRelease);
	}

	@AfterEach
	void releaseThePool() {
		release.countDown();
		full.shutdown();
	}

	@Test
	void aPublisherHoldingNoTransactionRunsTheListenerItself() {
		AtomicInteger ranOn = new AtomicInteger();
		long caller = Thread.currentThread().getId();

		full.execute(() -> ranOn.set((int) Thread.currentThread().getId()));

		assertThat(ranOn.get()).as("ran on the publishing thread").isEqualTo((int) caller);
		assertThat(meters.counter("shifu.events.deferred").count()).isZero();
	}

	@Test
	void aPublisherStillHoldingItsCommittedTransactionsConnectionLeavesTheListenerToTheRegistry() {
		AtomicInteger runs = new AtomicInteger();
		Object dataSource = new Object();
		TransactionSynchronizationManager.bindResource(dataSource, "the committed transaction's connection");
		try {
			full.execute(runs::incrementAndGet);
		}
		finally {
			TransactionSynchronizationManager.unbindResource(dataSource);
		}

		assertThat(runs.get()).as("not run while the publisher holds a connection").isZero();
		assertThat(meters.counter("shifu.events.deferred").count()).isEqualTo(1);
	}

	private void waitForRelease() {
		try {
			release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
