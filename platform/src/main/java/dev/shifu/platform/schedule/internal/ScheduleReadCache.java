package dev.shifu.platform.schedule.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.stereotype.Component;

import dev.shifu.platform.shared.ReadCache;

/**
 * The schedule rows and held windows a windows query reads, kept in this node's memory: an entity listener of both
 * tables, so every write here evicts at once (and again after commit); another node's within {@link #TTL}. A
 * reservation always reads the database (it runs in a writing transaction, which bypasses the cache) and the
 * unique slot per installer's day decides a race.
 */
@Component
class ScheduleReadCache implements org.springframework.beans.factory.DisposableBean {

	/** Every live cache of this JVM (tests run several app contexts): Hibernate makes its listener on its own. */
	private static final java.util.Set<ScheduleReadCache> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

	ScheduleReadCache() {
		LIVE.add(this);
	}

	@Override
	public void destroy() {
		LIVE.remove(this);
	}

	/** The entity listener of both tables: each write evicts from every live cache. */
	static class Eviction {

		@PostPersist
		@PostUpdate
		@PostRemove
		void written(Object entity) {
			LIVE.forEach(cache -> cache.written(entity));
		}

	}

	static final Duration TTL = Duration.ofSeconds(3);

	private final ReadCache<Long, Optional<ScheduleJob>> rows = new ReadCache<>(TTL, 50_000);

	private final ReadCache<String, List<WindowReservation>> held = new ReadCache<>(TTL, 10_000);

	Optional<ScheduleJob> row(long orderId, ScheduleJobRepository jobs) {
		return rows.get(orderId, jobs::findById);
	}

	List<WindowReservation> held(String region, LocalDate from, LocalDate to, WindowReservationRepository reservations) {
		return held.get(region + "|" + from + "|" + to,
				key -> List.copyOf(reservations.findByRegionAndVisitDayBetweenAndActiveTrue(region, from, to)));
	}

	void written(Object entity) {
		if (entity instanceof ScheduleJob job && job.getOrderId() != null) {
			rows.evict(job.getOrderId());
		}
		else if (entity instanceof WindowReservation) {
			held.evictAll();
		}
	}

}
