package dev.shifu.platform.catalog;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The administrative divisions we know, by GB/T 2260 code (e.g. 330106 Xihu District, Hangzhou). */
public interface Regions {

	boolean exists(String code);

	Optional<Region> find(String code);

	List<Region> all();

	/**
	 * The time zone that defines a region's calendar days (today, the booked day, promised-by). A code we do not
	 * know takes its city's or province's zone, and failing that the platform's default zone.
	 */
	ZoneId zoneOf(String regionCode);

	/** The zone for things that belong to no region (the platform's default). */
	ZoneId defaultZone();

	record Region(String code, String nameZh, String nameEn, String parentCode, Double lat, Double lng, String zoneId) {

		public ZoneId zone() {
			return ZoneId.of(zoneId);
		}

	}

}
