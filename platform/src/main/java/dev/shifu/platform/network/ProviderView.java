package dev.shifu.platform.network;

import java.util.List;
import java.util.Map;

import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.shared.GeoPoint;

public record ProviderView(long id, String name, ProviderType type, Long brandId, String contactPhone,
		List<String> regionCodes, GeoPoint centre, Double radiusKm, Map<ServiceType, Integer> dailyCapacity,
		PartnerStatus status, double rating, long installerCount) {

	public boolean covers(String regionCode, GeoPoint location) {
		if (regionCodes.contains(regionCode)) {
			return true;
		}
		return centre != null && radiusKm != null && location != null && centre.distanceKm(location) <= radiusKm;
	}

}
