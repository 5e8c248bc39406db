package dev.shifu.platform.catalog;

import java.util.Collection;
import java.util.Optional;

public interface ServiceCatalog {

	/** Requirements of a service type applied to the categories of the order's items. */
	ServiceRequirements requirements(ServiceType type, Collection<ProductCategory> categories, int itemCount);

	/** Fee for settlement: the most specific region (district, then city, then province) that has one. */
	Optional<Long> feeCents(ServiceType type, String regionCode);

}
