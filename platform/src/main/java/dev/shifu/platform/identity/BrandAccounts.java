package dev.shifu.platform.identity;

/** Creates brands and platform users; used by the admin API and by demo data. */
public interface BrandAccounts {

	/** @return the new brand with its first API key (the secret is shown only once) */
	IssuedBrand createBrand(String code, String name);

	/** Creates a brand with a known key; only the embedded demo profile uses this. */
	IssuedBrand createBrandWithKey(String code, String name, String apiKey);

	long createUser(String username, String rawPassword, String displayName, java.util.Set<Role> roles,
			Long providerId, Long installerId);

	boolean userExists(String username);

	java.util.Optional<Long> findBrandId(String code);

	record IssuedBrand(long brandId, String code, String apiKey) {
	}

}
