package dev.shifu.platform.dispatch.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.shifu.platform.catalog.ServiceType;

interface VisitRepository extends JpaRepository<Visit, Long> {

	List<Visit> findByOrderIdOrderById(Long orderId);

	Optional<Visit> findFirstByOrderIdAndReleasedFalseOrderByIdDesc(Long orderId);

	/** What counts against a provider's daily capacity: its visits of that type on that day, not released. */
	long countByProviderIdAndVisitDateAndServiceTypeAndReleasedFalse(Long providerId, LocalDate visitDate,
			ServiceType serviceType);

}
