package dev.shifu.platform.catalog;

import java.util.List;
import java.util.Optional;

/** The administrative divisions we know, by GB/T 2260 code (e.g. 330106 Xihu District, Hangzhou). */
public interface Regions {

	boolean exists(String code);

	Optional<Region> find(String code);

	List<Region> all();

	record Region(String code, String nameZh, String nameEn, String parentCode, Double lat, Double lng) {
	}

}
