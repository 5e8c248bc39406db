package dev.shifu.planner.domain;

import java.util.Objects;

import dev.shifu.planner.travel.TravelTable;

/**
 * A point on the map. Geographic locations use latitude/longitude; benchmark instances use plane
 * coordinates through {@link #plane(String, double, double)} ({@code x} = longitude, {@code y} =
 * latitude). Travel lookups go through the {@link TravelTable} the location was registered in.
 */
public final class Location {

    private final String id;
    private final double latitude;
    private final double longitude;
    private TravelTable table;
    private int index = -1;

    public Location(String id, double latitude, double longitude) {
        this.id = Objects.requireNonNull(id);
        this.latitude = latitude;
        this.longitude = longitude;
    }

    public static Location plane(String id, double x, double y) {
        return new Location(id, y, x);
    }

    public String id() {
        return id;
    }

    public double latitude() {
        return latitude;
    }

    public double longitude() {
        return longitude;
    }

    public double x() {
        return longitude;
    }

    public double y() {
        return latitude;
    }

    public TravelTable table() {
        return table;
    }

    public int index() {
        return index;
    }

    /** Called by {@link TravelTable#register(Location)} only. */
    public void attach(TravelTable table, int index) {
        this.table = table;
        this.index = index;
    }

    public long travelSecondsTo(Location other) {
        return table.seconds(index, other.index);
    }

    public long travelMetersTo(Location other) {
        return table.meters(index, other.index);
    }

    @Override
    public String toString() {
        return id;
    }
}
