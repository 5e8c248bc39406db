package dev.shifu.platform.schedule.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.domain.Times;
import dev.shifu.platform.schedule.RoutesStored;

/**
 * Stores each region's best plan (what the installer mobile API serves): ordered visits per installer shift with
 * planned arrival, start and end. Written at most every {@code persist-interval}, and only when the plan changed; at
 * once after a dispatcher's edit. Read back at start-up, where each region continues from its stored routes.
 */
@Component
class PlanStore {

	private final JdbcTemplate jdbc;

	private final RegionRegistry registry;

	/** Which plan version of which planner instance is stored, per region. */
	private final Map<String, String> stored = new ConcurrentHashMap<>();

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	PlanStore(JdbcTemplate jdbc, RegionRegistry registry, PlatformTransactionManager transactions,
			ApplicationEventPublisher events, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.registry = registry;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Scheduled(fixedDelayString = "${shifu.schedule.persist-interval:5s}")
	void storeChanged() {
		registry.all().forEach(this::storeIfChanged);
	}

	/** Stores the region's current plan now if it is not stored yet (after a dispatcher's edit). */
	void storeNow(String region) {
		registry.find(region).ifPresent(this::storeIfChanged);
	}

	private synchronized void storeIfChanged(RegionPlanner region) {
		PlanVersion version = region.version();
		String key = System.identityHashCode(region) + ":" + version.number();
		if (!key.equals(stored.get(region.region()))) {
			transaction.executeWithoutResult(tx -> store(region.region(), version.plan()));
			stored.put(region.region(), key);
			// Committed: whoever serves the routes (the installer app's stream) hears of the new version now.
			events.publishEvent(new RoutesStored(region.region(), version.number()));
		}
	}

	void store(String region, Schedule plan) {
		jdbc.update("delete from planned_visit where region = ?", region);
		List<Object[]> rows = new ArrayList<>();
		for (Shift shift : plan.getRealShifts()) {
			List<Job> route = new ArrayList<>(shift.getPinnedJobs());
			route.addAll(shift.getJobs());
			int position = 0;
			for (Job job : route) {
				if (job.getArrivalTime() == null || job.getStartTime() == null) {
					continue;
				}
				rows.add(new Object[] { region, shift.getDate(), shift.getId(), String.join(",", shift.getInstallerIds()),
						shift.getProviderId() == null ? null : Long.valueOf(shift.getProviderId()), job.getId(),
						ScheduleJob.orderIdOf(job.getId()), position++, time(job.getArrivalTime()),
						time(job.getStartTime()), time(job.getDepartureTime()),
						job.getTravelSecondsFromPrevious(), shift.getPinnedJobs().contains(job) });
			}
		}
		jdbc.batchUpdate("insert into planned_visit (region, plan_date, shift_id, installer_ids, provider_id, job_id, "
				+ "order_id, position, arrival_time, start_time, end_time, travel_seconds, pinned) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
		var score = plan.getScore();
		jdbc.update("delete from plan_summary where region = ?", region);
		jdbc.update("insert into plan_summary (region, score, feasible, unassigned, jobs, updated_at) values (?, ?, ?, ?, ?, ?)",
				region, RegionPlanner.progress(region, plan, 0, "stored").score(), RegionPlanner.progress(region, plan, 0, "stored").feasible(),
				plan.getUnassignedJobs().size(), plan.getJobs().size(), Timestamp.from(clock.instant()));
	}

	/** The stored routes of a region, in route order: where a restarted region continues from. */
	PlanRoutes routes(String region) {
		Map<String, List<String>> routes = new LinkedHashMap<>();
		jdbc.query("select shift_id, job_id from planned_visit where region = ? order by shift_id, position",
				rs -> {
					routes.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
				}, region);
		return new PlanRoutes(routes);
	}

	List<String> regions() {
		return jdbc.queryForList("select distinct region from planned_visit", String.class);
	}

	private static Timestamp time(long modelTime) {
		// Model time is local wall-clock time; stored as such, in the region's zone.
		return Timestamp.valueOf(Times.toDateTime(modelTime));
	}

}
