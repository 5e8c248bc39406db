package dev.shifu.platform.dispatch.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface OfferRepository extends JpaRepository<Offer, Long> {

	List<Offer> findByProviderIdOrderByIdDesc(Long providerId);

	List<Offer> findByOrderIdOrderById(Long orderId);

	Optional<Offer> findFirstByOrderIdAndProviderIdAndStatusOrderByIdDesc(Long orderId, Long providerId, Offer.Status status);

	Optional<Offer> findFirstByOrderIdAndStatusOrderByIdDesc(Long orderId, Offer.Status status);

}
