package dev.shifu.platform.ops;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.shifu.platform.support.OrderFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The async event listeners run on the one bounded pool, never on a new thread per event: a surge of orders must
 * not open a thread and a database connection per order.
 */
class AsyncListenerThreadsTests extends OrderFixture {

	@Test
	void ordersAreTakenOnByTheBoundedListenerPoolAndNoThreadIsStartedPerEvent() {
		for (int i = 0; i < 5; i++) {
			postOrder("ARRIVED", "INSTALLATION", "NORMAL", "330106", 30.27, 120.13);
		}

		Set<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
				.collect(Collectors.toSet());
		assertThat(threads).as("threads after five orders went through the listeners")
				.noneMatch(name -> name.startsWith("SimpleAsyncTaskExecutor"))
				.anyMatch(name -> name.startsWith("shifu-async-"));
		assertThat(threads.stream().filter(name -> name.startsWith("shifu-async-")).count())
				.as("listener threads").isLessThanOrEqualTo(6);
	}

}
