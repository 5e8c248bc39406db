package dev.shifu.planner.travel;

import java.util.List;

import dev.shifu.planner.domain.Location;

/**
 * Precomputed travel matrix over every location of one schedule: the solver asks for travel times
 * millions of times per second, so each lookup must be two array reads.
 * <p>
 * Each location gets a dense index when it is registered. Locations added later (an urgent job during
 * the day) are computed on registration; the matrix keeps spare rows so that is usually cheap. Reads
 * may come from the solver thread and from a consumer of the best solution at the same time; writes
 * only touch cells no reader knows yet, and growing publishes a new matrix through a volatile field.
 */
public final class TravelTable {

    private record Matrix(int stride, int[] seconds, int[] meters) {
    }

    private final TravelTime travelTime;
    private Location[] locations = new Location[0];
    private int size;
    private volatile Matrix matrix = new Matrix(0, new int[0], new int[0]);

    public TravelTable(TravelTime travelTime) {
        this.travelTime = travelTime;
    }

    public TravelTime travelTime() {
        return travelTime;
    }

    public int size() {
        return size;
    }

    /** Registers all locations at once (one allocation). */
    public synchronized void registerAll(List<Location> newLocations) {
        ensureCapacity(size + newLocations.size());
        for (Location location : newLocations) {
            register(location);
        }
    }

    /** Gives the location an index in this table and computes its row and column. Idempotent. */
    public synchronized void register(Location location) {
        if (location.table() == this) {
            return;
        }
        if (location.table() != null) {
            throw new IllegalArgumentException("Location " + location + " belongs to another travel table");
        }
        ensureCapacity(size + 1);
        Matrix m = matrix;
        int index = size;
        locations[index] = location;
        for (int other = 0; other <= index; other++) {
            Location o = locations[other];
            m.seconds[index * m.stride + other] = toInt(travelTime.seconds(location, o));
            m.meters[index * m.stride + other] = toInt(travelTime.meters(location, o));
            m.seconds[other * m.stride + index] = toInt(travelTime.seconds(o, location));
            m.meters[other * m.stride + index] = toInt(travelTime.meters(o, location));
        }
        size++;
        location.attach(this, index);
    }

    public long seconds(int from, int to) {
        Matrix m = matrix;
        return m.seconds[from * m.stride + to];
    }

    public long meters(int from, int to) {
        Matrix m = matrix;
        return m.meters[from * m.stride + to];
    }

    private void ensureCapacity(int needed) {
        Matrix m = matrix;
        if (needed <= m.stride) {
            return;
        }
        int stride = Math.max(needed, m.stride + m.stride / 4 + 16);
        int[] seconds = new int[stride * stride];
        int[] meters = new int[stride * stride];
        for (int i = 0; i < size; i++) {
            System.arraycopy(m.seconds, i * m.stride, seconds, i * stride, size);
            System.arraycopy(m.meters, i * m.stride, meters, i * stride, size);
        }
        Location[] grown = new Location[stride];
        System.arraycopy(locations, 0, grown, 0, size);
        locations = grown;
        matrix = new Matrix(stride, seconds, meters);
    }

    private static int toInt(long value) {
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Travel value out of range: " + value);
        }
        return (int) value;
    }
}
