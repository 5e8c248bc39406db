package dev.shifu.platform.network.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.shifu.platform.network.PartnerStatus;

interface ServiceProviderRepository extends JpaRepository<ServiceProvider, Long> {

	List<ServiceProvider> findByStatusOrderById(PartnerStatus status);

}

interface InstallerRepository extends JpaRepository<Installer, Long> {

	List<Installer> findByProviderIdOrderById(Long providerId);

	List<Installer> findByProviderIdAndStatusOrderById(Long providerId, PartnerStatus status);

	Optional<Installer> findByProviderIdAndPhone(Long providerId, String phone);

	long countByProviderId(Long providerId);

	/** The sum of the stars and the number of ratings of a provider's installers (every installer, suspended too). */
	@org.springframework.data.jpa.repository.Query("select coalesce(sum(i.rating * i.ratingCount), 0), coalesce(sum(i.ratingCount), 0) "
			+ "from Installer i where i.providerId = :providerId")
	List<Object[]> ratingTotals(Long providerId);

}
