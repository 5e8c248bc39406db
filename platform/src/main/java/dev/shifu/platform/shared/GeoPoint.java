package dev.shifu.platform.shared;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** WGS-84 coordinates as brands and installers send them. */
public record GeoPoint(
		@NotNull @DecimalMin(value = "-90.0", message = "latitude must be between -90 and 90")
		@DecimalMax(value = "90.0", message = "latitude must be between -90 and 90") Double lat,
		@NotNull @DecimalMin(value = "-180.0", message = "longitude must be between -180 and 180")
		@DecimalMax(value = "180.0", message = "longitude must be between -180 and 180") Double lng) {

	private static final double EARTH_RADIUS_KM = 6371.0088;

	public double distanceKm(GeoPoint other) {
		double dLat = Math.toRadians(other.lat - lat);
		double dLng = Math.toRadians(other.lng - lng);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat))
				* Math.cos(Math.toRadians(other.lat)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
	}

}
