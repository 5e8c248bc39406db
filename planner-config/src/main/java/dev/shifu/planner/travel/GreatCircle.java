package dev.shifu.planner.travel;

/**
 * The haversine great-circle distance on the mean Earth sphere: the one copy of the formula, used by
 * {@link HaversineTravelTime} and by the platform's coverage checks ({@code GeoPoint.distanceKm}).
 */
public final class GreatCircle {

    /** Mean Earth radius (IUGG). */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private GreatCircle() {
    }

    /** Straight-line distance over the Earth's surface between two WGS-84 points, in metres. */
    public static double meters(double fromLatitude, double fromLongitude, double toLatitude, double toLongitude) {
        double lat1 = Math.toRadians(fromLatitude);
        double lat2 = Math.toRadians(toLatitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(toLongitude - fromLongitude);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
