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

}
