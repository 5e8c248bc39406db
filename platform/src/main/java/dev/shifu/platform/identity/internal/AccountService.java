package dev.shifu.platform.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.BrandAccounts;
import dev.shifu.platform.identity.BrandDirectory;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;

@Service
@Transactional
class AccountService implements BrandAccounts, BrandDirectory {

	private final BrandRepository brands;

	private final java.util.Map<Long, BrandInfo> known = new java.util.concurrent.ConcurrentHashMap<>();

	private final ApiKeyRepository keys;

	private final AppUserRepository users;

	private final PasswordEncoder passwords;

	AccountService(BrandRepository brands, ApiKeyRepository keys, AppUserRepository users, PasswordEncoder passwords) {
		this.brands = brands;
		this.keys = keys;
		this.users = users;
		this.passwords = passwords;
	}

	@Override
	public IssuedBrand createBrand(String code, String name) {
		return createBrandWithKey(code, name, ApiKeys.newKey());
	}

	@Override
	public IssuedBrand createBrandWithKey(String code, String name, String apiKey) {
		if (brands.findByCode(code).isPresent()) {
			throw new ConflictException("brand-exists", "A brand with code " + code + " exists");
		}
		Brand brand = brands.save(new Brand(code, name));
		store(brand.getId(), apiKey);
		return new IssuedBrand(brand.getId(), code, apiKey);
	}

	/** A new key next to the existing ones, so clients can switch before the old key is revoked. */
	String issueKey(long brandId) {
		brands.findById(brandId).orElseThrow(() -> new NotFoundException("brand", brandId));
		String key = ApiKeys.newKey();
		store(brandId, key);
		return key;
	}

	void revokeKey(long brandId, String keyId) {
		ApiKey key = keys.findByKeyId(keyId)
			.filter(k -> k.getBrandId() == brandId)
			.orElseThrow(() -> new NotFoundException("api key", keyId));
		boolean lastActive = keys.findByBrandIdOrderByIdAsc(brandId)
			.stream()
			.filter(k -> k.isActive() && !k.getKeyId().equals(keyId))
			.findAny()
			.isEmpty();
		if (lastActive && key.isActive()) {
			throw new ConflictException("last-api-key", "Issue a new key before revoking the last active one");
		}
		key.revoke();
	}

	List<ApiKey> keysOf(long brandId) {
		return keys.findByBrandIdOrderByIdAsc(brandId);
	}

	List<Brand> allBrands() {
		return brands.findAll();
	}

	@Transactional(readOnly = true)
	Optional<Actor> authenticate(String presentedKey) {
		return ApiKeys.parse(presentedKey)
			.flatMap(parts -> keys.findByKeyId(parts.keyId())
				.filter(ApiKey::isActive)
				.filter(k -> ApiKeys.matches(parts.secret(), k.getSecretHash())))
			.flatMap(k -> brands.findById(k.getBrandId()))
			.map(b -> Actor.brand(b.getId(), b.getCode()));
	}

	@Override
	public long createUser(String username, String rawPassword, String displayName, Set<Role> roles, Long providerId,
			Long installerId) {
		if (users.findByUsername(username).isPresent()) {
			throw new ConflictException("user-exists", "A user named " + username + " exists");
		}
		if (roles.contains(Role.PROVIDER_ADMIN) && providerId == null) {
			throw new InvalidFieldException("providerId", "is required for a provider admin");
		}
		if (roles.contains(Role.BRAND) || roles.contains(Role.OPS)) {
			throw new InvalidFieldException("roles", "BRAND and OPS are not user roles");
		}
		return users.save(new AppUser(username, passwords.encode(rawPassword), displayName, roles, providerId,
				installerId)).getId();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean userExists(String username) {
		return users.findByUsername(username).isPresent();
	}

	boolean anyAdmin() {
		return users.findAll().stream().anyMatch(u -> u.roleSet().contains(Role.ADMIN));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Long> findBrandId(String code) {
		return brands.findByCode(code).map(Brand::getId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<BrandInfo> find(long brandId) {
		// A brand's code and name never change after creation: kept once found (the consumer link asks per request).
		BrandInfo cached = this.known.get(brandId);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<BrandInfo> found = brands.findById(brandId).map(b -> new BrandInfo(b.getId(), b.getCode(), b.getName()));
		found.ifPresent(b -> this.known.put(brandId, b));
		return found;
	}

	private void store(long brandId, String apiKey) {
		ApiKeys.Parts parts = ApiKeys.parse(apiKey).orElseThrow(() -> new IllegalArgumentException("malformed key"));
		keys.save(new ApiKey(brandId, parts.keyId(), ApiKeys.hash(parts.secret())));
	}

}
