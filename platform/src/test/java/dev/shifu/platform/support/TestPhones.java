package dev.shifu.platform.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mainland mobile numbers that never repeat within a JVM (and differ between JVMs by process id): an installer's
 * phone is unique, so a random one can collide and fail a test for no reason of its own.
 */
public final class TestPhones {

	private static final AtomicInteger NEXT = new AtomicInteger();

	private TestPhones() {
	}

	/** A new number with the given three-digit prefix, e.g. {@code 138}. */
	public static String next(String prefix) {
		return String.format("%s%08d", prefix, (ProcessHandle.current().pid() % 1000) * 100000 + NEXT.incrementAndGet());
	}

}
