package dev.shifu.platform.order.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ServiceOrderRepository extends JpaRepository<ServiceOrder, Long>, JpaSpecificationExecutor<ServiceOrder> {

	Optional<ServiceOrder> findByBrandIdAndExternalOrderId(Long brandId, String externalOrderId);

	Optional<ServiceOrder> findByConsumerToken(String consumerToken);

}
