package dev.shifu.platform.harness;

import java.util.Arrays;

/** Latencies in microseconds, kept whole (100,000 longs) so percentiles are exact, not bucketed. */
final class Latencies {

	private long[] values = new long[1024];

	private int size;

	synchronized void add(long micros) {
		if (size == values.length) {
			values = Arrays.copyOf(values, size * 2);
		}
		values[size++] = micros;
	}

	synchronized int count() {
		return size;
	}

	/** The p-th percentile in milliseconds (nearest rank). */
	synchronized double percentileMillis(double p) {
		if (size == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(values, size);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * size);
		return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1000.0;
	}

}
