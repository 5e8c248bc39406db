package dev.shifu.platform.schedule.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.planner.domain.Times;

/**
 * Stores each region's best plan (what the installer mobile API serves): ordered visits per installer shift with
 * planned arrival, start and end. Written at most every {@code persist-interval}, and only when the plan changed.
 */
@Component
class PlanStore {

	private final JdbcTemplate jdbc;

	private final SchedulePlanner planner;

	/** Which plan version of which planner instance is stored, per region. */
	private final Map<String, String> stored = new ConcurrentHashMap<>();

	private final TransactionTemplate transaction;

	PlanStore(JdbcTemplate jdbc, SchedulePlanner planner, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.planner = planner;
		this.transaction = new TransactionTemplate(transactions);
		planner.onStopped(region -> {
			transaction.executeWithoutResult(tx -> {
				jdbc.update("delete from planned_visit where region = ?", region);
				jdbc.update("delete from plan_summary where region = ?", region);
			});
			stored.remove(region);
		});
	}

	@Scheduled(fixedDelayString = "${shifu.schedule.persist-interval:5s}")
	void storeChanged() {
		for (RegionPlanner region : planner.planners().values()) {
			String version = System.identityHashCode(region) + ":" + region.version();
			if (!version.equals(stored.get(region.region()))) {
				transaction.executeWithoutResult(tx -> region.read(best -> {
					store(region.region(), best);
					return null;
				}));
				stored.put(region.region(), version);
			}
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
						time(job.getStartTime()), time(job.getStartTime() + job.getServiceSeconds()),
						job.getTravelSecondsFromPrevious(), shift.getPinnedJobs().contains(job) });
			}
		}
		jdbc.batchUpdate("insert into planned_visit (region, plan_date, shift_id, installer_ids, provider_id, job_id, "
				+ "order_id, position, arrival_time, start_time, end_time, travel_seconds, pinned) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
		var score = plan.getScore();
		jdbc.update("delete from plan_summary where region = ?", region);
		jdbc.update("insert into plan_summary (region, score, feasible, unassigned, jobs, updated_at) values (?, ?, ?, ?, ?, ?)",
				region, score == null ? "uninitialized" : score.toString(), score != null && score.isFeasible(),
				plan.getUnassignedJobs().size(), plan.getJobs().size(), Timestamp.from(java.time.Instant.now()));
	}

	private static Timestamp time(long modelTime) {
		// Model time is local wall-clock time; stored as such, in the service zone.
		return Timestamp.valueOf(Times.toDateTime(modelTime));
	}

}
