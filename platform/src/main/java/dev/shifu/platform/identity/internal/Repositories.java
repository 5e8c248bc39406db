package dev.shifu.platform.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface BrandRepository extends JpaRepository<Brand, Long> {

	Optional<Brand> findByCode(String code);

}

interface ApiKeyRepository extends JpaRepository<ApiKey, Long> {

	Optional<ApiKey> findByKeyId(String keyId);

	List<ApiKey> findByBrandIdOrderByIdAsc(Long brandId);

}

interface AppUserRepository extends JpaRepository<AppUser, Long> {

	Optional<AppUser> findByUsername(String username);

}
