package dev.shifu.platform.shared;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import dev.shifu.planner.travel.GreatCircle;

/** WGS-84 coordinates as brands and installers send them. */
public record GeoPoint(
		@NotNull @DecimalMin(value = "-90.0", message = "latitude must be between -90 and 90")
		@DecimalMax(value = "90.0", message = "latitude must be between -90 and 90") Double lat,
		@NotNull @DecimalMin(value = "-180.0", message = "longitude must be between -180 and 180")
		@DecimalMax(value = "180.0", message = "longitude must be between -180 and 180") Double lng) {

	/** Great-circle distance; the formula lives once, in the planner's travel model. */
	public double distanceKm(GeoPoint other) {
		return GreatCircle.meters(lat, lng, other.lat, other.lng) / 1000.0;
	}

}
