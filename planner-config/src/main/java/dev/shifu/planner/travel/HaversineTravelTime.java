package dev.shifu.planner.travel;

import dev.shifu.planner.domain.Location;

/**
 * Default travel model: great-circle distance ({@link GreatCircle}) times a road factor, driven at an average speed.
 *
 * @param roadFactor how much longer the road is than the straight line (1.3 is typical in cities)
 * @param averageSpeedKmh average driving speed including stops at lights
 */
public record HaversineTravelTime(double roadFactor, double averageSpeedKmh) implements TravelTime {

    public HaversineTravelTime {
        if (roadFactor < 1.0 || averageSpeedKmh <= 0.0) {
            throw new IllegalArgumentException("roadFactor must be >= 1 and averageSpeedKmh > 0");
        }
    }

    /** Road factor 1.3 and 25 km/h, a reasonable guess for a Chinese city in daytime. */
    public static HaversineTravelTime cityDefault() {
        return new HaversineTravelTime(1.3, 25.0);
    }

    @Override
    public long meters(Location from, Location to) {
        return Math.round(roadMeters(from, to));
    }

    @Override
    public long seconds(Location from, Location to) {
        return Math.round(roadMeters(from, to) / (averageSpeedKmh / 3.6));
    }

    private double roadMeters(Location from, Location to) {
        return GreatCircle.meters(from.latitude(), from.longitude(), to.latitude(), to.longitude()) * roadFactor;
    }
}
