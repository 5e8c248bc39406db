package dev.shifu.platform.ops;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import dev.shifu.platform.support.OrderFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The async event listeners run on the one bounded pool, never on a new thread per event: a surge of orders must
 * not open a thread and a database connection per order.
 */
class AsyncListenerThreadsTests extends OrderFixture {

	@Autowired
	@Qualifier("taskExecutor")
	ThreadPoolTaskExecutor listeners;

	@Test
	void ordersAreTakenOnByTheBoundedListenerPoolAndNoThreadIsStartedPerEvent() {
		long before = listeners.getThreadPoolExecutor().getCompletedTaskCount();

		for (int i = 0; i < 5; i++) {
			postOrder("ARRIVED", "INSTALLATION", "NORMAL", "330106", 30.27, 120.13);
		}

		// Each order's process was started by a listener (postOrder waits for its booking link): on this pool.
		assertThat(listeners.getThreadPoolExecutor().getCompletedTaskCount() - before)
			.as("listener runs on the pool").isGreaterThanOrEqualTo(5);
		Set<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
				.collect(Collectors.toSet());
		assertThat(threads).noneMatch(name -> name.startsWith("SimpleAsyncTaskExecutor"));
	}

}
