package dev.shifu.platform.webhook.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WebhookEndpointRepository extends JpaRepository<WebhookEndpoint, Long> {

	Optional<WebhookEndpoint> findByBrandId(Long brandId);

}

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long>, JpaSpecificationExecutor<WebhookDelivery> {

	boolean existsByEventId(String eventId);

	Optional<WebhookDelivery> findByIdAndBrandId(Long id, Long brandId);

	List<WebhookDelivery> findByBrandIdAndStatus(Long brandId, DeliveryStatus status);

	/** Due and unclaimed deliveries of active endpoints, oldest due first. */
	@Query("""
			select d.id from WebhookDelivery d join WebhookEndpoint e on e.brandId = d.brandId
			where d.status = dev.shifu.platform.webhook.internal.DeliveryStatus.PENDING and e.active = true
			  and d.nextAttemptAt <= :now and (d.claimedUntil is null or d.claimedUntil < :now)
			order by d.nextAttemptAt, d.id""")
	List<Long> findDueIds(@Param("now") Instant now, Limit limit);

	/**
	 * Claims one due delivery for one dispatcher: the conditional update succeeds for exactly one of several
	 * dispatchers racing for it (1 row), the others see 0. No row locks, so it behaves the same on every database.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update WebhookDelivery d set d.claimToken = :token, d.claimedUntil = :until, d.version = d.version + 1
			where d.id = :id and d.status = dev.shifu.platform.webhook.internal.DeliveryStatus.PENDING
			  and d.nextAttemptAt <= :now and (d.claimedUntil is null or d.claimedUntil < :now)""")
	int claim(@Param("id") Long id, @Param("token") String token, @Param("now") Instant now,
			@Param("until") Instant until);

	/** Attempts first: they reference their delivery. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(nativeQuery = true, value = """
			delete from webhook_attempt where delivery_id in (select d.id from webhook_delivery d
			  where d.status in ('DELIVERED', 'FAILED') and coalesce(d.last_attempt_at, d.created_at) < :cutoff)""")
	int deleteFinishedAttemptsBefore(@Param("cutoff") Instant cutoff);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(nativeQuery = true, value = """
			delete from webhook_delivery where status in ('DELIVERED', 'FAILED')
			  and coalesce(last_attempt_at, created_at) < :cutoff""")
	int deleteFinishedBefore(@Param("cutoff") Instant cutoff);

}
