package dev.shifu.platform.catalog.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.shifu.platform.catalog.ServiceType;

interface ServiceTypeDefinitionRepository extends JpaRepository<ServiceTypeDefinition, ServiceType> {

}

interface RegionFeeRepository extends JpaRepository<RegionFee, Long> {

	Optional<RegionFee> findByServiceTypeAndRegionCode(ServiceType type, String regionCode);

	List<RegionFee> findByServiceTypeOrderByRegionCode(ServiceType type);

}

interface RegionRepository extends JpaRepository<RegionEntity, String> {

}
