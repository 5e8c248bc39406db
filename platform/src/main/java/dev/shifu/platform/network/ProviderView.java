package dev.shifu.platform.network;

import java.util.Collection;
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
	 * within the provider's radius around its centre. Dispatch offers by it; the schedule plans by it ({@link #worksIn}).
	 */
	public boolean covers(String regionCode, GeoPoint location) {
		return coversCode(regionCode) || inRadius(location);
	}

	/**
	 * Whether the provider's installers take part in planning {@code region} (the city a schedule plans): it covers,
	 * by the rule of {@link #covers}, some address there: by code, one of its region codes lies in the region or
	 * above it; by radius, one of {@code addresses} (the region's open orders) lies within its radius.
	 */
	public boolean worksIn(String region, Collection<GeoPoint> addresses) {
		return coversCode(region) || regionCodes.stream().anyMatch(code -> within(code, region))
				|| addresses.stream().anyMatch(this::inRadius);
	}

	/** Whether the provider has a radius at all: only then do the region's order addresses matter to {@link #worksIn}. */
	public boolean hasRadius() {
		return centre != null && radiusKm != null;
	}

	private boolean coversCode(String regionCode) {
		return regionCodes.stream().anyMatch(code -> within(regionCode, code));
	}

	private boolean inRadius(GeoPoint location) {
		return hasRadius() && location != null && centre.distanceKm(location) <= radiusKm;
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
