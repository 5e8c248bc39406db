package dev.shifu.platform.rating.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RatingRepository extends JpaRepository<Rating, Long> {

	Optional<Rating> findByOrderId(Long orderId);

}

interface ComplaintRepository extends JpaRepository<Complaint, Long> {

	List<Complaint> findByOrderIdOrderById(Long orderId);

}

interface ReworkRepository extends JpaRepository<Rework, Long> {

	long countByInstallerId(Long installerId);

}
