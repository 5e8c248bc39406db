package dev.shifu.platform.schedule.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a schedule update in a transaction of its own and runs it again, on fresh reads, when it collided with another
 * update of the same rows. The events of one order (accepted, booked, offer accepted, under way) reach their
 * listeners at nearly the same time on different threads, and they write the same {@code schedule_job} row: without
 * this the loser's publication stays incomplete until the housekeeping resubmits it a minute or more later, and the
 * plan waits that long for the job.
 */
@Component
class RowRetry {

	private static final Logger log = LoggerFactory.getLogger(RowRetry.class);

	static final int ATTEMPTS = 5;

	private final TransactionTemplate transaction;

	RowRetry(PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** One lock per stripe of order ids: the updates of one order never overlap. */
	private final java.util.concurrent.locks.ReentrantLock[] orders = new java.util.concurrent.locks.ReentrantLock[64];

	{
		for (int i = 0; i < orders.length; i++) {
			orders[i] = new java.util.concurrent.locks.ReentrantLock();
		}
	}

	/**
	 * An update of one order's row, run strictly after any other update of that order, from its read to its commit.
	 * The events of an order arrive together (a rework's hand-over and its status change commit in one process step);
	 * an update that read the row before another's commit would otherwise hand the live solver an older job after
	 * the newer one (the done original visit, pinned on its past day, in place of the rework on its booked day), and
	 * an update that only reads the row would never notice. The solver is this JVM's, so a lock of this JVM suffices.
	 */
	void run(String what, long orderId, Runnable update) {
		java.util.concurrent.locks.ReentrantLock lock = orders[Math.floorMod(Long.hashCode(orderId), orders.length)];
		lock.lock();
		try {
			run(what, update);
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Like {@link #run(String, long, Runnable)}, and what the update returns runs after its commit (still before the
	 * order's next update): how the update reaches the live plan. Sent before the commit, a change could reach the
	 * solver while a rebuild reads the rows without this one, and the rebuilt plan would miss it.
	 */
	void runThen(String what, long orderId, java.util.function.Supplier<Runnable> update) {
		java.util.concurrent.locks.ReentrantLock lock = orders[Math.floorMod(Long.hashCode(orderId), orders.length)];
		lock.lock();
		try {
			runThen(what, update);
		}
		finally {
			lock.unlock();
		}
	}

	/** An update whose result runs after its commit (see {@link #runThen(String, long, java.util.function.Supplier)}). */
	void runThen(String what, java.util.function.Supplier<Runnable> update) {
		Runnable[] afterCommit = new Runnable[1];
		run(what, () -> afterCommit[0] = update.get());
		if (afterCommit[0] != null) {
			afterCommit[0].run();
		}
	}

	/** After the last attempt the failure is thrown: the event's publication stays incomplete and is resubmitted. */
	void run(String what, Runnable update) {
		for (int attempt = 1;; attempt++) {
			try {
				transaction.executeWithoutResult(status -> update.run());
				return;
			}
			// Optimistic version clash, lock timeout, or the same new row inserted by the other update first.
			catch (ConcurrencyFailureException | DataIntegrityViolationException clash) {
				if (attempt >= ATTEMPTS) {
					throw clash;
				}
				log.debug("Schedule update {} collided (attempt {}): {}", what, attempt, clash.getMessage());
				pause(attempt);
			}
		}
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(50L * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
