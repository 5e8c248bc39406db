package dev.shifu.planner.travel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shifu.planner.domain.Location;

/**
 * A precomputed matrix, for example fetched from a road-network engine (GraphHopper, OSRM) running
 * elsewhere. Locations are matched by {@link Location#id()}; pairs the matrix does not know fall back
 * to another travel model, so a job added during the day never breaks the solver.
 */
public final class MatrixTravelTime implements TravelTime {

    private final Map<String, Integer> indexById = new HashMap<>();
    private final long[][] seconds;
    private final long[][] meters;
    private final TravelTime fallback;

    public MatrixTravelTime(List<String> locationIds, long[][] seconds, long[][] meters, TravelTime fallback) {
        int n = locationIds.size();
        if (seconds.length != n || meters.length != n) {
            throw new IllegalArgumentException("matrix size must match the number of location ids");
        }
        for (int i = 0; i < n; i++) {
            indexById.put(locationIds.get(i), i);
        }
        this.seconds = seconds;
        this.meters = meters;
        this.fallback = fallback;
    }

    @Override
    public long seconds(Location from, Location to) {
        Integer i = indexById.get(from.id());
        Integer j = indexById.get(to.id());
        return i == null || j == null ? fallback.seconds(from, to) : seconds[i][j];
    }

    @Override
    public long meters(Location from, Location to) {
        Integer i = indexById.get(from.id());
        Integer j = indexById.get(to.id());
        return i == null || j == null ? fallback.meters(from, to) : meters[i][j];
    }
}
