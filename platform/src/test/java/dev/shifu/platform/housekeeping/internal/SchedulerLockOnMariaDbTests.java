package dev.shifu.platform.housekeeping.internal;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.support.UsesMariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * N nodes on one database: the singletons (retention, event resubmission, horizon roll) run under ShedLock rows in
 * the {@code shedlock} table. A second {@link LockingTaskExecutor} on the app's lock provider stands in for a second
 * node: ShedLock's row is the only thing the two share, exactly as with two JVMs (same host name does not matter,
 * the row is taken by {@code lock_until <= now}, not by owner). No orders are made, so no test city is needed.
 */
@UsesMariaDb
class SchedulerLockOnMariaDbTests extends PlatformIntegrationTest {

	@Autowired
	LockProvider lockProvider;

	@Autowired
	RetentionJob retention;

	@Autowired
	EventResubmission resubmission;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	private final ExecutorService otherNode = Executors.newSingleThreadExecutor();

	@AfterEach
	void stopOtherNode() {
		otherNode.shutdownNow();
	}

	@Test
	void aSecondHolderOfTheSameLockIsTurnedAwayUntilTheLeaseRunsOut() throws Throwable {
		String name = unique("lease");
		LockingTaskExecutor nodeA = new DefaultLockingTaskExecutor(lockProvider);
		LockingTaskExecutor nodeB = new DefaultLockingTaskExecutor(lockProvider);
		AtomicInteger effects = new AtomicInteger();
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);

		// Node A holds the lock while it works, and keeps a lease of an hour after it is done.
		Future<?> a = otherNode.submit(() -> nodeA.executeWithLock((Runnable) () -> {
			effects.incrementAndGet();
			holding.countDown();
			awaitQuietly(release);
		}, new LockConfiguration(Instant.now(), name, Duration.ofHours(2), Duration.ofHours(1))));
		assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

		TaskResult<Integer> whileRunning = nodeB.executeWithLock(countOne(effects), lease(name));
		release.countDown();
		a.get(30, TimeUnit.SECONDS);
		TaskResult<Integer> whileLeased = nodeB.executeWithLock(countOne(effects), lease(name));

		assertThat(whileRunning.wasExecuted()).isFalse();
		assertThat(whileLeased.wasExecuted()).isFalse();
		assertThat(effects).hasValue(1);
		assertThat(jdbc.queryForObject("select lock_until > utc_timestamp(3) from shedlock where name = ?",
				Boolean.class, name)).isTrue();

		// The lease runs out (as a dead node's lockAtMostFor would): the other node takes the work over.
		jdbc.update("update shedlock set lock_until = utc_timestamp(3) - interval 1 second where name = ?", name);
		TaskResult<Integer> afterLease = nodeB.executeWithLock(countOne(effects), lease(name));

		assertThat(afterLease.wasExecuted()).isTrue();
		assertThat(effects).hasValue(2);
	}

	@Test
	void retentionDeletesNothingWhileAnotherNodeHoldsItsLockAndRunsOnceItIsFree() throws Exception {
		String key = unique("old-key");
		jdbc.update("insert into idempotency_record (scope, idem_key, request_hash, result_ref, created_at) "
				+ "values ('lock-test', ?, 'h', 'r', '2001-01-01 00:00:00')", key);
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Future<?> nodeA = otherNode.submit(() -> new DefaultLockingTaskExecutor(lockProvider)
			.executeWithLock((Runnable) () -> {
				holding.countDown();
				awaitQuietly(release);
			}, lease("retention")));
		assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

		retention.run();
		int whileHeld = oldRecords(key);
		release.countDown();
		nodeA.get(30, TimeUnit.SECONDS);
		retention.run();

		assertThat(whileHeld).isEqualTo(1);
		assertThat(oldRecords(key)).isZero();
	}

	@Test
	void theScheduledSingletonsTakeTheirShedLockRow() throws Exception {
		// HorizonRoll is package-private in the schedule module: called through its Spring proxy by name.
		Object horizonRoll = context.getBean("horizonRoll");
		Method roll = horizonRoll.getClass().getMethod("roll");
		roll.setAccessible(true);

		assertTakesRow("retention", retention::run);
		assertTakesRow("event-resubmission", resubmission::resubmit);
		assertTakesRow("horizon-roll", () -> {
			try {
				roll.invoke(horizonRoll);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private void assertTakesRow(String name, Runnable scheduledMethod) {
		// A stale row from long ago, so a fresh locked_at can only come from this call (or its own schedule).
		jdbc.update("delete from shedlock where name = ?", name);
		jdbc.update("insert into shedlock (name, lock_until, locked_at, locked_by) "
				+ "values (?, '2001-01-01 00:00:00', '2001-01-01 00:00:00', 'nobody')", name);

		scheduledMethod.run();

		assertThat(jdbc.queryForObject("select locked_at > '2020-01-01' and locked_by <> 'nobody' "
				+ "and lock_until <= utc_timestamp(3) from shedlock where name = ?", Boolean.class, name))
			.as("%s took its lock and released it", name)
			.isTrue();
	}

	private int oldRecords(String key) {
		return jdbc.queryForObject("select count(*) from idempotency_record where idem_key = ?", Integer.class, key);
	}

	private static LockingTaskExecutor.TaskWithResult<Integer> countOne(AtomicInteger effects) {
		return effects::incrementAndGet;
	}

	private static LockConfiguration lease(String name) {
		return new LockConfiguration(Instant.now(), name, Duration.ofMinutes(10), Duration.ZERO);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
