package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.optaplanner.core.api.solver.change.ProblemChange;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.shifu.planner.domain.Job;
import dev.shifu.planner.domain.Schedule;
import dev.shifu.planner.domain.Shift;
import dev.shifu.platform.network.NetworkEvents.InstallerChanged;
import dev.shifu.platform.network.NetworkEvents.ProviderChanged;
import dev.shifu.platform.order.OrderEvents.GoodsStatusChanged;
import dev.shifu.platform.order.OrderEvents.OrderAccepted;
import dev.shifu.platform.order.OrderEvents.OrderStatusChanged;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.workflow.WorkflowEvents.BookingReleased;
import dev.shifu.platform.workflow.WorkflowEvents.JobToSchedule;

/**
 * Keeps the schedule's view of each visit and turns every change into a problem change for the region's live
 * solver: new orders, bookings, accepted offers, releases, progress (pins) and the end of a job. Each listener runs
 * after the publishing transaction, on its own thread (like {@code @Async
	@TransactionalEventListener}), in transactions of
 * its own that {@link RowRetry} repeats when another event of the same order wrote the row at the same time. The
 * change reaches the live plan only after that commit ({@link RowRetry#runThen}): a rebuild reading the rows meanwhile
 * then either sees the row or gets the change replayed onto its new planner.
 * <p>
 * Each update locks the order's row first ({@link ScheduleJobRepository#lock}): the events of one order arrive
 * together (a rework's hand-over and its status change commit in one process step), and an update that read the row
 * before another one's commit would otherwise hand the solver an older job after the newer one, e.g. the done
 * original visit pinned on its past day instead of the rework on its booked day.
 */
@Component
class ScheduleUpdates {

	/** Once the installer is on the way the job stays on its route. */
	private static final Set<OrderStatus> UNDER_WAY = EnumSet.of(OrderStatus.EN_ROUTE, OrderStatus.ARRIVED,
			OrderStatus.STARTED);

	private final ScheduleJobRepository jobs;

	private final ProblemFactory problems;

	private final SchedulePlanner planner;

	private final RowRetry retry;

	private final dev.shifu.platform.order.OrderLifecycle orders;

	ScheduleUpdates(ScheduleJobRepository jobs, ProblemFactory problems, SchedulePlanner planner, RowRetry retry,
			dev.shifu.platform.order.OrderLifecycle orders) {
		this.orders = orders;
		this.jobs = jobs;
		this.problems = problems;
		this.planner = planner;
		this.retry = retry;
	}

	@Async
	@TransactionalEventListener
	void on(OrderAccepted order) {
		retry.runThen("order accepted", order.orderId(), () -> {
			ScheduleJob row = jobs.findById(order.orderId())
				.orElseGet(() -> jobs.save(new ScheduleJob(order.orderId(), ProblemFactory.regionOf(order.regionCode()))));
			return replan(row);
		});
	}

	/**
	 * A visit booked (or moved) for a day, without a window: booking calls {@link
	 * dev.shifu.platform.schedule.WindowCapacity}'s day booking, which publishes this in booking's transaction (the
	 * schedule does not listen to booking's events).
	 */
	@Async
	@TransactionalEventListener
	void on(DayBooked booked) {
		booked(booked.orderId(), booked.day());
	}

	void booked(long orderId, LocalDate date) {
		// Retried on a collision with another update of the row; the row is made here if the order's acceptance has
		// not reached the schedule yet, so the booked day is never dropped.
		retry.runThen("visit booked", orderId, () -> {
			ScheduleJob row = jobs.findById(orderId)
				.orElseGet(() -> problems.regionOfOrder(orderId)
					.map(region -> jobs.save(new ScheduleJob(orderId, region)))
					.orElse(null));
			if (row == null) {
				return null;
			}
			row.booked(date);
			return replan(row);
		});
	}

	/** Also a rework visit after a low rating, for an order the schedule had already finished with. */
	@Async
	@TransactionalEventListener
	void on(JobToSchedule job) {
		retry.runThen("job to schedule", job.orderId(), () -> {
			ScheduleJob row = jobs.findById(job.orderId())
				.orElseGet(() -> problems.regionOfOrder(job.orderId())
					.map(region -> jobs.save(new ScheduleJob(job.orderId(), region)))
					.orElse(null));
			if (row == null) {
				return null;
			}
			row.assigned(job.providerId(), job.bookedDate(), job.preferredInstallerId());
			row.rework(job.isRework(), job.avoidedInstallerId());
			return replan(jobs.save(row));
		});
	}

	@Async
	@TransactionalEventListener
	void on(BookingReleased released) {
		retry.runThen("booking released", released.orderId(), () -> jobs.findById(released.orderId()).map(row -> {
			row.released();
			return replan(row);
		}).orElse(null));
	}

	@Async
	@TransactionalEventListener
	void on(OrderStatusChanged change) {
		retry.runThen("status changed", change.orderId(), () -> jobs.findById(change.orderId()).map(row -> {
			String region = row.getRegion();
			String jobId = row.jobId();
			if (UNDER_WAY.contains(change.to()) && !row.isPinned()) {
				row.pin();
				return (Runnable) () -> planner.started(region, jobId);
			}
			if (change.to() == OrderStatus.REWORK_SCHEDULED) {
				return replan(row);
			}
			if (!change.to().isCancellable() && change.to() != OrderStatus.CANCELLED && row.isPinned()
					&& row.getPinnedDate() != null) {
				// Done on its route: it stays there, pinned, as the head of the day's route until the day has passed.
				row.done();
				return null;
			}
			if (!change.to().isCancellable()) {
				// Cancelled, or finished without having been on a route: nothing left to plan.
				jobs.delete(row);
				return (Runnable) () -> planner.replace(region, jobId, null);
			}
			return null;
		}).orElse(null));
	}

	/** Goods delayed (a later arrival) or arrived: the job's earliest day follows, so it is never planned before them. */
	@Async
	@TransactionalEventListener
	void on(GoodsStatusChanged goods) {
		retry.runThen("goods changed", goods.orderId(), () -> jobs.findById(goods.orderId()).map(this::replan).orElse(null));
	}

	/**
	 * Leave, suspension and their end reach the live plan at once: days off are blocked and their jobs go
	 * elsewhere, days back on take work again, new working days come in. Other edits count from the next rebuild.
	 */
	@Async
	@TransactionalEventListener
	void on(InstallerChanged changed) {
		retry.runThen("installer changed", () -> {
			long installer = changed.installerId();
			Map<String, ProblemChange<Schedule>> changes = new LinkedHashMap<>();
			for (RegionPlanner region : planner.planners()) {
				List<LocalDate> days = problems.horizon(region.region());
				List<Shift> current = problems.shifts(region.region(), days)
					.stream()
					.filter(shift -> ShiftIds.isOf(shift.getId(), installer))
					.toList();
				changes.put(region.region(), PlanChanges.syncInstaller(installer, days, current));
			}
			return () -> changes.forEach(planner::submit);
		});
	}

	/** A provider suspended or back: each region is rebuilt warm with the network as it is now. */
	@Async
	@TransactionalEventListener
	void on(ProviderChanged changed) {
		retry.runThen("provider changed", () -> () -> planner.planners().forEach(planner::rebuild));
	}

	/** Reads what the row's job is now; the returned step sends it to the plan, after the row's commit. */
	private Runnable replan(ScheduleJob row) {
		String region = row.getRegion();
		if (needsProviderOfRadius(row)) {
			// Built with the job (its row is stored) and the provider that covers it by radius.
			return () -> planner.planners()
				.stream()
				.filter(p -> p.region().equals(region))
				.findFirst()
				.ifPresent(planner::rebuild);
		}
		String jobId = row.jobId();
		Job job = problems.job(row, problems.horizon(region)).orElse(null);
		return () -> planner.replace(region, jobId, job);
	}

	private boolean needsProviderOfRadius(ScheduleJob row) {
		return planner.find(row.getRegion())
			.filter(running -> !running.hasFailed())
			.flatMap(running -> orders.find(row.getOrderId())
				.map(order -> problems.lacksRadiusProvider(row.getRegion(), order, running.best())))
			.orElse(false);
	}

}
