package dev.shifu.platform.identity;

import java.util.Optional;

/** Read access to brands for other contexts (names for views, webhook settings later). */
public interface BrandDirectory {

	Optional<BrandInfo> find(long brandId);

	record BrandInfo(long id, String code, String name) {
	}

}
