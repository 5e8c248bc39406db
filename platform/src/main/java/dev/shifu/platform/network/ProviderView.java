package dev.shifu.platform.network;

import java.util.List;
import java.util.Map;

import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.shared.GeoPoint;

/**
 * A provider as other contexts see it. {@code rating} is derived from its installers' consumer ratings (see
 * {@code ProviderRating} in the network README); {@code ratingCount} is how many ratings it rests on.
 */
public record ProviderView(long id, String name, ProviderType type, Long brandId, String contactPhone,
		List<String> regionCodes, GeoPoint centre, Double radiusKm, Map<ServiceType, Integer> dailyCapacity,
		PartnerStatus status, double rating, long installerCount, long ratingCount) {

	/**
	 * The one coverage rule: an address is covered when one of the provider's region codes is the address's code or
	 * a region above it (a city code covers its districts, a province code its cities), or when the address lies
	 * within the provider's radius around its centre.
	 */
	public boolean covers(String regionCode, GeoPoint location) {
		if (regionCodes.stream().anyMatch(code -> within(regionCode, code))) {
			return true;
		}
		return centre != null && radiusKm != null && location != null && centre.distanceKm(location) <= radiusKm;
	}

	/**
	 * Whether the provider works anywhere in {@code region} (e.g. the city a schedule plans): by the same rule as
	 * {@link #covers}, one of its region codes lies within that region or above it.
	 */
	public boolean worksIn(String region) {
		return regionCodes.stream().anyMatch(code -> within(code, region) || within(region, code));
	}

	/** Whether GB/T 2260 code {@code code} lies in {@code area}: {@code area}'s trailing "00" levels are wildcards. */
	static boolean within(String code, String area) {
		if (code == null || area == null) {
			return false;
		}
		String prefix = area;
		while (prefix.length() > 2 && prefix.endsWith("00")) {
			prefix = prefix.substring(0, prefix.length() - 2);
		}
		return code.startsWith(prefix);
	}

	/** Whether the provider may serve the brand's orders: its own dealer, or any third party. */
	public boolean mayServe(long brandId) {
		return type == ProviderType.THIRD_PARTY
				|| (type == ProviderType.DEALER && this.brandId != null && this.brandId == brandId);
	}

}
